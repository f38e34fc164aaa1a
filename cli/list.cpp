#include "cli/list.hpp"

#include <memory>

#include <fmt/format.h>

#include "cli/common.hpp"
#include "problems/registry.hpp"

namespace algojudge::cli {

void setup_list(CLI::App& app, int& status) {
    auto options = std::make_shared<list_options>();
    CLI::App* command = app.add_subcommand("list", "List the problems and their input fields");
    command->add_option("problem", options->problem, "Show this problem's formats");
    command->add_flag("--json", options->json, "Print a JSON array instead of a table");
    command->callback([options, &status] { status = list_main(*options); });
}

namespace {

// One problem's formats: its JSON input and, for judge's --io text, its plain text.
int show_problem(const problem& entry, bool as_json) {
    if (as_json) {
        json shown = {{"name", entry.name},
                      {"summary", entry.summary},
                      {"input", describe_fields(entry.input_fields)}};
        if (entry.text != nullptr) {
            shown["text_input"] = entry.text->input_format;
            shown["text_output"] = entry.text->output_format;
        }
        write_stdout(shown.dump(2) + "\n");
        return code(finish_stdout(exit_status::ok));
    }
    std::string text = fmt::format("{}: {}\nJSON input: {}\n", entry.name, entry.summary,
                                   describe_fields(entry.input_fields));
    if (entry.text != nullptr) {
        text += fmt::format("Text input (judge --io text): {}\nText output: {}\n",
                            entry.text->input_format, entry.text->output_format);
    } else {
        text += "Text I/O: none (JSON only: judge --io json)\n";
    }
    write_stdout(text);
    return code(finish_stdout(exit_status::ok));
}

}  // namespace

int list_main(const list_options& options) {
    if (!options.problem.empty()) {
        return show_problem(problem_named(options.problem, "problem"), options.json);
    }
    if (options.json) {
        json problems = json::array();
        for (const problem& entry : all_problems()) {
            problems.push_back({{"name", entry.name},
                                {"summary", entry.summary},
                                {"input", describe_fields(entry.input_fields)}});
        }
        write_stdout(problems.dump(2) + "\n");
    } else {
        text_table table({"PROBLEM", "INPUT", "SUMMARY"});
        for (const problem& entry : all_problems()) {
            table.add_row({std::string(entry.name), describe_fields(entry.input_fields),
                           std::string(entry.summary)});
        }
        write_stdout(table.render(stdout_is_colour_terminal()));
    }
    return code(finish_stdout(exit_status::ok));
}

}  // namespace algojudge::cli
