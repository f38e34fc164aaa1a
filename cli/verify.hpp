// `algojudge verify PATH... [--jobs N] [--json] [--junit FILE] [--filter GLOB] [--fail-fast]
// [--shard K/N]`: run every case under the paths and check it against its expected answer.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/case_runs.hpp"

namespace algojudge::cli {

struct verify_options {
    std::vector<std::string> paths;
    unsigned jobs = 0;      // 0: one per core
    case_run_options runs;  // --json, --junit, --filter, --fail-fast, --shard
    std::uint64_t memory_limit_bytes = std::uint64_t{1} << 30;  // --memory-limit, default 1G
};

void setup_verify(CLI::App& app, int& status);
int verify_main(const verify_options& options);

}  // namespace algojudge::cli
