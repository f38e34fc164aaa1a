#include "cli/case_runs.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <string_view>
#include <system_error>
#include <thread>

#include <fmt/format.h>

#include "cli/common.hpp"
#include "support/counted.hpp"
#include "support/worker_count.hpp"

namespace algojudge::cli {

namespace {

// How many threads run_cases may have, main one included, as if the system refused more:
// ALGOJUDGE_TEST_MAX_THREADS, for tests of that path only (as git's GIT_TEST_* variables).
std::size_t test_thread_limit() {
    const char* limit = std::getenv("ALGOJUDGE_TEST_MAX_THREADS");
    if (limit == nullptr || *limit == '\0') return SIZE_MAX;
    return std::strtoull(limit, nullptr, 10);
}

}  // namespace

void add_case_run_options(CLI::App& command, case_run_options& options) {
    command.add_flag("--json", options.json, "Print a JSON report instead of a table");
    command.add_option("--junit", options.junit_file, "Also write a JUnit XML report to FILE");
    command.add_option("--filter", options.filter, "Only cases whose name matches this glob");
    command.add_flag("--fail-fast", options.fail_fast, "Stop starting cases after a failure");
    command.add_option("--shard", options.shard,
                       "K/N: run every N-th case starting at K (0 <= K < N)");
}

std::optional<std::vector<test_case>> load_cases(
    const std::vector<std::filesystem::path>& files, std::uint64_t max_bytes,
    const std::vector<std::function<std::vector<test_case>()>>& extra, bool typed_inputs) {
    std::vector<test_case> all_cases;
    std::size_t load_errors = 0;
    auto take = [&](const std::function<std::vector<test_case>()>& load) {
        try {
            for (auto& c : load())
                all_cases.push_back(std::move(c));
        } catch (const input_error& e) {
            print_error(e.what());
            ++load_errors;
        }
    };
    for (const auto& file : files)
        take([&] { return load_case_file(file, max_bytes, typed_inputs); });
    for (const auto& load : extra)
        take(load);
    if (load_errors > 0) {
        // One line per problem: the count only when there are several.
        if (load_errors > 1) {
            print_note(
                fmt::format("{} case files could not be loaded; nothing was run", load_errors));
        }
        return std::nullopt;
    }
    return all_cases;
}

std::optional<shard_spec> parse_shard(const std::string& text) {
    if (text.empty()) return shard_spec{};
    const std::size_t slash = text.find('/');
    if (slash == std::string::npos) return std::nullopt;
    auto number = [](std::string_view digits) -> std::optional<std::size_t> {
        if (digits.empty() || digits.size() > 9) return std::nullopt;
        std::size_t value = 0;
        for (char c : digits) {
            if (c < '0' || c > '9') return std::nullopt;
            value = value * 10 + static_cast<std::size_t>(c - '0');
        }
        return value;
    };
    auto index = number(std::string_view(text).substr(0, slash));
    auto count = number(std::string_view(text).substr(slash + 1));
    if (!index || !count || *count == 0 || *index >= *count) return std::nullopt;
    return shard_spec{*index, *count};
}

std::vector<test_case> select_cases(std::vector<test_case> all, const std::string& filter,
                                    const shard_spec& shard) {
    std::vector<test_case> cases;
    std::size_t position = 0;
    for (auto& c : all) {
        if (!filter.empty() && fnmatch(filter.c_str(), c.name.c_str(), 0) != 0) continue;
        if (position++ % shard.count == shard.index) cases.push_back(std::move(c));
    }
    return cases;
}

std::size_t run_cases(std::size_t count, unsigned jobs, bool fail_fast,
                      const std::function<bool(std::size_t)>& run_case,
                      const std::function<void(std::size_t)>& finished) {
    std::vector<char> done(count, 0);
    std::size_t next_reported = 0;
    std::size_t run = 0;
    std::mutex mutex;
    std::atomic<std::size_t> next{0};
    std::atomic<bool> stop{false};
    auto worker = [&] {
        for (;;) {
            if (stop.load()) return;
            const std::size_t i = next.fetch_add(1);
            if (i >= count) return;
            const bool passed = run_case(i);
            std::lock_guard lock(mutex);
            if (!passed && fail_fast) stop = true;
            done[i] = 1;
            ++run;
            for (; next_reported < count && done[next_reported]; ++next_reported)
                finished(next_reported);
        }
    };
    jobs = worker_count(jobs, count);
    std::vector<std::thread> threads;
    const std::size_t allowed = test_thread_limit();
    for (unsigned j = 1; j < jobs; ++j) {
        try {
            if (j >= allowed) {
                throw std::system_error(
                    std::make_error_code(std::errc::resource_unavailable_try_again));
            }
            threads.emplace_back(worker);
        } catch (const std::system_error&) {
            // The system refuses more threads: go on with those running, and say so.
            print_note(
                fmt::format("the system refused more threads: running on {} of {}", j, jobs));
            break;
        }
    }
    worker();
    for (auto& thread : threads)
        thread.join();
    return count - run;
}

bool check_selection(const std::vector<test_case>& selected, std::size_t loaded,
                     const case_run_options& options) {
    if (!selected.empty()) return true;
    // A CI job over the wrong folder or a mistyped filter must not pass by accident.
    if (loaded == 0) {
        print_error("no case found under the paths given; nothing was run");
    } else {
        print_error(fmt::format("no case matched {}; nothing was run",
                                !options.filter.empty() && !options.shard.empty()
                                    ? "--filter and --shard"
                                : !options.filter.empty() ? "--filter"
                                                          : "--shard"));
    }
    return false;
}

std::ofstream open_junit(const case_run_options& options) {
    std::ofstream out;
    if (options.junit_file.empty()) return out;
    out.open(options.junit_file, std::ios::binary | std::ios::trunc);
    if (out) out << junit_declaration << std::flush;
    if (!out) {
        throw output_error(
            fmt::format("{}: cannot open the JUnit report for writing", options.junit_file));
    }
    return out;
}

void finish_case_runs(const case_run_options& options, std::string_view suite,
                      const std::vector<test_case>& cases,
                      const std::vector<std::optional<case_outcome>>& outcomes,
                      const case_tally& counts, std::size_t not_run, std::ofstream& junit) {
    if (not_run > 0) {
        print_note("stopped after the first failure; " + counted(not_run, "case") + " not run");
    }
    if (options.junit_file.empty()) return;
    junit << junit_report(suite, cases, outcomes, counts);
    junit.close();
    if (!junit) throw output_error(options.junit_file + ": cannot write the JUnit report");
}

}  // namespace algojudge::cli
