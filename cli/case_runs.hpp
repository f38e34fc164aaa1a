// Shared by verify and judge: choosing cases (--filter, --shard) and running them on --jobs
// threads, each result handed over in case order as soon as it and all before it are done.
#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "judging/case_files.hpp"
#include "reports/case_report.hpp"

namespace algojudge::cli {

// The options verify and judge share: how cases are chosen, run and reported.
struct case_run_options {
    bool json = false;
    std::string junit_file;
    std::string filter;
    bool fail_fast = false;
    std::string shard;  // "K/N", K from 0 to N-1
};

// Adds --json, --junit, --filter, --fail-fast and --shard to `command`.
void add_case_run_options(CLI::App& command, case_run_options& options);

// Every case of `files` (case files). A file that cannot be loaded is reported on stderr and the
// rest are still read, so that all malformed files are named at once; then nullopt, after a
// closing "N case files could not be loaded; nothing was run". `extra` loads cases from
// elsewhere (judge's text folders) under the same rule. `typed_inputs` as load_case_file's:
// verify solves through the fast readers, judge hands programs the json inputs.
std::optional<std::vector<test_case>> load_cases(
    const std::vector<std::filesystem::path>& files, std::uint64_t max_bytes,
    const std::vector<std::function<std::vector<test_case>()>>& extra = {},
    bool typed_inputs = false);

struct shard_spec {
    std::size_t index = 0;
    std::size_t count = 1;
};

// "K/N" with 0 <= K < N ("" is 0/1); nullopt when malformed.
std::optional<shard_spec> parse_shard(const std::string& text);

// The cases whose name matches `filter` (a glob; "" matches all), then every N-th from K.
std::vector<test_case> select_cases(std::vector<test_case> all, const std::string& filter,
                                    const shard_spec& shard);

// Runs run_case(i) for every i below `count` on `jobs` threads (0: one per core), cases started in
// order; run_case returns false on a failure, which with `fail_fast` stops starting cases.
// finished(i) is called under a lock, in order of i. Returns how many cases were not run.
std::size_t run_cases(std::size_t count, unsigned jobs, bool fail_fast,
                      const std::function<bool(std::size_t)>& run_case,
                      const std::function<void(std::size_t)>& finished);

// After a run: notes the cases --fail-fast left out (`not_run`, all at the end since cases start
// in order) and writes the JUnit report when --junit asked for one (output_error if it cannot).
void finish_case_runs(const case_run_options& options, std::string_view suite,
                      const std::vector<test_case>& cases,
                      const std::vector<std::optional<case_outcome>>& outcomes,
                      const case_tally& counts, std::size_t not_run, std::ofstream& junit);

// False (after an error line) when the selection is empty: nothing found under the paths
// (`loaded` == 0), or --filter/--shard matched nothing. The caller exits 2.
bool check_selection(const std::vector<test_case>& selected, std::size_t loaded,
                     const case_run_options& options);

// Opens the --junit report and writes its declaration now, so a path that cannot be written
// fails before any case runs (output_error); a closed stream without --junit.
std::ofstream open_junit(const case_run_options& options);

}  // namespace algojudge::cli
