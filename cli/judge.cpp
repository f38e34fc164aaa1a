#include "cli/judge.hpp"

#include <filesystem>
#include <fstream>
#include <memory>
#include <string_view>

#include <fmt/format.h>

#include "cli/case_runs.hpp"
#include "cli/common.hpp"
#include "judging/run_program.hpp"
#include "judging/text_cases.hpp"
#include "problems/registry.hpp"
#include "reports/case_report.hpp"
#include "support/byte_size.hpp"
#include "support/printable.hpp"

namespace algojudge::cli {

void add_program_run_options(CLI::App& command, program_run_options& options) {
    command.add_option("--io", options.io, "The program's I/O: text (default) or json")
        ->check(CLI::IsMember({"text", "json"}));
    command
        .add_option("--time-limit", options.time_limit_seconds,
                    "CPU seconds per case (default 2; wall clock 2x+1)")
        ->check(CLI::Range(0.001, 86400.0));
    add_size_option(command, "--memory-limit", options.memory_limit_bytes,
                    "Peak resident memory of the program", "256M");
    add_size_option(command, "--reference-memory-limit", options.reference_memory_limit_bytes,
                    "Largest table the reference solver may allocate", "1G");
    add_size_option(command, "--output-limit", options.output_limit_bytes,
                    "Most the program may write to stdout, to stderr or to any file", "64M");
    command.add_flag("--sandbox", options.sandbox,
                     "Run the program in bubblewrap: no network, read-only files but /tmp");
}

program_options prepare_program_run(const program_run_options& options,
                                    const std::vector<std::string>& command, std::string_view who) {
    if (command.empty()) {
        throw usage_error(
            fmt::format("{}: no program to run: put it after --, e.g. `-- ./a.out`", who));
    }
    if (auto why = check_command_runnable(command, options.sandbox)) throw usage_error(*why);
    if (options.sandbox) {
        if (auto why = check_sandbox_usable()) {
            throw usage_error(
                fmt::format("--sandbox: bwrap cannot start a sandbox here: {}", *why));
        }
    }
    program_options run_options;
    run_options.io = options.io == "json" ? program_io::as_json : program_io::as_text;
    run_options.limits.cpu_seconds = options.time_limit_seconds;
    run_options.limits.wall_seconds = wall_limit_for(options.time_limit_seconds);
    run_options.limits.memory_bytes = options.memory_limit_bytes;
    run_options.limits.output_bytes = options.output_limit_bytes;
    run_options.sandbox = options.sandbox;
    run_options.reference.memory_limit_bytes = options.reference_memory_limit_bytes;
    run_options.reference.memory_limit_option = "--reference-memory-limit";
    return run_options;
}

void setup_judge(CLI::App& app, int& status, const std::vector<std::string>& command) {
    auto options = std::make_shared<judge_options>();
    options->command = command;
    CLI::App* judge =
        app.add_subcommand("judge",
                           "Run your program on cases under limits and check its answers:\n"
                           "  algojudge judge [PROBLEM] PATH... [OPTIONS] -- COMMAND [ARGS...]");
    judge
        ->add_option("paths", options->paths,
                     "[PROBLEM] case files or folders; with PROBLEM, folders of NAME.in + "
                     "NAME.ans/.out")
        ->required();
    add_program_run_options(*judge, options->program);
    add_case_run_options(*judge, options->runs);
    judge->add_option("-j,--jobs", options->jobs, "Cases run in parallel (default 1)");
    judge->callback([options, &status] { status = judge_main(*options); });
}

std::vector<std::string> split_judged_command(int& argc, char** argv) {
    bool in_judge = false;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "judge" || arg == "stress") in_judge = true;
        if (in_judge && arg == "--") {
            std::vector<std::string> command(argv + i + 1, argv + argc);
            argc = i;
            return command;
        }
    }
    return {};
}

