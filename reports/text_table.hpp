// Description: aligned text tables for the terminal, with colour only when asked for (the
// caller knows whether stdout is a terminal), and the durations their rows show.
// Status: tested in tests/reports/text_table_test.cpp and by every command's CLI tests.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace algojudge {

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

// "0.300 ms" below a millisecond, "12.0 ms" below a second, "1.52 s" from there on.
std::string format_duration(double seconds);

}  // namespace algojudge
