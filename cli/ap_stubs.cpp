// Temporary stand-in so the ap branch links before the ap2 branch lands; the lead deletes
// this file at merge (cli/ap_plot.cpp replaces it).
#include "cli/ap_plot.hpp"
#include "problems/cases.hpp"

namespace algojudge::cli {

void write_ap_plots(const std::filesystem::path& dir, const detection_set&, const ap_result&,
                    const ap_conventions&) {
    throw case_file_error(dir.string() + ": --plot is not built in yet");
}

}  // namespace algojudge::cli
