// Text escaped for XML (and XHTML): used by verify's JUnit report and ap's plots.
#pragma once

#include <string>
#include <string_view>

namespace algojudge {

// Text for XML character data and attribute values: & < > " ' as entities; characters XML 1.0
// forbids (control characters other than tab, line feed and carriage return) and bytes that
// are not valid UTF-8 as U+FFFD, so any input gives a well-formed document.
// Example: xml_escape("a<b") == "a&lt;b".
std::string xml_escape(std::string_view text);

}  // namespace algojudge
