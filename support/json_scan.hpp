// Description: the members of a JSON object, or the elements of an array, as raw text, found by
// one scan that matches brackets and strings without parsing the values. For fast paths that
// hand each piece to a validating reader: the pieces and the text between them cover the whole
// document, and the scan checks that text (whitespace, commas, colons, plain keys), so the
// document is valid JSON exactly when every piece is. nullopt outside the plain layout: a key
// with an escape or a byte outside printable ASCII, a duplicate key (nlohmann keeps the last; fast
// paths leave that to it), anything that is not an object (or array) with only whitespace around
// it. Status: tested in tests/support/json_scan_test.cpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace algojudge {

struct raw_member {
    std::string_view key;    // unquoted, without escapes
    std::string_view value;  // the value's text, not checked
};

// For small objects (case files, settings): nullopt beyond this many members.
inline constexpr std::size_t max_split_members = 16;
std::optional<std::vector<raw_member>> split_json_object(std::string_view text);
std::optional<std::vector<std::string_view>> split_json_array(std::string_view text);

// How deep the brackets of `text` nest outside its strings ("[[1], {}]" is 2), as
// json_text_defect counts them: for pieces whose depth in their document must be checked.
std::size_t json_nesting(std::string_view text);

// An array of plain integers starting at text[at] (its '['): optional sign, digits without a
// leading zero, no fraction or exponent, in the int64 range, whitespace between tokens. Appends
// them to `values` and returns the position after the ']'; npos for anything else, valid JSON or
// not, which a json reader then handles. For fast readers of large integer lists.
std::size_t read_plain_int64_array(std::string_view text, std::size_t at,
                                   std::vector<std::int64_t>& values);

// True for the whitespace JSON allows between tokens (space, tab, line feed, carriage return).
constexpr bool is_json_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

}  // namespace algojudge
