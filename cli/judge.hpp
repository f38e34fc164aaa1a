// `algojudge judge [PROBLEM] PATH... [options] -- COMMAND [ARGS...]`: run the user's program on
// every case under the paths, under limits, and check its answers (docs/judge.md).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/case_runs.hpp"

namespace algojudge::cli {

struct judge_options {
    std::vector<std::string> paths;    // the first may be a PROBLEM name (for text folders)
    std::vector<std::string> command;  // after `--`
    std::string io = "text";
    double time_limit_seconds = 2.0;
    std::uint64_t memory_limit_bytes = std::uint64_t{256} << 20;
    std::uint64_t reference_memory_limit_bytes = std::uint64_t{1} << 30;
    std::uint64_t output_limit_bytes = std::uint64_t{64} << 20;
    bool sandbox = false;
    case_run_options runs;  // --json, --junit, --filter, --fail-fast, --shard
    unsigned jobs = 1;
};

// `command` is what followed `--` on the command line (cli/main.cpp splits it off).
void setup_judge(CLI::App& app, int& status, const std::vector<std::string>& command);
int judge_main(const judge_options& options);

// Splits argv at the first "--" after a "judge" argument: returns the command after it and
// lowers argc to the arguments before it; returns {} and leaves argc when there is none.
std::vector<std::string> split_judged_command(int& argc, char** argv);

}  // namespace algojudge::cli
