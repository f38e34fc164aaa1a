// `algojudge ap --plot DIR`: one SVG per class (raw precision/recall steps, the monotone
// envelope with its area shaded, the 11 interpolation points marked, both APs in the title)
// and an index.html with the table and every plot.
// Errors: case_file_error naming the path when a file cannot be written.
// Status: interface only here; implemented and tested on the ap2 branch.
#pragma once

#include <filesystem>

#include "algorithms/average_precision.hpp"

namespace algojudge::cli {

// Creates `dir` if needed and writes <class>.svg for every class plus index.html.
void write_ap_plots(const std::filesystem::path& dir, const detection_set& set,
                    const ap_result& result, const ap_conventions& conventions);

}  // namespace algojudge::cli
