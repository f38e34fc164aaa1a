#include "cli/run.hpp"

#include <any>
#include <memory>
#include <optional>

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

bool has_json_lines_name(const std::string& file) {
    return file.size() > 6 && file.ends_with(".jsonl");
}

// A .jsonl file, or a text (standard input) whose first non-blank line is a whole JSON value
// with more lines after it: JSON Lines, one case per line (docs/case-format.md).
bool is_json_lines(const std::string& file, std::string_view text) {
    if (has_json_lines_name(file)) return true;
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
    auto render = [&](const json& output) {
        return options.pretty ? output.dump(2) : output.dump();
    };
    auto solve_one = [&](const problem& chosen, const json& input) {
        // Problems with a direct renderer (solve_text) skip building json values.
        if (!options.pretty && chosen.solve_text != nullptr) {
            return chosen.solve_text(input, limits);
        }
        return render(chosen.solve(input, limits));
    };
    const problem& chosen = problem_named(options.problem, "");
    // A .jsonl file holds cases, never a bare input.
    const typed_reader* fast = chosen.fast;
    const bool bare_allowed = fast != nullptr && !has_json_lines_name(options.file);
    // The fast path first (problem::fast, docs/design.md "Fast input readers"): a bare input
    // file read by the problem's own file reader, else the text by its text reader, else cases
    // split without a DOM of their inputs. Whatever it declines goes down the json path, which
    // reports every error.
    if (bare_allowed && fast->read_file != nullptr && options.file != "-") {
        if (const std::any input = fast->read_file(options.file, options.memory_limit_bytes);
            input.has_value()) {
            write_stdout(render(fast->solve(input, limits)));
            write_stdout("\n");
            return code(finish_stdout(exit_status::ok));
        }
    }
    std::vector<test_case> cases;
    std::any bare_input;  // solved after the text is freed
    json document;
    bool is_case_file = true;
    {
        const padded_text padded =
            read_padded_text_file(options.file, options.memory_limit_bytes, true);
        const std::string_view text = padded.text();
        std::optional<std::vector<test_case>> fast_cases;
        if (bare_allowed) bare_input = fast->read_text(text);
        // A text the fast readers take as one JSON document cannot be JSON Lines too (its first
        // line would be a whole value with more after it), so is_json_lines, which lexes the
        // first line whole, is asked only when they decline.
        if (bare_allowed && !bare_input.has_value()) {
            fast_cases = parse_case_text_fast(text, options.file, false);
        }
        const bool jsonl =
            !bare_input.has_value() && !fast_cases && is_json_lines(options.file, text);
        if (fast != nullptr && jsonl) fast_cases = parse_case_text_fast(text, options.file, true);
        if (fast_cases) {
            cases = std::move(*fast_cases);
        } else if (!bare_input.has_value()) {
            if (!jsonl) document = parse_json_text(text, options.file);
            is_case_file = jsonl || document.is_array() ||
                           (document.is_object() && document.contains("input") &&
                            document.contains("problem"));
            if (is_case_file) cases = parse_case_text(text, options.file, jsonl);
        }
    }
    // Nothing is printed before every case has been solved: no partial result on error. The
    // outputs before the last wait in a spool (memory, then a temporary file), so only one
    // output is in memory at a time; the last is written straight after them.
    output_spool earlier;
    std::string last;
    if (bare_input.has_value()) {
        last = render(fast->solve(bare_input, limits));
    } else if (!is_case_file) {
        try {
            last = solve_one(chosen, document);
        } catch (input_error& e) {
            e.within(options.file);
            throw;
        }
    } else {
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
                last = c.typed_input.has_value() ? render(fast->solve(c.typed_input, limits))
                                                 : solve_one(chosen, c.input);
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
