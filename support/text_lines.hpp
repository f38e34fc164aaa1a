// Description: reading line-oriented text files (per-image detection files, VOC results):
// the words of each non-blank line, and numbers that must fill a whole word.
// Status: tested in tests/support/text_lines_test.cpp.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "support/files.hpp"

namespace algojudge {

// The words of `line`, split at runs of white space.
std::vector<std::string_view> split_words(std::string_view line);

// A finite decimal number filling the whole of `word` (a leading '+' allowed); nullopt otherwise.
std::optional<double> parse_finite(std::string_view word);

// Where line `line` of `file` is, for messages: "gt/img1.txt: line 3".
std::string line_place(const std::filesystem::path& file, std::size_t line);

// input_error at the first NUL byte of `text`, the text of `file`: "f.txt: line 2: a NUL byte
// at column 4". No text format (nor XML) allows one, and a name would otherwise keep it.
void refuse_nul(const std::filesystem::path& file, std::string_view text);

// Calls `handle(words, line_number)` for every non-blank line of `file` (1-based numbers); a
// NUL byte anywhere is an input_error with its line, before any line is handled.
template <class Handle>
void for_each_line(const std::filesystem::path& file, Handle handle) {
    const std::string text = read_text_file(file.string(), default_input_limit, true);
    refuse_nul(file, text);
    std::size_t line_number = 0;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        ++line_number;
        const std::vector<std::string_view> words =
            split_words(std::string_view(text).substr(start, end - start));
        if (!words.empty()) handle(words, line_number);
        start = end + 1;
    }
}

}  // namespace algojudge