namespace {

std::string cpu_ms(double seconds) {
    return fmt::format("{} ms", static_cast<long long>(seconds * 1000 + 0.5));
}

// One table row per case, in case order.
void print_row(const test_case& c, const program_outcome& outcome, std::size_t name_width,
               bool colour_on) {
    const bool accepted = outcome.verdict == program_verdict::accepted;
    std::string line = paint(pad(program_verdict_code(outcome.verdict), 3, align::left),
                             accepted ? colour::green : colour::red, colour_on) +
                       "  " + pad(printable(c.name), name_width, align::left) + "  " +
                       pad(cpu_ms(outcome.run.cpu_seconds), 8, align::right) + "  " +
                       pad(format_byte_size(outcome.run.peak_memory_bytes), 10, align::right) +
                       "  " + (outcome.expected_from_reference ? "reference" : "case");
    if (!outcome.message.empty()) {
        if (!outcome.expected_from_reference)
            line += "     ";  // under the messages after "reference"
        line += "  " + printable(outcome.message);
    }
    write_stdout(line + "\n");
}

case_status status_of(program_verdict verdict) {
    if (verdict == program_verdict::accepted) return case_status::passed;
    if (verdict == program_verdict::judge_error) return case_status::error;
    return case_status::failed;
}

nlohmann::ordered_json json_case(const test_case& c, const program_outcome& outcome) {
    const run_result& run = outcome.run;
    return {{"name", c.name},
            {"file", c.file},
            {"number", c.number},
            {"problem", c.solver->name},
            {"verdict", program_verdict_name(outcome.verdict)},
            {"cpu_seconds", run.cpu_seconds},
            {"wall_seconds", run.wall_seconds},
            {"memory_bytes", run.peak_memory_bytes},
            {"exit_code", run.exit_code ? nlohmann::ordered_json(*run.exit_code) : nullptr},
            {"signal", run.signal ? nlohmann::ordered_json(signal_name(*run.signal)) : nullptr},
            {"expected_from", outcome.expected_from_reference ? "reference" : "case"},
            {"message", outcome.message}};
}

// PATHs as cases: with a PROBLEM first, .in folders in its text format; JSON case files else.
std::optional<std::vector<test_case>> load_judged_cases(std::vector<std::string> paths) {
    const problem* text_problem = nullptr;
    std::error_code ec;
    if (paths.size() > 1 && !std::filesystem::exists(paths.front(), ec)) {
        text_problem = &problem_named(paths.front(), "PROBLEM");
        paths.erase(paths.begin());
    }
    std::vector<std::string> json_paths;
    std::vector<std::function<std::vector<test_case>()>> text_loaders;
    for (const std::string& path : paths) {
        if (text_problem != nullptr && holds_text_cases(path)) {
            if (text_problem->text == nullptr) {
                throw usage_error(
                    fmt::format("{}: problem {} has no text format, so .in files cannot be read",
                                path, text_problem->name));
            }
            text_loaders.push_back(
                [path, text_problem] { return load_text_cases(path, *text_problem); });
        } else {
            json_paths.push_back(path);
        }
    }
    return load_cases(collect_case_files(json_paths), default_input_limit, text_loaders);
}

// The cases to judge, after --filter and --shard; nullopt (after the error) when none.
std::optional<std::vector<test_case>> judged_selection(const judge_options& options,
                                                       const shard_spec& shard, program_io io) {
    auto all_cases = load_judged_cases(options.paths);
    if (!all_cases) return std::nullopt;
    const std::size_t loaded = all_cases->size();
    std::vector<test_case> cases = select_cases(std::move(*all_cases), options.runs.filter, shard);
    if (!check_selection(cases, loaded, options.runs)) return std::nullopt;
    if (io == program_io::as_text) {
        for (const test_case& c : cases) {
            if (c.solver->text == nullptr) {
                throw usage_error(
                    fmt::format("{}: problem {} has no text format (JSON only): "
                                "use --io json",
                                c.label(), c.solver->name));
            }
        }
    }
    return cases;
}

// The table's row or the error line for a finished case, and its summary for the reports.
case_outcome report_case(const test_case& c, const program_outcome& outcome, bool json_report,
                         std::size_t name_width, bool colour_on) {
    if (outcome.verdict == program_verdict::judge_error) {
        print_error(c.label() + ": " + outcome.message);
    }
    if (!json_report) print_row(c, outcome, name_width, colour_on);
    std::fflush(stdout);
    case_outcome summary;
    summary.status = status_of(outcome.verdict);
    summary.checked = true;
    if (!outcome.message.empty() || summary.status != case_status::passed) {
        summary.message =
            fmt::format("{}: {}", program_verdict_name(outcome.verdict), outcome.message);
    }
    summary.seconds = outcome.run.cpu_seconds;
    return summary;
}

void print_judge_json(const std::vector<test_case>& cases,
                      const std::vector<program_outcome>& finished,
                      const std::vector<std::optional<case_outcome>>& outcomes,
                      const case_tally& counts) {
    nlohmann::ordered_json report_cases = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < cases.size(); ++i) {
        if (outcomes[i]) report_cases.push_back(json_case(cases[i], finished[i]));
    }
    nlohmann::ordered_json report = {{"cases", std::move(report_cases)},
                                     {"passed", counts.passed},
                                     {"failed", counts.failed},
                                     {"errors", counts.errors}};
    write_stdout(report.dump(2, ' ', false, json::error_handler_t::replace) + "\n");
}

}  // namespace

int judge_main(const judge_options& options) {
    const auto shard = parse_shard(options.runs.shard);
    if (!shard) {
        throw usage_error(
            fmt::format("--shard: expected K/N with 0 <= K < N, got \"{}\"", options.runs.shard));
    }
    const program_options run_options =
        prepare_program_run(options.program, options.command, "judge");
    auto selected = judged_selection(options, *shard, run_options.io);
    if (!selected) return code(exit_status::input_error);
    const std::vector<test_case>& cases = *selected;
    std::ofstream junit = open_junit(options.runs);

    std::size_t name_width = 4;
    for (const test_case& c : cases)
        name_width = std::max(name_width, c.name.size());
    name_width = std::min<std::size_t>(name_width, 60);
    const bool colour_on = stdout_is_colour_terminal();
    std::vector<program_outcome> finished(cases.size());
    std::vector<std::optional<case_outcome>> outcomes(cases.size());
    case_tally counts;
    const std::size_t not_run = run_cases(
        cases.size(), options.jobs, options.runs.fail_fast,
        [&](std::size_t i) {
            try {
                finished[i] = judge_program_case(cases[i], options.command, run_options);
            } catch (const std::exception& e) {  // the runner itself failed: not the program
                finished[i] = program_outcome{};
                finished[i].verdict = program_verdict::judge_error;
                finished[i].message = e.what();
            }
            return finished[i].verdict == program_verdict::accepted;
        },
        [&](std::size_t i) {
            outcomes[i] =
                report_case(cases[i], finished[i], options.runs.json, name_width, colour_on);
            counts.add(outcomes[i]->status);
        });
    finish_case_runs(options.runs, "algojudge judge", cases, outcomes, counts, not_run, junit);
    if (options.runs.json) {
        print_judge_json(cases, finished, outcomes, counts);
    } else {
        write_stdout(counts.summary() + "\n");
    }
    exit_status status = exit_status::ok;
    if (counts.failed > 0) status = exit_status::failed;
    if (counts.errors > 0) status = exit_status::input_error;
    return code(finish_stdout(status));
}

}  // namespace algojudge::cli
