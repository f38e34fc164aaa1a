#include "cli/gen.hpp"

#include <map>
#include <memory>

#include <fmt/format.h>

#include "cli/common.hpp"
#include "judging/generated_cases.hpp"
#include "judging/text_cases.hpp"
#include "problems/registry.hpp"
#include "support/errors.hpp"
#include "support/files.hpp"

namespace algojudge::cli {

namespace {

// Which problems have an option of this name ("n": max-gap, knapsack).
std::string owners_of(std::string_view name) {
    std::string owners;
    for (const problem& entry : all_problems()) {
        for (const generator_option& option : entry.case_generator->options) {
            if (option.name != name) continue;
            owners += owners.empty() ? "" : ", ";
            owners += entry.name;
        }
    }
    return owners;
}

bool has_option(const problem& chosen, std::string_view name) {
    for (const generator_option& option : chosen.case_generator->options) {
        if (option.name == name) return true;
    }
    return false;
}

std::string problem_help(const problem& chosen) {
    std::string text = fmt::format(
        "Usage: algojudge gen {} [--seed S] [--count K] [--out FILE] [OPTIONS]\n\n"
        "Options of {} (each case draws its own values within these):\n",
        chosen.name, chosen.name);
    for (const generator_option& option : chosen.case_generator->options) {
        const std::string flag = option.kind == option_kind::flag
                                     ? fmt::format("--{}", option.name)
                                     : fmt::format("--{} VALUE", option.name);
        text += fmt::format("  {:<22}{}\n  {:<22}({}; default {})\n", flag, option.help, "",
                            describe_values(option), option.default_value);
    }
    text +=
        "\nCommon options:\n"
        "  --seed S              seed of the first case; case k uses S + k (default 1)\n"
        "  --count K             how many cases (default 1)\n"
        "  --out FILE            write FILE (.json array or .jsonl) instead of stdout\n"
        "  --out DIR --io text   write DIR/NAME.in and NAME.ans in the problem's text format\n"
        "  --memory-limit SIZE   largest table the reference solver may allocate (default 1G)\n";
    return text;
}

std::string general_help() {
    std::string text =
        "Usage: algojudge gen PROBLEM [--seed S] [--count K] [--out FILE] [OPTIONS]\n\n"
        "Prints seeded random cases of PROBLEM as JSON Lines, expected answers from the\n"
        "reference solver. `algojudge gen PROBLEM --help` lists PROBLEM's options:\n";
    for (const problem& entry : all_problems()) {
        std::string names;
        for (const generator_option& option : entry.case_generator->options) {
            names += fmt::format(" --{}", option.name);
        }
        text += fmt::format("  {:<20}{}\n", entry.name, names);
    }
    return text;
}

// --out and --io together: a .json/.jsonl file for JSON, a folder for text.
void check_destination(const problem& chosen, const gen_options& options, bool json_array) {
    if (options.io == "text") {
        if (options.out.empty()) {
            throw usage_error(
                "--io text writes a folder of .in/.ans files: give it with --out DIR");
        }
        if (chosen.text == nullptr) {
            throw usage_error(
                fmt::format("--io text: problem {} has no text format (JSON only)", chosen.name));
        }
        return;
    }
    if (!options.out.empty() && !json_array && !options.out.ends_with(".jsonl")) {
        throw usage_error(fmt::format(
            "--out {}: expected a file ending in .json or .jsonl (or a folder with --io text)",
            options.out));
    }
}

}  // namespace

std::function<generator_option_values()> add_generator_options(CLI::App& command) {
    // Every problem's options, each name once; check_generator_options checks them against the
    // chosen problem.
    struct registered {
        CLI::Option* option;
        std::shared_ptr<std::string> text;
        std::shared_ptr<bool> flag;
    };
    auto all = std::make_shared<std::map<std::string, registered>>();
    for (const problem& entry : all_problems()) {
        for (const generator_option& option : entry.case_generator->options) {
            const std::string name(option.name);
            if (all->count(name) != 0) continue;
            registered slot{nullptr, std::make_shared<std::string>(), std::make_shared<bool>()};
            const std::string help = fmt::format("{} ({})", option.help, owners_of(option.name));
            slot.option = option.kind == option_kind::flag
                              ? command.add_flag("--" + name, *slot.flag, help)
                              : command.add_option("--" + name, *slot.text, help);
            slot.option->group("Problem options (see gen PROBLEM --help)");
            all->emplace(name, slot);
        }
    }
    return [all] {
        generator_option_values given;
        for (const auto& [name, slot] : *all) {
            if (slot.option->count() == 0) continue;
            const bool is_flag = slot.option->get_expected_min() == 0;
            given.emplace_back(name, is_flag ? (*slot.flag ? "true" : "false") : *slot.text);
        }
        return given;
    };
}

generator_settings check_generator_options(const problem& chosen,
                                           const generator_option_values& given) {
    generator_settings settings(*chosen.case_generator);
    for (const auto& [name, text] : given) {
        if (!has_option(chosen, name)) {
            throw usage_error(fmt::format("--{} is an option of {}, not of {}", name,
                                          owners_of(name), chosen.name));
        }
        settings.set(name, text);
    }
    return settings;
}

void setup_gen(CLI::App& app, int& status) {
    auto options = std::make_shared<gen_options>();
    CLI::App* command =
        app.add_subcommand("gen", "Print seeded random cases with reference answers");
    command->set_help_flag();  // our --help knows the chosen problem
    command->add_flag("-h,--help", options->help, "Show the options of PROBLEM");
    command->add_option("problem", options->problem, "Problem name (see `algojudge list`)");
    command->add_option("--seed", options->seed, "Seed of the first case; case k uses S + k")
        ->capture_default_str();
    command->add_option("--count", options->count, "How many cases")
        ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1000000}))
        ->capture_default_str();
    command->add_option("--out", options->out,
                        "Write FILE (.json or .jsonl) instead of stdout; a folder with --io text");
    command
        ->add_option("--io", options->io,
                     "json (default): case files; text: a folder of NAME.in + NAME.ans (--out DIR)")
        ->check(CLI::IsMember({"text", "json"}));
    add_memory_limit_option(*command, options->memory_limit_bytes);

    auto given = add_generator_options(*command);
    command->callback([options, given, &status] {
        options->given = given();
        status = gen_main(*options);
    });
}

