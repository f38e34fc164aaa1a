// Shared pieces of the subcommands: exit statuses, diagnostics, aligned tables, colour.
#pragma once

#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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
// "algojudge: note: <message>" on stderr.
void print_note(std::string_view message);

// Writes `text` to stdout.
void write_stdout(std::string_view text);
// Flushes stdout; input_error (with a message) if anything written to it was lost.
exit_status finish_stdout(exit_status status);

// Colour only when stdout is a terminal and NO_COLOR is unset.
bool stdout_is_colour_terminal();

enum class colour { none, green, red, yellow, bold, dim };
std::string paint(std::string_view text, colour c, bool enabled);

enum class align { left, right };

// A table printed with columns padded to their widest cell.
class text_table {
  public:
    explicit text_table(std::vector<std::string> header, std::vector<align> alignment = {});
    void add_row(std::vector<std::string> cells, std::vector<colour> colours = {});
    std::string render(bool use_colour) const;

  private:
    struct row {
        std::vector<std::string> cells;
        std::vector<colour> colours;
    };
    std::vector<std::string> header_;
    std::vector<align> alignment_;
    std::vector<row> rows_;
};

// Pads `text` to `width` display columns (UTF-8 aware) on the given side.
std::string pad(std::string_view text, std::size_t width, align side);

// "1G", "512M", "64K", "1000": a byte count; nullopt when malformed. (Printing one:
// format_byte_size in problems/byte_size.hpp.)
std::optional<std::uint64_t> parse_byte_size(std::string_view text);

// Adds `--memory-limit SIZE` (default 1G) to `command`, stored as bytes in `bytes`; a malformed
// size is a usage error when the command line is parsed.
void add_memory_limit_option(CLI::App& command, std::uint64_t& bytes);

// "0.3 ms", "12 ms", "1.52 s".
std::string format_duration(double seconds);

}  // namespace algojudge::cli
