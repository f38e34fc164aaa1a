#include "cli/verify.hpp"

#include <fnmatch.h>

#include <atomic>
#include <fstream>
#include <memory>
#include <mutex>
#include <system_error>
#include <thread>

#include <fmt/format.h>

#include "cli/common.hpp"
#include "judging/run_case.hpp"
#include "reports/case_report.hpp"
#include "support/printable.hpp"

namespace algojudge::cli {

void setup_verify(CLI::App& app, int& status) {
    auto options = std::make_shared<verify_options>();
    CLI::App* command =
        app.add_subcommand("verify", "Run case files and check results against expected ones");
    command->add_option("paths", options->paths, "Case files, or folders searched recursively")
        ->required();
    command->add_option("-j,--jobs", options->jobs, "Cases run in parallel (default: one per core)")
        ->check(CLI::Validator(
            [](std::string& text) {
                return text.find_first_not_of("0123456789") == std::string::npos &&
                               text.find_first_not_of('0') != std::string::npos
                           ? std::string()
                           : fmt::format("expected a positive number of jobs, got \"{}\"", text);
            },
            "N"));
    command->add_flag("--json", options->json, "Print a JSON report instead of a table");
    command->add_option("--junit", options->junit_file, "Also write a JUnit XML report to FILE");
    command->add_option("--filter", options->filter, "Only cases whose name matches this glob");
    command->add_flag("--fail-fast", options->fail_fast, "Stop starting cases after a failure");
    command->add_option("--shard", options->shard,
                        "K/N: run every N-th case starting at K (0 <= K < N)");
    add_memory_limit_option(*command, options->memory_limit_bytes);
    command->callback([options, &status] { status = verify_main(*options); });
}

namespace {

// --jobs is capped at this many threads per core, or min_jobs_cap when that is more.
constexpr std::size_t max_jobs_per_core = 4;
constexpr std::size_t min_jobs_cap = 16;

struct shard_spec {
    std::size_t index = 0;
    std::size_t count = 1;
};

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

exit_status status_of(const case_tally& counts) {
    if (counts.errors > 0) return exit_status::input_error;
    if (counts.failed > 0) return exit_status::failed;
    return exit_status::ok;
}

// One table row per case, printed as soon as it and every case before it have finished.
class progress_printer {
  public:
    progress_printer(const std::vector<test_case>& cases, bool enabled)
        : cases_(cases), enabled_(enabled), colour_(stdout_is_colour_terminal()) {
        for (const test_case& c : cases)
            name_width_ = std::max(name_width_, c.name.size());
        name_width_ = std::min<std::size_t>(name_width_, 60);
    }

    void print_ready(const std::vector<std::optional<case_outcome>>& outcomes) {
        for (; next_ < outcomes.size() && outcomes[next_]; ++next_)
            print_row(next_, *outcomes[next_]);
        std::fflush(stdout);
    }

  private:
    void print_row(std::size_t i, const case_outcome& outcome) {
        const test_case& c = cases_[i];
        if (outcome.status == case_status::error) print_error(c.label() + ": " + outcome.message);
        if (!enabled_) return;
        std::string_view word = "PASS";
        colour paint_as = colour::green;
        if (outcome.status == case_status::failed) {
            word = "FAIL";
            paint_as = colour::red;
        } else if (outcome.status == case_status::error) {
            word = "ERROR";
            paint_as = colour::red;
        } else if (!outcome.checked) {
            word = "RAN";
            paint_as = colour::yellow;
        }
        std::string line = paint(pad(word, 5, align::left), paint_as, colour_) + "  " +
                           pad(printable(c.name), name_width_, align::left) + "  " +
                           pad(format_duration(outcome.seconds), 10, align::right);
        if (outcome.status != case_status::passed)
            line += "  " + printable(outcome.message);
        else if (!outcome.checked)
            line += "  " + paint(outcome.message, colour::dim, colour_);
        write_stdout(line + "\n");
    }

