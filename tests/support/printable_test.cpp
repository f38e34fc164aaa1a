#include "support/printable.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace algojudge;

TEST_CASE("printable escapes control bytes and invalid UTF-8, keeps the rest") {
    using namespace std::string_literals;
    CHECK(printable("") == "");
    CHECK(printable("cases.json: case 1") == "cases.json: case 1");
    CHECK(printable("a\nb") == "a\\x0ab");
    CHECK(printable("\0\x1b[31m"s) == "\\x00\\x1b[31m");
    CHECK(printable("d\xffg") == "d\\xffg");
    CHECK(printable("caf\xc3\xa9 \xe2\x82\xac") == "caf\xc3\xa9 \xe2\x82\xac");
    CHECK(printable("\xc3") == "\\xc3");                    // cut short
    CHECK(printable("\xed\xa0\x80") == "\\xed\\xa0\\x80");  // a surrogate
    CHECK(printable("\x7f") == "\\x7f");
}
