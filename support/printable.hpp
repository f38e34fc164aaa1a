// Description: text made safe to echo on one terminal line: control bytes (newline, NUL,
// ESC, DEL), and bytes that are not part of valid UTF-8, become `\x0a`-style escapes; a
// backslash stays as it is. Used wherever names and values from input reach stderr or a table.
// Status: tested in tests/support/printable_test.cpp.
#pragma once

#include <string>
#include <string_view>

namespace algojudge {

// The length of the valid UTF-8 sequence starting at text[i] (i < text.size()), or 0 when
// there is none: overlong forms, surrogates and code points past U+10FFFF are invalid.
std::size_t utf8_sequence_length(std::string_view text, std::size_t i);

// "d\xffg\n" -> "d\\xffg\\x0a". Valid UTF-8 other than controls is kept as it is.
std::string printable(std::string_view text);

}  // namespace algojudge
