// Shared pieces of the subcommands: exit statuses, diagnostics, aligned tables, colour.
#pragma once

#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "reports/text_table.hpp"

namespace CLI {
class App;
}

namespace algojudge::cli {

// The only exit statuses algojudge uses.
enum class exit_status : int {
    ok = 0,              // everything ran and every checked case passed
    failed = 1,          // some case failed verification
    input_error = 2,     // usage or input error: nothing printed on stdout is a result
    internal_error = 3,  // algojudge's own fault (a bug): nothing printed on stdout is a result
};

inline int code(exit_status status) {
    return static_cast<int>(status);
}

// "algojudge: error: <message>" on stderr.
void print_error(std::string_view message);
// "algojudge: warning: <message>" on stderr: the result may not be what the user meant.
void print_warning(std::string_view message);
// "algojudge: note: <message>" on stderr.
void print_note(std::string_view message);

// Writes `text` to stdout.
void write_stdout(std::string_view text);
// Flushes stdout; input_error (with a message) if anything written to it was lost.
exit_status finish_stdout(exit_status status);

// Colour only when stdout is a terminal and NO_COLOR is unset.
bool stdout_is_colour_terminal();

// Adds `--memory-limit SIZE` (default 1G) to `command`, stored as bytes in `bytes`; a malformed
// size is a usage error when the command line is parsed.
void add_memory_limit_option(CLI::App& command, std::uint64_t& bytes);
// Adds an option `name` taking a SIZE ("512M", "2G"), stored as bytes, shown with `default_text`.
void add_size_option(CLI::App& command, const std::string& name, std::uint64_t& bytes,
                     const std::string& description, const std::string& default_text);

}  // namespace algojudge::cli
