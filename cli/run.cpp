#include "cli/run.hpp"

#include <memory>

#include <fmt/format.h>

#include "cli/common.hpp"
#include "judging/case_files.hpp"
#include "problems/registry.hpp"
#include "support/files.hpp"
#include "support/json_input.hpp"

namespace algojudge::cli {

void setup_run(CLI::App& app, int& status) {
    auto options = std::make_shared<run_options>();
    CLI::App* command = app.add_subcommand("run", "Solve one input (or a case file's inputs)");
    command->add_option("problem", options->problem, "Problem name (see `algojudge list`)")
        ->required();
    command
        ->add_option("file", options->file,
                     "Input object, case or array of cases; - for standard input")
        ->capture_default_str();
    auto* json_flag = command->add_flag("--json", options->json, "Compact JSON, one per line");
    command->add_flag("--pretty", options->pretty, "Indented JSON")->excludes(json_flag);
    add_memory_limit_option(*command, options->memory_limit_bytes);
    command->callback([options, &status] { status = run_run(*options); });
}

int run_run(const run_options& options) {
    algojudge::run_options solve_options;
    solve_options.memory_limit_bytes = options.memory_limit_bytes;

    // Every output is computed and rendered before anything is printed: no partial result on
    // error. Problems with a direct renderer (solve_text) skip building json values.
    std::vector<std::string> outputs;
    auto solve_one = [&](const problem& chosen, const json& input) {
        if (!options.pretty && chosen.solve_text != nullptr) {
            return chosen.solve_text(input, solve_options);
        }
        const json output = chosen.solve(input, solve_options);
        return options.pretty ? output.dump(2) : output.dump();
    };
    {
        const problem& chosen = problem_named(options.problem, "");
        const std::string text = read_text_file(options.file, options.memory_limit_bytes, true);
        const json document = parse_json_text(text, options.file);
        const bool is_case_file =
            document.is_array() ||
            (document.is_object() && document.contains("input") && document.contains("problem"));
        if (!is_case_file) {
            try {
                outputs.push_back(solve_one(chosen, document));
            } catch (input_error& e) {
                e.within(options.file);
                throw;
            }
        } else {
            for (const test_case& c : parse_case_text(text, options.file, false)) {
                if (c.solver != &chosen) {
                    throw input_error::at(c.label(),
                                          fmt::format("problem: the case is for \"{}\", not \"{}\"",
                                                      c.solver->name, chosen.name));
                }
                try {
                    outputs.push_back(solve_one(chosen, c.input));
                } catch (input_error& e) {
                    e.within(c.label());
                    throw;
                }
            }
        }
    }
    for (const std::string& output : outputs) {
        write_stdout(output);
        write_stdout("\n");
    }
    return code(finish_stdout(exit_status::ok));
}

}  // namespace algojudge::cli
