// Description: reading JSON values by name and range, each failure an input_error carrying
// the JSON path and a message "expected <what>, got <value>" (testlib's inf.readInt style).
// Status: tested in tests/support/json_input_test.cpp.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <limits>
#include <span>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "support/errors.hpp"

namespace algojudge {

using json = nlohmann::json;

// "input" + "nums" -> "input.nums"; "input.nums" + 3 -> "input.nums[3]".
std::string json_path(std::string_view parent, std::string_view key);
std::string json_path(std::string_view parent, std::size_t index);

// A short rendering of a JSON value for messages: strings quoted, long values cut.
std::string json_brief(const json& value);

// The type of a JSON value in words: "a string", "an array", "null", "a number".
std::string_view json_kind(const json& value);

[[noreturn]] void throw_expected(const std::string& path, std::string_view what, const json& found);

const json& require_object(const json& value, const std::string& path);
const json& require_array(const json& value, const std::string& path);
// The member `key` of object `parent` (at `path`); input_error "missing field" if absent.
const json& require_field(const json& parent, const std::string& path, std::string_view key);
// nullptr when absent (or null when `null_is_absent`).
const json* optional_field(const json& parent, std::string_view key, bool null_is_absent = true);
// Rejects members not in `allowed`, so a typo does not pass silently.
void reject_unknown_fields(const json& object, const std::string& path,
                           std::initializer_list<std::string_view> allowed);

// A documented member of an input object: its name, a short type for `algojudge list`
// ("[int64]"; empty to show the name alone) and whether it may be absent. A problem's table of
// these is its input schema: `list` shows it and the reader rejects any other member.
struct json_field {
    std::string_view name;
    std::string_view type = {};
    bool optional = false;
};
// "nums: [int64], k?".
std::string describe_fields(std::span<const json_field> fields);
void reject_unknown_fields(const json& object, const std::string& path,
                           std::span<const json_field> allowed);

std::int64_t read_int64(const json& value, const std::string& path,
                        std::int64_t min = std::numeric_limits<std::int64_t>::min(),
                        std::int64_t max = std::numeric_limits<std::int64_t>::max());
std::uint64_t read_uint64(const json& value, const std::string& path,
                          std::uint64_t max = std::numeric_limits<std::uint64_t>::max());
// A finite number (integers accepted); NaN and infinities cannot occur in parsed JSON but are
// rejected for values built in code.
double read_double(const json& value, const std::string& path,
                   double min = -std::numeric_limits<double>::infinity(),
                   double max = std::numeric_limits<double>::infinity());
bool read_bool(const json& value, const std::string& path);
const std::string& read_string(const json& value, const std::string& path);

// "malformed JSON at line 3, column 7 near 'NaN]'" for a parse failure at byte `byte` (1-based,
// as nlohmann reports it) of `text`; the line is left out for one-line texts.
std::string describe_parse_failure(std::string_view text, std::size_t byte);

// Nesting deeper than this (arrays and objects inside one another) is refused when a text is
// parsed, before any recursive code could overflow the stack on it. docs/reliability.md.
inline constexpr std::size_t max_json_depth = 256;

// "line 3, column 7" (or "column 7" for a one-line text) of the 0-based byte `offset`.
std::string text_location(std::string_view text, std::size_t offset);

// What a JSON parser may not see for itself, or not say where, found in one pass: nesting
// deeper than max_json_depth, a NUL byte (which ends the text for nlohmann), and a raw control
// character inside a string (simdjson refuses it without a place). Empty when none occurs, else
// "JSON nested deeper than 256 levels at line 1, column 300". Every JSON reader calls it first,
// so each says the same of the same text.
std::string json_text_defect(std::string_view text);

// Parses one JSON document; input_error "<where>: malformed JSON ..." when it is not one:
// syntax, nesting past max_json_depth, a NUL byte, a number out of the double range, a
// duplicate key ("input: duplicate key \"nums\"").
json parse_json_text(std::string_view text, const std::string& where);

}  // namespace algojudge
