#include "support/text_lines.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "support/errors.hpp"

namespace algojudge {

std::vector<std::string_view> split_words(std::string_view line) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && std::isspace(static_cast<unsigned char>(line[i])))
            ++i;
        const std::size_t start = i;
        while (i < line.size() && !std::isspace(static_cast<unsigned char>(line[i])))
            ++i;
        if (i > start) words.push_back(line.substr(start, i - start));
    }
    return words;
}

std::string line_place(const std::filesystem::path& file, std::size_t line) {
    return fmt::format("{}: line {}", file.string(), line);
}

void refuse_nul(const std::filesystem::path& file, std::string_view text) {
    const std::size_t nul = text.find('\0');
    if (nul == std::string_view::npos) return;
    const std::string_view before = text.substr(0, nul);
    const std::size_t line_start = before.rfind('\n') + 1;  // npos + 1 == 0: the first line
    const auto line = static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
    throw input_error::at(line_place(file, line + 1),
                          fmt::format("a NUL byte at column {}", nul - line_start + 1));
}

std::optional<double> parse_finite(std::string_view word) {
    if (!word.empty() && word.front() == '+') {
        word.remove_prefix(1);
        // from_chars takes a '-' of its own: without this "+-1" would read as -1.
        if (!word.empty() && word.front() == '-') return std::nullopt;
    }
    double value = 0;
    const auto [end, error] = std::from_chars(word.data(), word.data() + word.size(), value);
    if (error != std::errc() || end != word.data() + word.size() || !std::isfinite(value)) {
        return std::nullopt;
    }
    return value;
}

}  // namespace algojudge
