#include "reports/xml_text.hpp"

#include <string>

#include <doctest/doctest.h>

using algojudge::xml_escape;

TEST_CASE("xml_escape: markup characters become entities") {
    CHECK(xml_escape("") == "");
    CHECK(xml_escape("plain text") == "plain text");
    CHECK(xml_escape("a<b & c>d \"q\" 'r'") == "a&lt;b &amp; c&gt;d &quot;q&quot; &apos;r&apos;");
}

TEST_CASE("xml_escape: valid UTF-8 is kept, anything XML forbids becomes U+FFFD") {
    const std::string replacement = "\xEF\xBF\xBD";
    CHECK(xml_escape("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x90\x88") ==
          "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x90\x88");
    CHECK(xml_escape("tab\there\nline\r") == "tab\there\nline\r");
    CHECK(xml_escape(std::string("nul\0x", 5)) == "nul" + replacement + "x");
    CHECK(xml_escape("bell\x07") == "bell" + replacement);
    CHECK(xml_escape("\xFF") == replacement);                    // never a UTF-8 byte
    CHECK(xml_escape("\xC3") == replacement);                    // truncated sequence
    CHECK(xml_escape("\xC0\xAF") == replacement + replacement);  // overlong '/'
    CHECK(xml_escape("\xED\xA0\x80") == replacement + replacement + replacement);  // surrogate
    CHECK(xml_escape("\xE2\x28\xA1") == replacement + "(" + replacement);  // bad continuation
}

TEST_CASE("xml_escape: the noncharacters U+FFFE and U+FFFF become U+FFFD") {
    const std::string replacement = "\xEF\xBF\xBD";
    CHECK(xml_escape("a\xEF\xBF\xBE"
                     "b\xEF\xBF\xBF") == "a" + replacement + "b" + replacement);
    CHECK(xml_escape("\xEF\xBF\xBD") == replacement);  // U+FFFD itself is kept
}
