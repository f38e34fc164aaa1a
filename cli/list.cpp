#include "cli/list.hpp"

#include <memory>

#include "cli/common.hpp"
#include "problems/registry.hpp"

namespace algojudge::cli {

void setup_list(CLI::App& app, int& status) {
    auto options = std::make_shared<list_options>();
    CLI::App* command = app.add_subcommand("list", "List the problems and their input fields");
    command->add_flag("--json", options->json, "Print a JSON array instead of a table");
    command->callback([options, &status] { status = list_main(*options); });
}

int list_main(const list_options& options) {
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
