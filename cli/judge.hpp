// `algojudge judge [PROBLEM] PATH... [options] -- COMMAND [ARGS...]`: run the user's program on
// every case under the paths, under limits, and check its answers (docs/judge.md).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/case_runs.hpp"
#include "judging/run_program.hpp"

namespace algojudge::cli {

// How the user's program runs: the options judge and stress share.
struct program_run_options {
    std::string io = "text";
    double time_limit_seconds = 2.0;
    std::uint64_t memory_limit_bytes = std::uint64_t{256} << 20;
    std::uint64_t reference_memory_limit_bytes = std::uint64_t{1} << 30;
    std::uint64_t output_limit_bytes = std::uint64_t{64} << 20;
    bool sandbox = false;
};

// Adds --io, --time-limit, --memory-limit, --reference-memory-limit, --output-limit, --sandbox.
void add_program_run_options(CLI::App& command, program_run_options& options);

// Checks that `command` can run (and the sandbox start) before any case: usage_error if not;
// then the runner's settings. `who` names the command in messages ("judge").
program_options prepare_program_run(const program_run_options& options,
                                    const std::vector<std::string>& command, std::string_view who);

struct judge_options {
    std::vector<std::string> paths;    // the first may be a PROBLEM name (for text folders)
    std::vector<std::string> command;  // after `--`
    program_run_options program;
    case_run_options runs;  // --json, --junit, --filter, --fail-fast, --shard
    unsigned jobs = 1;
};

// `command` is what followed `--` on the command line (cli/main.cpp splits it off).
void setup_judge(CLI::App& app, int& status, const std::vector<std::string>& command);
int judge_main(const judge_options& options);

// Splits argv at the first "--" after a "judge" or "stress" argument: returns the command after it
// and lowers argc to the arguments before it; returns {} and leaves argc when there is none.
std::vector<std::string> split_judged_command(int& argc, char** argv);

}  // namespace algojudge::cli
