// Description: reading plain-text answers and inputs token by token (judge's --io text):
// any run of spaces, tabs, CR and LF separates tokens; each token knows its line and column,
// so an unreadable text fails with a text_format_error that says where ("line 2, column 5:
// expected an integer, got \"abc\""), as testlib's presentation errors do.
// Status: tested in tests/support/text_tokens_test.cpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "support/errors.hpp"

namespace algojudge {

// Text that cannot be read as its format. what() is "line L, column C: <message>".
class text_format_error : public error {
  public:
    text_format_error(std::size_t line, std::size_t column, const std::string& message);
    std::size_t line() const { return line_; }
    std::size_t column() const { return column_; }

  private:
    std::size_t line_, column_;
};

// The elements of a JSON array, each as JSON text, separated by single spaces: "3 6 9 1".
std::string json_words(const nlohmann::json& array);

class token_reader {
  public:
    explicit token_reader(std::string_view text) : text_(text) {}

    // True when only white space is left.
    bool at_end();
    // The line (1-based) of the next token; call after at_end() returned false.
    std::size_t next_line();

    // The next token; `what` names it in the error when there is none ("the count").
    std::string_view read_word(std::string_view what);
    std::int64_t read_int64(std::string_view what,
                            std::int64_t min = std::numeric_limits<std::int64_t>::min(),
                            std::int64_t max = std::numeric_limits<std::int64_t>::max());
    std::uint64_t read_uint64(std::string_view what);
    // A non-negative integer of any size, as canonical decimal digits ("0", "123").
    std::string read_digits(std::string_view what);
    // One of `choices`; returns its index.
    std::size_t read_choice(std::string_view what, std::initializer_list<std::string_view> choices);
    // Fails with "expected the end of the text, got ..." when a token is left.
    void expect_end(std::string_view after);

    // Fails at the last token read (or the start): for values that read but do not fit.
    [[noreturn]] void fail_at_last(const std::string& message) const;

  private:
    void skip_space();
    [[noreturn]] void fail_here(const std::string& message) const;

    std::string_view text_;
    std::size_t pos_ = 0;
    std::size_t line_ = 1;
    std::size_t line_start_ = 0;
    std::size_t last_line_ = 1;
    std::size_t last_column_ = 1;
};

}  // namespace algojudge
