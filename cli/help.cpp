#include "cli/help.hpp"

#include <memory>
#include <vector>

#include <fmt/format.h>

#include "cli/common.hpp"
#include "support/spelling.hpp"

namespace algojudge::cli {

namespace {

std::vector<std::string> command_names(const CLI::App& app) {
    std::vector<std::string> names;
    for (const CLI::App* command : app.get_subcommands({}))
        names.push_back(command->get_name());
    return names;
}

std::string unknown_command_message(const CLI::App& app, const std::string& name) {
    const std::vector<std::string> names = command_names(app);
    const std::vector<std::string_view> views(names.begin(), names.end());
    const std::string_view suggestion = closest_name(name, views);
    if (!suggestion.empty()) {
        return fmt::format("unknown command \"{}\" (did you mean \"{}\"?)", name, suggestion);
    }
    return fmt::format("unknown command \"{}\" (`algojudge help` lists them)", name);
}

}  // namespace

void setup_help(CLI::App& app, int& status) {
    auto topic = std::make_shared<std::string>();
    CLI::App* command = app.add_subcommand("help", "Show the help of algojudge or of a command");
    command->add_option("command", *topic, "The command to explain");
    command->callback([&app, topic, &status] {
        if (topic->empty()) {
            // app.help() would show the help of the selected command, `help` itself.
            write_stdout(
                app.get_formatter()->make_help(&app, app.get_name(), CLI::AppFormatMode::Normal));
            status = code(finish_stdout(exit_status::ok));
            return;
        }
        for (const CLI::App* sub : app.get_subcommands({})) {
            if (sub->get_name() == *topic) {
                write_stdout(sub->help());
                status = code(finish_stdout(exit_status::ok));
                return;
            }
        }
        print_error(unknown_command_message(app, *topic));
        status = code(exit_status::input_error);
    });
}

std::optional<std::string> unknown_command(const CLI::App& app, int argc, const char* const* argv) {
    // algojudge's own options take no values, so the first word not starting with '-' is the
    // command.
    for (int i = 1; i < argc; ++i) {
        const std::string word = argv[i];
        if (word.empty() || word.front() == '-') continue;
        for (const std::string& name : command_names(app)) {
            if (name == word) return std::nullopt;
        }
        return unknown_command_message(app, word);
    }
    return std::nullopt;
}

std::optional<std::string> unknown_options(CLI::App& app) {
    for (CLI::App* command : app.get_subcommands()) {
        for (const std::string& extra : command->remaining()) {
            if (extra.size() < 2 || extra.front() != '-') continue;
            const std::string flag = extra.substr(0, extra.find('='));
            std::vector<std::string> names;
            for (const CLI::Option* option : command->get_options()) {
                for (const std::string& name : option->get_lnames())
                    names.push_back("--" + name);
                for (const std::string& name : option->get_snames())
                    names.push_back("-" + name);
            }
            const std::vector<std::string_view> views(names.begin(), names.end());
            const std::string_view suggestion = closest_name(flag, views);
            if (!suggestion.empty()) {
                return fmt::format("unknown option \"{}\" for {} (did you mean \"{}\"?)", flag,
                                   command->get_name(), suggestion);
            }
            return fmt::format("unknown option \"{}\" for {} (`algojudge help {}` lists them)",
                               flag, command->get_name(), command->get_name());
        }
    }
    return std::nullopt;
}

}  // namespace algojudge::cli
