#include "support/text_tokens.hpp"

#include <charconv>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace algojudge {

text_format_error::text_format_error(std::size_t line, std::size_t column,
                                     const std::string& message)
    : error(fmt::format("line {}, column {}: {}", line, column, message)),
      line_(line),
      column_(column) {}

namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

// A token for a message: quoted, cut when long.
std::string shown(std::string_view token) {
    if (token.size() > 24) return fmt::format("\"{}...\"", token.substr(0, 20));
    return fmt::format("\"{}\"", token);
}

}  // namespace

std::string json_words(const nlohmann::json& array) {
    std::string text;
    for (const auto& element : array) {
        if (!text.empty()) text += ' ';
        text += element.dump();
    }
    return text;
}

void token_reader::skip_space() {
    while (pos_ < text_.size() && is_space(text_[pos_])) {
        if (text_[pos_] == '\n') {
            ++line_;
            line_start_ = pos_ + 1;
        }
        ++pos_;
    }
}

bool token_reader::at_end() {
    skip_space();
    return pos_ == text_.size();
}

std::size_t token_reader::next_line() {
    skip_space();
    return line_;
}

void token_reader::fail_here(const std::string& message) const {
    throw text_format_error(line_, pos_ - line_start_ + 1, message);
}

void token_reader::fail_at_last(const std::string& message) const {
    throw text_format_error(last_line_, last_column_, message);
}

std::string_view token_reader::read_word(std::string_view what) {
    if (at_end()) fail_here(fmt::format("expected {}, got the end of the text", what));
    const std::size_t start = pos_;
    while (pos_ < text_.size() && !is_space(text_[pos_]))
        ++pos_;
    last_line_ = line_;
    last_column_ = start - line_start_ + 1;
    return text_.substr(start, pos_ - start);
}

std::int64_t token_reader::read_int64(std::string_view what, std::int64_t min, std::int64_t max) {
    const std::string_view word = read_word(what);
    std::int64_t value = 0;
    const auto [end, failure] = std::from_chars(word.data(), word.data() + word.size(), value);
    if (failure == std::errc::result_out_of_range) {
        fail_at_last(fmt::format("expected {} (a 64-bit integer), got {}", what, shown(word)));
    }
    if (failure != std::errc() || end != word.data() + word.size()) {
        fail_at_last(fmt::format("expected {} (an integer), got {}", what, shown(word)));
    }
    if (value < min || value > max) {
        fail_at_last(fmt::format("expected {} from {} to {}, got {}", what, min, max, value));
    }
    return value;
}

std::uint64_t token_reader::read_uint64(std::string_view what) {
    const std::string_view word = read_word(what);
    std::uint64_t value = 0;
    const auto [end, failure] = std::from_chars(word.data(), word.data() + word.size(), value);
    if (failure != std::errc() || end != word.data() + word.size()) {
        fail_at_last(
            fmt::format("expected {} (a non-negative 64-bit integer), got {}", what, shown(word)));
    }
    return value;
}

std::string token_reader::read_digits(std::string_view what) {
    std::string_view word = read_word(what);
    for (char c : word) {
        if (c < '0' || c > '9') {
            fail_at_last(
                fmt::format("expected {} (a non-negative integer), got {}", what, shown(word)));
        }
    }
    while (word.size() > 1 && word.front() == '0')
        word.remove_prefix(1);
    return std::string(word);
}

std::size_t token_reader::read_choice(std::string_view what,
                                      std::initializer_list<std::string_view> choices) {
    const std::string_view word = read_word(what);
    std::size_t index = 0;
    for (std::string_view choice : choices) {
        if (word == choice) return index;
        ++index;
    }
    fail_at_last(
        fmt::format("expected {} ({}), got {}", what, fmt::join(choices, " or "), shown(word)));
}

void token_reader::expect_end(std::string_view after) {
    if (at_end()) return;
    const std::size_t start = pos_;
    std::size_t end = start;
    while (end < text_.size() && !is_space(text_[end]))
        ++end;
    fail_here(fmt::format("expected nothing after {}, got {}", after,
                          shown(text_.substr(start, end - start))));
}

}  // namespace algojudge
