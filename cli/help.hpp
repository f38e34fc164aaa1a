// `algojudge help [COMMAND]`: the help of algojudge or of one command, as `--help` prints it;
// and the "unknown command"/"unknown option" messages with a "did you mean" suggestion.
#pragma once

#include <optional>
#include <string>

#include <CLI/CLI.hpp>

namespace algojudge::cli {

void setup_help(CLI::App& app, int& status);

// The error for a command line whose command is not one of `app`'s (`unknown command "verfy"
// (did you mean "verify"?)`), or nullopt when the command is known or there is none.
std::optional<std::string> unknown_command(const CLI::App& app, int argc, const char* const* argv);

// The error for options of the parsed command that it does not have (`unknown option
// "--jbos" for verify (did you mean "--jobs"?)`), or nullopt when there are none.
std::optional<std::string> unknown_options(CLI::App& app);

}  // namespace algojudge::cli
