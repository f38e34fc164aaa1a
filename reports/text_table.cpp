#include "reports/text_table.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace algojudge {

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

std::string format_duration(double seconds) {
    // The unit is chosen by the value as shown, so 0.99996 s is "1.00 s", not "1000.0 ms".
    const double ms = seconds * 1e3;
    if (std::round(ms * 1e3) < 1e3) return fmt::format("{:.3f} ms", ms);
    if (std::round(ms * 10) < 1e4) return fmt::format("{:.1f} ms", ms);
    return fmt::format("{:.2f} s", seconds);
}

}  // namespace algojudge
