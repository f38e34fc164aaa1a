// `algojudge run PROBLEM [FILE|-] [--json|--pretty]`: solve an input object, or the inputs of a
// case file, and print the output object(s) as JSON.
#pragma once

#include <cstdint>
#include <string>

#include <CLI/CLI.hpp>

namespace algojudge::cli {

struct run_options {
    std::string problem;
    std::string file = "-";
    bool json = false;  // the default output is already JSON; accepted for symmetry
    bool pretty = false;
    std::uint64_t memory_limit_bytes = std::uint64_t{1} << 30;  // --memory-limit, default 1G
};

void setup_run(CLI::App& app, int& status);
int run_main(const run_options& options);

}  // namespace algojudge::cli
