#include "reports/text_table.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace algojudge;

TEST_CASE("paint: colour codes only when enabled and a colour is asked for") {
    CHECK(paint("ok", colour::green, false) == "ok");
    CHECK(paint("ok", colour::none, true) == "ok");
    CHECK(paint("ok", colour::green, true) == "\x1b[32mok\x1b[0m");
    CHECK(paint("no", colour::red, true) == "\x1b[31mno\x1b[0m");
    CHECK(paint("hm", colour::yellow, true) == "\x1b[33mhm\x1b[0m");
    CHECK(paint("B", colour::bold, true) == "\x1b[1mB\x1b[0m");
    CHECK(paint("d", colour::dim, true) == "\x1b[2md\x1b[0m");
    CHECK(paint("", colour::red, false) == "");
}

TEST_CASE("pad: to display columns, UTF-8 characters counting one each") {
    CHECK(pad("", 0, align::left) == "");
    CHECK(pad("", 3, align::right) == "   ");
    CHECK(pad("ab", 4, align::left) == "ab  ");
    CHECK(pad("ab", 4, align::right) == "  ab");
    CHECK(pad("abcdef", 3, align::left) == "abcdef");  // never cut
    CHECK(pad("é", 3, align::left) == "é  ");          // 2 bytes, 1 column
    CHECK(pad("→x", 4, align::right) == "  →x");       // 3 bytes, 1 column
    CHECK(pad("日本", 3, align::left) == "日本 ");
}

TEST_CASE("text_table: columns padded to their widest cell, two blanks apart") {
    text_table table({"name", "n"}, {align::left, align::right});
    table.add_row({"a", "1"});
    table.add_row({"longer", "12345"});
    CHECK(table.render(false) ==
          "name        n\n"
          "a           1\n"
          "longer  12345\n");
}

TEST_CASE("text_table: no rows, the header alone") {
    text_table table({"only"});
    CHECK(table.render(false) == "only\n");
    text_table two({"a", "b"}, {align::right});  // missing alignments are left
    CHECK(two.render(false) == "a  b\n");
}

TEST_CASE("text_table: the last left-aligned column is not padded") {
    text_table table({"n", "message"}, {align::right, align::left});
    table.add_row({"1", "a long message"});
    table.add_row({"22", "x"});
    const std::string out = table.render(false);
    CHECK(out ==
          " n  message\n"
          " 1  a long message\n"
          "22  x\n");
    CHECK(out.find(" \n") == std::string::npos);
    // A right-aligned last column is padded on its left as usual.
    text_table right({"a", "b"}, {align::left, align::right});
    right.add_row({"x", "100"});
    CHECK(right.render(false) == "a    b\nx  100\n");
}

TEST_CASE("text_table: widths count UTF-8 characters, not bytes") {
    text_table table({"class", "AP"}, {align::left, align::right});
    table.add_row({"café", "1"});
    table.add_row({"ab", "22"});
    CHECK(table.render(false) ==
          "class  AP\n"
          "café    1\n"
          "ab     22\n");
}

TEST_CASE("text_table: short rows are filled, long rows cut to the header") {
    text_table table({"a", "b", "c"});
    table.add_row({"1"});
    table.add_row({"1", "2", "3", "4"});
    CHECK(table.render(false) ==
          "a  b  c\n"
          "1     \n"  // the empty last cell adds no blanks

          "1  2  3\n");
}

TEST_CASE("text_table: colour codes only when enabled, outside the padding") {
    text_table table({"k", "v"}, {align::left, align::right});
    table.add_row({"x", "1"}, {colour::none, colour::red});
    CHECK(table.render(false) == "k  v\nx  1\n");
    CHECK(table.render(true) ==
          "\x1b[1mk\x1b[0m  \x1b[1mv\x1b[0m\n"
          "x  \x1b[31m1\x1b[0m\n");
    // Colour codes do not widen the columns they are in.
    text_table wide({"name", "n"}, {align::left, align::right});
    wide.add_row({"ab", "1"}, {colour::green, colour::green});
    CHECK(wide.render(true) ==
          "\x1b[1mname\x1b[0m  \x1b[1mn\x1b[0m\n"
          "\x1b[32mab  \x1b[0m  \x1b[32m1\x1b[0m\n");
}

TEST_CASE("format_duration: three decimals below a millisecond, one below a second") {
    CHECK(format_duration(0) == "0.000 ms");
    CHECK(format_duration(3e-7) == "0.000 ms");
    CHECK(format_duration(0.0003) == "0.300 ms");
    CHECK(format_duration(0.000999) == "0.999 ms");
    CHECK(format_duration(0.001) == "1.0 ms");
    CHECK(format_duration(0.012) == "12.0 ms");
    CHECK(format_duration(0.5) == "500.0 ms");
    CHECK(format_duration(0.9994) == "999.4 ms");
    CHECK(format_duration(1) == "1.00 s");
    CHECK(format_duration(1.52) == "1.52 s");
    CHECK(format_duration(3600) == "3600.00 s");
}

TEST_CASE("format_duration: a value that rounds up to the next unit is shown in it") {
    CHECK(format_duration(0.0009999) == "1.0 ms");
    CHECK(format_duration(0.99996) == "1.00 s");
    CHECK(format_duration(0.99999999) == "1.00 s");
}
