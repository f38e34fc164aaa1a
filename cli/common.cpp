#include "cli/common.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "support/printable.hpp"

namespace algojudge::cli {

// Every diagnostic goes through these two, escaped to one line (a name from the input may hold
// a newline, an ESC or bytes that are not UTF-8).
void print_error(std::string_view message) {
    std::fflush(stdout);
    fmt::print(stderr, "algojudge: error: {}\n", printable(message));
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

std::string paint(std::string_view text, colour c, bool enabled) {
    if (!enabled || c == colour::none) return std::string(text);
    std::string_view start;
    switch (c) {
        case colour::green:
            start = "\x1b[32m";
            break;
        case colour::red:
            start = "\x1b[31m";
            break;
        case colour::yellow:
            start = "\x1b[33m";
            break;
        case colour::bold:
            start = "\x1b[1m";
            break;
        case colour::dim:
            start = "\x1b[2m";
            break;
        case colour::none:
            break;
    }
    return fmt::format("{}{}\x1b[0m", start, text);
}

namespace {

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    for (unsigned char c : text)
        width += (c & 0xC0) != 0x80 ? 1 : 0;
    return width;
}

}  // namespace

std::string pad(std::string_view text, std::size_t width, align side) {
    const std::size_t used = display_width(text);
    const std::string fill(width > used ? width - used : 0, ' ');
    return side == align::left ? std::string(text) + fill : fill + std::string(text);
}

text_table::text_table(std::vector<std::string> header, std::vector<align> alignment)
    : header_(std::move(header)), alignment_(std::move(alignment)) {
    alignment_.resize(header_.size(), align::left);
}

void text_table::add_row(std::vector<std::string> cells, std::vector<colour> colours) {
    cells.resize(header_.size());
    colours.resize(header_.size(), colour::none);
    rows_.push_back({std::move(cells), std::move(colours)});
}

std::string text_table::render(bool use_colour) const {
    std::vector<std::size_t> widths(header_.size());
    for (std::size_t i = 0; i < header_.size(); ++i)
        widths[i] = display_width(header_[i]);
    for (const row& r : rows_) {
        for (std::size_t i = 0; i < r.cells.size(); ++i) {
            widths[i] = std::max(widths[i], display_width(r.cells[i]));
        }
    }
    auto line = [&](const std::vector<std::string>& cells, const std::vector<colour>& colours) {
        std::string out;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            const bool last = i + 1 == cells.size();
            // The last left-aligned column is not padded: no trailing blanks.
            std::string cell = last && alignment_[i] == align::left
                                   ? cells[i]
                                   : pad(cells[i], widths[i], alignment_[i]);
            out += paint(cell, colours[i], use_colour);
            if (!last) out += "  ";
        }
        out += '\n';
        return out;
    };
    std::string out = line(header_, std::vector<colour>(header_.size(), colour::bold));
    for (const row& r : rows_)
        out += line(r.cells, r.colours);
    return out;
}

std::optional<std::uint64_t> parse_byte_size(std::string_view text) {
    if (text.empty()) return std::nullopt;
    std::uint64_t multiplier = 1;
    char suffix = text.back();
    if (suffix == 'B' || suffix == 'b') {
        text.remove_suffix(1);
        if (text.empty()) return std::nullopt;
        suffix = text.back();
    }
    switch (suffix) {
        case 'K':
        case 'k':
            multiplier = std::uint64_t{1} << 10;
            break;
        case 'M':
        case 'm':
            multiplier = std::uint64_t{1} << 20;
            break;
        case 'G':
        case 'g':
            multiplier = std::uint64_t{1} << 30;
            break;
        case 'T':
        case 't':
            multiplier = std::uint64_t{1} << 40;
            break;
        default:
            break;
    }
    if (multiplier != 1) text.remove_suffix(1);
    if (text.empty() || text.size() > 19) return std::nullopt;
    std::uint64_t number = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        number = number * 10 + static_cast<std::uint64_t>(c - '0');
    }
    if (number > UINT64_MAX / multiplier) return std::nullopt;
    return number * multiplier;
}

void add_memory_limit_option(CLI::App& command, std::uint64_t& bytes) {
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
    command
        .add_option("--memory-limit", bytes, "Largest table a solver may allocate (e.g. 512M, 2G)")
        ->transform(to_bytes)
        ->default_str("1G");
}

std::string format_duration(double seconds) {
    if (seconds < 1e-3) return fmt::format("{:.3f} ms", seconds * 1e3);
    if (seconds < 1) return fmt::format("{:.1f} ms", seconds * 1e3);
    return fmt::format("{:.2f} s", seconds);
}

}  // namespace algojudge::cli
