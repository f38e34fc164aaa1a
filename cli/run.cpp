#include "cli/run.hpp"

#include <memory>

#include <fmt/format.h>

#include "cli/common.hpp"
#include "judging/case_files.hpp"
#include "problems/registry.hpp"
#include "support/files.hpp"
#include "support/json_input.hpp"
#include "support/output_spool.hpp"

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
    command->callback([options, &status] { status = run_main(*options); });
}

namespace {

// A .jsonl file, or a text (standard input) whose first non-blank line is a whole JSON value
// with more lines after it: JSON Lines, one case per line (docs/case-format.md).
bool is_json_lines(const std::string& file, std::string_view text) {
    if (file.size() > 6 && file.ends_with(".jsonl")) return true;
    const std::size_t start = text.find_first_not_of(" \t\r\n");
    if (start == std::string_view::npos) return false;
    const std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos ||
        text.find_first_not_of(" \t\r\n", end) == std::string_view::npos) {
        return false;
    }
    const std::string_view first = text.substr(start, end - start);
    return json_text_defect(first).empty() && json::accept(first.begin(), first.end());
}

}  // namespace

int run_main(const run_options& options) {
    algojudge::solve_options limits;
    limits.memory_limit_bytes = options.memory_limit_bytes;
    auto solve_one = [&](const problem& chosen, const json& input) {
        // Problems with a direct renderer (solve_text) skip building json values.
        if (!options.pretty && chosen.solve_text != nullptr) {
            return chosen.solve_text(input, limits);
        }
        const json output = chosen.solve(input, limits);
        return options.pretty ? output.dump(2) : output.dump();
    };
    const problem& chosen = problem_named(options.problem, "");
    const std::string text = read_text_file(options.file, options.memory_limit_bytes, true);
    const bool jsonl = is_json_lines(options.file, text);
    const json document = jsonl ? json() : parse_json_text(text, options.file);
    const bool is_case_file =
        jsonl || document.is_array() ||
        (document.is_object() && document.contains("input") && document.contains("problem"));
    // Nothing is printed before every case has been solved: no partial result on error. The
    // outputs before the last wait in a spool (memory, then a temporary file), so only one
    // output is in memory at a time; the last is written straight after them.
    output_spool earlier;
    std::string last;
    if (!is_case_file) {
        try {
            last = solve_one(chosen, document);
        } catch (input_error& e) {
            e.within(options.file);
            throw;
        }
    } else {
        const std::vector<test_case> cases = parse_case_text(text, options.file, jsonl);
        for (const test_case& c : cases) {
            if (c.solver != &chosen) {
                throw input_error::at(c.label(),
                                      fmt::format("problem: the case is for \"{}\", not \"{}\"",
                                                  c.solver->name, chosen.name));
            }
            if (&c != &cases.front()) {
                earlier.add(last);
                earlier.add("\n");
                std::string().swap(last);  // freed before the next output is made
            }
            try {
                last = solve_one(chosen, c.input);
            } catch (input_error& e) {
                e.within(c.label());
                throw;
            }
        }
        if (cases.empty()) return code(finish_stdout(exit_status::ok));
    }
    earlier.copy_to(stdout);
    write_stdout(last);
    write_stdout("\n");
    return code(finish_stdout(exit_status::ok));
}

}  // namespace algojudge::cli