    const std::vector<test_case>& cases_;
    bool enabled_;
    bool colour_;
    std::size_t name_width_ = 4;
    std::size_t next_ = 0;
};

}  // namespace

int verify_main(const verify_options& options) {
    const auto shard = parse_shard(options.shard);
    if (!shard) {
        print_error(
            fmt::format("--shard: expected K/N with 0 <= K < N, got \"{}\"", options.shard));
        return code(exit_status::input_error);
    }
    algojudge::solve_options limits;
    limits.memory_limit_bytes = options.memory_limit_bytes;

    // Load everything first: a malformed file stops the run before any result is printed.
    std::vector<test_case> all_cases;
    std::size_t load_errors = 0;
    for (const auto& file : collect_case_files(options.paths)) {
        try {
            auto cases = load_case_file(file, options.memory_limit_bytes);
            for (auto& c : cases)
                all_cases.push_back(std::move(c));
        } catch (const input_error& e) {
            print_error(e.what());
            ++load_errors;
        }
    }
    if (load_errors > 0) {
        // One line per problem: the count only when there are several.
        if (load_errors > 1) {
            print_note(
                fmt::format("{} case files could not be loaded; nothing was run", load_errors));
        }
        return code(exit_status::input_error);
    }

    std::vector<test_case> cases;
    std::size_t position = 0;
    for (auto& c : all_cases) {
        if (!options.filter.empty() && fnmatch(options.filter.c_str(), c.name.c_str(), 0) != 0) {
            continue;
        }
        if (position++ % shard->count == shard->index) cases.push_back(std::move(c));
    }
    if (cases.empty()) {
        // A CI job over the wrong folder or a mistyped filter must not pass by accident.
        if (all_cases.empty()) {
            print_error("no case found under the paths given; nothing was run");
        } else {
            print_error(fmt::format("no case matched {}; nothing was run",
                                    !options.filter.empty() && !options.shard.empty()
                                        ? "--filter and --shard"
                                    : !options.filter.empty() ? "--filter"
                                                              : "--shard"));
        }
        return code(exit_status::input_error);
    }

    // The report file is opened before any case runs: a path that cannot be written fails
    // now, not after every case.
    std::ofstream junit_out;
    if (!options.junit_file.empty()) {
        junit_out.open(options.junit_file, std::ios::binary | std::ios::trunc);
        if (junit_out) junit_out << junit_declaration << std::flush;
        if (!junit_out) {
            print_error(
                fmt::format("{}: cannot open the JUnit report for writing", options.junit_file));
            return code(exit_status::input_error);
        }
    }

    std::vector<std::optional<case_outcome>> outcomes(cases.size());
    std::mutex mutex;
    std::atomic<std::size_t> next{0};
    std::atomic<bool> stop{false};
    progress_printer printer(cases, !options.json);
    auto worker = [&] {
        for (;;) {
            if (stop.load()) return;
            const std::size_t i = next.fetch_add(1);
            if (i >= cases.size()) return;
            case_outcome outcome = judge_case(cases[i], limits);
            outcome.actual = nullptr;  // only verdicts are reported; outputs can be large
            std::lock_guard lock(mutex);
            if (outcome.status != case_status::passed && options.fail_fast) stop = true;
            outcomes[i] = std::move(outcome);
            printer.print_ready(outcomes);
        }
    };
    // Never more threads than cases, nor than a few per core: more only cost memory.
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    unsigned jobs = options.jobs != 0 ? options.jobs : cores;
    jobs = static_cast<unsigned>(
        std::min<std::size_t>({jobs, std::max<std::size_t>(1, cases.size()),
                               std::max<std::size_t>(max_jobs_per_core * cores, min_jobs_cap)}));
    std::vector<std::thread> threads;
    for (unsigned j = 1; j < jobs; ++j) {
        try {
            threads.emplace_back(worker);
        } catch (const std::system_error&) {
            break;  // the system refuses more threads: go on with those running
        }
    }
    worker();
    for (auto& thread : threads)
        thread.join();

    case_tally counts;
    std::size_t not_run = 0;
    for (const auto& outcome : outcomes) {
        if (outcome)
            counts.add(outcome->status);
        else
            ++not_run;
    }
    // Cases are started in order, so those not run (after --fail-fast) are all at the end and
    // every finished one has been printed.
    if (not_run > 0)
        print_note(fmt::format("stopped after the first failure; {} case{} not run", not_run,
                               not_run == 1 ? "" : "s"));

    if (!options.junit_file.empty()) {
        std::ofstream& out = junit_out;
        out << junit_report("algojudge verify", cases, outcomes, counts);
        out.close();
        if (!out) {
            print_error(fmt::format("{}: cannot write the JUnit report", options.junit_file));
            return code(exit_status::input_error);
        }
    }
    if (options.json) {
        // File names that are not UTF-8 get U+FFFD rather than an exception from the writer.
        write_stdout(json_report(cases, outcomes, counts)
                         .dump(2, ' ', false, json::error_handler_t::replace) +
                     "\n");
    } else {
        write_stdout(counts.summary() + "\n");
    }
    return code(finish_stdout(status_of(counts)));
}

}  // namespace algojudge::cli
