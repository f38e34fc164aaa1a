#include "support/text_lines.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "support/errors.hpp"
#include "tests/scratch_dir.hpp"

using namespace algojudge;
using algojudge::testing::scratch_dir;

namespace {

std::vector<std::string> words_of(std::string_view line) {
    std::vector<std::string> out;
    for (std::string_view w : split_words(line))
        out.emplace_back(w);
    return out;
}

using lines = std::vector<std::pair<std::size_t, std::vector<std::string>>>;

lines lines_of(const std::filesystem::path& file) {
    lines out;
    for_each_line(file, [&](const std::vector<std::string_view>& words, std::size_t number) {
        std::vector<std::string> copy(words.begin(), words.end());
        out.emplace_back(number, std::move(copy));
    });
    return out;
}

}  // namespace

TEST_CASE("split_words: empty and blank lines have no words") {
    CHECK(split_words("").empty());
    CHECK(split_words(" ").empty());
    CHECK(split_words(" \t\r\n\v\f ").empty());
}

TEST_CASE("split_words: runs of spaces, tabs and carriage returns separate words") {
    CHECK(words_of("a") == std::vector<std::string>{"a"});
    CHECK(words_of("dog 0.9 1 2 3 4") ==
          std::vector<std::string>{"dog", "0.9", "1", "2", "3", "4"});
    CHECK(words_of("  dog\t\t0.9   1\r") == std::vector<std::string>{"dog", "0.9", "1"});
    CHECK(words_of("a\tb\rc") == std::vector<std::string>{"a", "b", "c"});
    // Words are views into the line.
    const std::string line = " ab cd";
    const std::vector<std::string_view> words = split_words(line);
    REQUIRE(words.size() == 2);
    CHECK(words[0].data() == line.data() + 1);
    CHECK(words[1].data() == line.data() + 4);
}

TEST_CASE("parse_finite: whole decimal numbers, a leading plus allowed") {
    CHECK(parse_finite("1") == 1.0);
    CHECK(parse_finite("+1") == 1.0);
    CHECK(parse_finite("-2.5") == -2.5);
    CHECK(parse_finite("1e3") == 1000.0);
    CHECK(parse_finite("0.94") == 0.94);
    CHECK(parse_finite(".5") == 0.5);
    const std::optional<double> negative_zero = parse_finite("-0");
    REQUIRE(negative_zero);
    CHECK(*negative_zero == 0.0);
    CHECK(std::signbit(*negative_zero));
    CHECK(parse_finite("1.7976931348623157e308") == 1.7976931348623157e308);
}

TEST_CASE("parse_finite: nothing that is not all one finite number") {
    CHECK_FALSE(parse_finite(""));
    CHECK_FALSE(parse_finite("+"));
    CHECK_FALSE(parse_finite("-"));
    CHECK_FALSE(parse_finite("nan"));
    CHECK_FALSE(parse_finite("NaN"));
    CHECK_FALSE(parse_finite("inf"));
    CHECK_FALSE(parse_finite("-inf"));
    CHECK_FALSE(parse_finite("+inf"));
    CHECK_FALSE(parse_finite("infinity"));
    CHECK_FALSE(parse_finite("1e999"));
    CHECK_FALSE(parse_finite("-1e999"));
    CHECK_FALSE(parse_finite("1x"));
    CHECK_FALSE(parse_finite("x1"));
    CHECK_FALSE(parse_finite(" 1"));
    CHECK_FALSE(parse_finite("1 "));
    CHECK_FALSE(parse_finite("++1"));
    CHECK_FALSE(parse_finite("+-1"));
    CHECK_FALSE(parse_finite("0x10"));
    CHECK_FALSE(parse_finite("1,5"));
}

TEST_CASE("for_each_line: words and 1-based line numbers of non-blank lines") {
    scratch_dir dir;
    CHECK(lines_of(dir.write("empty.txt", "")).empty());
    CHECK(lines_of(dir.write("blank.txt", "\n \n\t\n")).empty());
    CHECK(lines_of(dir.write("one.txt", "a")) == lines{{1, {"a"}}});
    CHECK(lines_of(dir.write("lf.txt", "a b\n\n  \nc\n")) == lines{{1, {"a", "b"}}, {4, {"c"}}});
    // No newline after the last line.
    CHECK(lines_of(dir.write("open.txt", "\na\nb c")) == lines{{2, {"a"}}, {3, {"b", "c"}}});
    // CRLF: the carriage return is white space, a CR-only line is blank.
    CHECK(lines_of(dir.write("crlf.txt", "a 1\r\n\r\nb 2\r\n")) ==
          lines{{1, {"a", "1"}}, {3, {"b", "2"}}});
}

TEST_CASE("for_each_line: a missing file is an input_error naming it") {
    scratch_dir dir;
    bool thrown = false;
    try {
        lines_of(dir / "missing.txt");
    } catch (const input_error& e) {
        thrown = true;
        CHECK(std::string(e.what()).find("missing.txt") != std::string::npos);
    }
    CHECK(thrown);
}
