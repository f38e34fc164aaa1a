#include "cli/verify.hpp"

#include <fstream>
#include <memory>

#include <fmt/format.h>

#include "cli/case_runs.hpp"
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
    add_case_run_options(*command, options->runs);
    add_memory_limit_option(*command, options->memory_limit_bytes);
    command->callback([options, &status] { status = verify_main(*options); });
}

namespace {

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
            line += "  " + paint(printable(outcome.message), colour::dim, colour_);
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
    const auto shard = parse_shard(options.runs.shard);
    if (!shard) {
        print_error(
            fmt::format("--shard: expected K/N with 0 <= K < N, got \"{}\"", options.runs.shard));
        return code(exit_status::input_error);
    }
    algojudge::solve_options limits;
    limits.memory_limit_bytes = options.memory_limit_bytes;

    // Load everything first: a malformed file stops the run before any result is printed.
    // Inputs through the problems' fast readers (problem::fast): no json DOM of large inputs.
    auto all_cases =
        load_cases(collect_case_files(options.paths), options.memory_limit_bytes, {}, true);
    if (!all_cases) return code(exit_status::input_error);

    const std::size_t loaded = all_cases->size();
    std::vector<test_case> cases = select_cases(std::move(*all_cases), options.runs.filter, *shard);
    if (!check_selection(cases, loaded, options.runs)) return code(exit_status::input_error);
    std::ofstream junit = open_junit(options.runs);

    std::vector<std::optional<case_outcome>> outcomes(cases.size());
    std::vector<case_outcome> finished(cases.size());
    progress_printer printer(cases, !options.runs.json);
    run_cases(
        cases.size(), options.jobs, options.runs.fail_fast,
        [&](std::size_t i) {
            finished[i] = judge_case(cases[i], limits);
            finished[i].actual = nullptr;  // only verdicts are reported; outputs can be large
            return finished[i].status == case_status::passed;
        },
        [&](std::size_t i) {
            outcomes[i] = std::move(finished[i]);
            printer.print_ready(outcomes);
        });

    case_tally counts;
    std::size_t not_run = 0;
    for (const auto& outcome : outcomes) {
        if (outcome)
            counts.add(outcome->status);
        else
            ++not_run;
    }
    finish_case_runs(options.runs, "algojudge verify", cases, outcomes, counts, not_run, junit);
    if (options.runs.json) {
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