int gen_main(const gen_options& options) {
    if (options.problem.empty()) {
        if (options.help) {
            write_stdout(general_help());
            return code(finish_stdout(exit_status::ok));
        }
        throw usage_error("gen: name a PROBLEM (`algojudge gen --help` lists them)");
    }
    const problem& chosen = problem_named(options.problem, "");
    if (options.help) {
        write_stdout(problem_help(chosen));
        return code(finish_stdout(exit_status::ok));
    }
    const generator_settings settings = check_generator_options(chosen, options.given);
    const bool text_folder = options.io == "text";
    const bool json_array = !text_folder && options.out.ends_with(".json");
    check_destination(chosen, options, json_array);

    solve_options limits;
    limits.memory_limit_bytes = options.memory_limit_bytes;
    // Every case is made before anything is written: no partial output on error.
    std::vector<generated_case> cases;
    for (std::uint64_t k = 0; k < options.count; ++k)
        cases.push_back(generate_case(chosen, settings, options.seed + k, limits));
    if (text_folder) {
        for (const generated_case& made : cases)
            write_text_case(options.out, made.name, chosen, made.input, made.expected);
        return code(exit_status::ok);
    }
    std::string text = json_array ? "[\n" : "";
    for (std::size_t k = 0; k < cases.size(); ++k) {
        const generated_case& made = cases[k];
        if (json_array && k > 0) text += ",\n";
        text += case_line(chosen, made);
        if (!json_array) text += '\n';
    }
    if (json_array) text += "\n]\n";
    if (!options.out.empty()) {
        write_text_file(options.out, text);
        return code(exit_status::ok);
    }
    write_stdout(text);
    return code(finish_stdout(exit_status::ok));
}

}  // namespace algojudge::cli
