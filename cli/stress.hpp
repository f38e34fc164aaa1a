// `algojudge stress PROBLEM [generator options] [judge options] -- COMMAND [ARGS...]`: run the
// program on generated cases of growing size until one is not accepted, shrink that case and
// print it (docs/stress.md). The loop and the shrinking live in judging/stress.hpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/gen.hpp"
#include "cli/judge.hpp"

namespace algojudge::cli {

struct stress_options {
    std::string problem;
    std::vector<std::string> command;  // after `--`
    generator_option_values given;     // the problem's generator options given
    program_run_options program;       // --io, limits, --sandbox, as for judge
    std::uint64_t seed = 1;
    std::optional<std::uint64_t> iterations;
    std::optional<double> time_seconds;  // default 10 unless --iterations alone is given
    double shrink_seconds = 10;
    unsigned jobs = 0;  // 0: one per core
    bool json = false;
    std::string out;  // the shrunk case as a case file
};

// `command` is what followed `--` on the command line (cli/main.cpp splits it off).
void setup_stress(CLI::App& app, int& status, const std::vector<std::string>& command);
int stress_main(const stress_options& options);

}  // namespace algojudge::cli
