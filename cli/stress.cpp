#include "cli/stress.hpp"

#include <unistd.h>

#include <memory>

#include <fmt/format.h>

#include "cli/common.hpp"
#include "judging/stress.hpp"
#include "problems/registry.hpp"
#include "support/counted.hpp"
#include "support/errors.hpp"
#include "support/files.hpp"

namespace algojudge::cli {

namespace {

constexpr double default_seconds = 10;
// Output longer than this is cut in the printed report (the case file has all of the input).
constexpr std::size_t shown_output_bytes = 4000;

std::string shown(std::string text) {
    if (text.size() > shown_output_bytes) {
        const std::size_t cut = text.size() - shown_output_bytes;
        text.resize(shown_output_bytes);
        text += fmt::format("\n... ({} more bytes)", cut);
    }
    if (!text.empty() && text.back() != '\n') text += '\n';
    return text;
}

std::string sizes_summary(const stress_result& result) {
    std::string text;
    for (const size_range& range : result.sizes) {
        text += fmt::format("{}{} {}", text.empty() ? "" : ", ", range.name, range.low);
        if (range.high != range.low) text += fmt::format(" to {}", range.high);
    }
    return text.empty() ? "" : " (" + text + ")";
}

std::string render_input(const problem& chosen, const json& input, program_io io) {
    return io == program_io::as_text ? chosen.text->render_input(input) : input.dump() + "\n";
}

std::string render_expected(const problem& chosen, const json& expected, program_io io) {
    return io == program_io::as_text ? chosen.text->render_output(expected)
                                     : expected.dump() + "\n";
}

void print_found(const problem& chosen, const stress_result& result, program_io io) {
    const stress_case& c = *result.shrunk;
    write_stdout(
        fmt::format("{} on {} after {} cases ({:.1f} s); shrunk in {}, {} tried ({:.1f} s)\n",
                    program_verdict_code(c.outcome.verdict), result.original->name,
                    result.cases_run, result.seconds, counted(result.shrink_steps, "step"),
                    counted(result.shrink_tried, "candidate"), result.shrink_seconds));
    write_stdout("--- input ---\n" + shown(render_input(chosen, c.input, io)));
    write_stdout("--- program output ---\n" + shown(c.outcome.run.stdout_bytes));
    write_stdout("--- expected output ---\n" + shown(render_expected(chosen, c.expected, io)));
    write_stdout(fmt::format("--- {} ---\n{}\n", program_verdict_name(c.outcome.verdict),
                             c.outcome.message));
}

void print_json(const problem& chosen, const stress_result& result, double time_limit) {
    const bool found = result.shrunk.has_value();
    nlohmann::ordered_json report = {
        {"found", found},
        {"cases_run", result.cases_run},
        {"seconds", result.seconds},
        {"verdict",
         found ? nlohmann::ordered_json(program_verdict_name(result.shrunk->outcome.verdict))
               : nullptr},
        {"original_case", found ? stress_case_file(chosen, *result.original, time_limit) : nullptr},
        {"case", found ? stress_case_file(chosen, *result.shrunk, time_limit) : nullptr},
        {"shrink_steps", result.shrink_steps},
        {"message", found ? nlohmann::ordered_json(result.shrunk->outcome.message) : nullptr}};
    write_stdout(report.dump(2, ' ', false, json::error_handler_t::replace) + "\n");
}

// "\r1234 cases, 980/s, n 7" on the terminal, overwritten in place.
void print_progress(const stress_progress& progress) {
    const double rate =
        progress.seconds > 0 ? static_cast<double>(progress.cases_run) / progress.seconds : 0;
    fmt::print(stdout, "\r\033[K{} cases, {:.0f}/s, {}", progress.cases_run, rate, progress.sizes);
    std::fflush(stdout);
}

stress_settings settings_from(const stress_options& options, const problem& chosen) {
    stress_settings settings;
    settings.chosen = &chosen;
    settings.given = options.given;
    settings.command = options.command;
    settings.program = prepare_program_run(options.program, options.command, "stress");
    settings.program.keep_stdout = true;
    settings.seed = options.seed;
    settings.iterations = options.iterations.value_or(0);
    settings.seconds = options.time_seconds.value_or(options.iterations ? 0 : default_seconds);
    settings.shrink_seconds = options.shrink_seconds;
    settings.jobs = options.jobs;
    if (!options.json && isatty(STDOUT_FILENO) != 0) settings.progress = print_progress;
    return settings;
}

}  // namespace

void setup_stress(CLI::App& app, int& status, const std::vector<std::string>& command) {
    auto options = std::make_shared<stress_options>();
    options->command = command;
    CLI::App* stress = app.add_subcommand(
        "stress",
        "Run your program on generated cases until one fails, then shrink that case:\n"
        "  algojudge stress PROBLEM [OPTIONS] -- COMMAND [ARGS...]");
    stress->add_option("problem", options->problem, "Problem name (see `algojudge list`)")
        ->required();
    stress->add_option("--seed", options->seed, "Seed of the first case; case k uses S + k")
        ->capture_default_str();
    stress->add_option("--iterations", options->iterations, "Stop after N cases")
        ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1} << 40));
    stress
        ->add_option("--time", options->time_seconds,
                     "Stop after SECONDS (default 10, none with --iterations alone)")
        ->check(CLI::Range(0.001, 1e7));
    stress
        ->add_option("--shrink-time", options->shrink_seconds,
                     "Seconds spent shrinking a failing case (default 10)")
        ->check(CLI::Range(0.0, 1e7));
    stress->add_option("-j,--jobs", options->jobs, "Cases run in parallel (default: one per core)");
    stress->add_flag("--json", options->json, "Print one JSON object instead of the report");
    stress->add_option("--out", options->out,
                       "Write the shrunk case to FILE, for `algojudge judge FILE -- COMMAND`");
    add_program_run_options(*stress, options->program);
    auto given = add_generator_options(*stress);
    stress->callback([options, given, &status] {
        options->given = given();
        status = stress_main(*options);
    });
}

int stress_main(const stress_options& options) {
    const problem& chosen = problem_named(options.problem, "");
    check_generator_options(chosen, options.given);
    if (options.program.io == "text" && chosen.text == nullptr) {
        throw usage_error(fmt::format(
            "stress: problem {} has no text format (JSON only): use --io json", chosen.name));
    }
    const stress_settings settings = settings_from(options, chosen);
    const stress_result result = run_stress(settings);
    if (settings.progress) write_stdout("\r\033[K");
    const double time_limit = options.program.time_limit_seconds;
    if (result.shrunk && !options.out.empty()) {
        write_text_file(options.out,
                        stress_case_file(chosen, *result.shrunk, time_limit).dump() + "\n");
    }
    const program_io io = settings.program.io;
    if (options.json) {
        print_json(chosen, result, time_limit);
    } else if (result.shrunk) {
        print_found(chosen, result, io);
        if (!options.out.empty()) {
            // The case file has no field for the I/O mode: the command says it.
            write_stdout(fmt::format("wrote {}: algojudge judge {}{} -- COMMAND reproduces it\n",
                                     options.out, io == program_io::as_json ? "--io json " : "",
                                     options.out));
        }
    } else {
        write_stdout(fmt::format("no failing case: {} cases in {:.1f} s{}\n", result.cases_run,
                                 result.seconds, sizes_summary(result)));
    }
    return code(finish_stdout(result.shrunk ? exit_status::failed : exit_status::ok));
}

}  // namespace algojudge::cli
