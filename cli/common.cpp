#include "cli/common.hpp"

#include "support/byte_size.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "support/printable.hpp"

namespace algojudge::cli {

// Every diagnostic goes through these three, escaped to one line (a name from the input may hold
// a newline, an ESC or bytes that are not UTF-8).
void print_error(std::string_view message) {
    std::fflush(stdout);
    fmt::print(stderr, "algojudge: error: {}\n", printable(message));
}

void print_warning(std::string_view message) {
    std::fflush(stdout);
    fmt::print(stderr, "algojudge: warning: {}\n", printable(message));
}

void print_note(std::string_view message) {
    std::fflush(stdout);
    fmt::print(stderr, "algojudge: note: {}\n", printable(message));
}

void write_stdout(std::string_view text) {
    std::fwrite(text.data(), 1, text.size(), stdout);
}

exit_status finish_stdout(exit_status status) {
    if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
        fmt::print(stderr, "algojudge: error: cannot write to standard output\n");
        return exit_status::input_error;
    }
    return status;
}

bool stdout_is_colour_terminal() {
    const char* no_colour = std::getenv("NO_COLOR");
    if (no_colour != nullptr && *no_colour != '\0') return false;
    const char* term = std::getenv("TERM");
    if (term != nullptr && std::string_view(term) == "dumb") return false;
    return isatty(STDOUT_FILENO) != 0;
}

void add_size_option(CLI::App& command, const std::string& name, std::uint64_t& bytes,
                     const std::string& description, const std::string& default_text) {
    // The size is turned into its byte count before CLI11 stores it.
    const CLI::Validator to_bytes(
        [](std::string& text) {
            const auto parsed = parse_byte_size(text);
            if (!parsed) {
                return fmt::format("expected a size such as 512M or 2G, got \"{}\"", text);
            }
            text = std::to_string(*parsed);
            return std::string();
        },
        "SIZE");
    command.add_option(name, bytes, description)->transform(to_bytes)->default_str(default_text);
}

void add_memory_limit_option(CLI::App& command, std::uint64_t& bytes) {
    add_size_option(command, "--memory-limit", bytes,
                    "Largest table a solver may allocate (e.g. 512M, 2G)", "1G");
}

}  // namespace algojudge::cli
