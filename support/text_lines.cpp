#include "support/text_lines.hpp"

#include <cctype>
#include <charconv>
#include <cmath>

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
