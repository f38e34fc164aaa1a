#include "support/json_input.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace algojudge;

namespace {

// The full "path: message" text of the input_error `f` throws, or "" if it throws none.
template <class F>
std::string error_of(F&& f) {
    try {
        f();
    } catch (const input_error& e) {
        return std::string(e.what());
    }
    return "";
}

}  // namespace

TEST_CASE("json paths join keys and indices") {
    CHECK(json_path("", "input") == "input");
    CHECK(json_path("input", "weights") == "input.weights");
    CHECK(json_path("input.weights", std::size_t{2}) == "input.weights[2]");
}

TEST_CASE("read_int64 accepts the whole signed range and nothing else") {
    CHECK(read_int64(json::parse("-9223372036854775808"), "x") == INT64_MIN);
    CHECK(read_int64(json::parse("9223372036854775807"), "x") == INT64_MAX);
    CHECK(error_of([] { read_int64(json::parse("9223372036854775808"), "input.nums[1]"); }) ==
          "input.nums[1]: expected an integer in the signed 64-bit range, got 9223372036854775808");
    CHECK(error_of([] { read_int64(json::parse("1.5"), "x"); }) ==
          "x: expected an integer in the signed 64-bit range, got 1.5");
    CHECK(error_of([] { read_int64(json::parse("\"3\""), "x"); }) ==
          "x: expected an integer in the signed 64-bit range, got \"3\"");
    CHECK(error_of([] { read_int64(json::parse("1e300"), "x"); }) ==
          "x: expected an integer in the signed 64-bit range, got 1e+300");
    CHECK(error_of([] { read_int64(json::parse("[1]"), "x"); }) ==
          "x: expected an integer in the signed 64-bit range, got an array");
}

TEST_CASE("read_int64 names the range it was given") {
    CHECK(error_of([] { read_int64(json(-4), "input.weights[2]", 0); }) ==
          "input.weights[2]: expected a non-negative integer, got -4");
    CHECK(error_of([] { read_int64(json(0), "k", 1); }) == "k: expected a positive integer, got 0");
    CHECK(error_of([] { read_int64(json(11), "k", 1, 10); }) ==
          "k: expected an integer from 1 to 10, got 11");
    CHECK(read_int64(json(10), "k", 1, 10) == 10);
}

TEST_CASE("read_uint64 takes the unsigned range") {
    CHECK(read_uint64(json::parse("18446744073709551615"), "x") == UINT64_MAX);
    CHECK(read_uint64(json(0), "x") == 0);
    CHECK(error_of([] { read_uint64(json(-1), "x"); }) ==
          "x: expected a non-negative integer in the unsigned 64-bit range, got -1");
    CHECK(error_of([] { read_uint64(json(5), "x", 4); }) ==
          "x: expected an integer from 0 to 4, got 5");
}

TEST_CASE("read_double rejects non-finite values and enforces bounds") {
    CHECK(read_double(json(0.25), "x") == 0.25);
    CHECK(read_double(json(3), "x") == 3.0);
    CHECK(error_of([] { read_double(json(std::nan("")), "x"); }) ==
          "x: expected a finite number, got a non-finite value");
    CHECK(error_of([] { read_double(json(1.5), "iou", 0, 1); }) ==
          "iou: expected a number from 0 to 1, got 1.5");
    CHECK(error_of([] { read_double(json("a"), "x"); }) ==
          "x: expected a finite number, got \"a\"");
}

TEST_CASE("fields: required, optional and unknown") {
    const json object = json::parse(R"({"nums": [1], "k": null})");
    CHECK(require_field(object, "input", "nums") == json::parse("[1]"));
    CHECK(error_of([&] { require_field(object, "input", "target"); }) ==
          "input: missing field \"target\"");
    CHECK(error_of([] { require_field(json(3), "input", "x"); }) ==
          "input: expected an object, got 3");
    CHECK(optional_field(object, "k") == nullptr);
    CHECK(optional_field(object, "k", false) != nullptr);
    CHECK(optional_field(object, "absent") == nullptr);
    CHECK(error_of([&] { reject_unknown_fields(object, "input", {"nums", "k"}); }).empty());
    CHECK(error_of([&] { reject_unknown_fields(object, "input", {"nums"}); }) ==
          "input.k: unknown field (expected one of: nums)");
}

TEST_CASE("json_brief shortens long values") {
    CHECK(json_brief(json("abc")) == "\"abc\"");
    const std::string brief = json_brief(json(std::string(100, 'x')));
    CHECK(brief.size() == 40);
    CHECK(brief.substr(37) == "...");
}

TEST_CASE("parse_json_text refuses nesting past max_json_depth, with its place") {
    const std::size_t deep = 1'000'000;
    // Appended, not `"literal" + std::string(...)`: GCC 12 warns falsely on that (-Warray-bounds).
    std::string text = "{\"nums\":";
    text.append(deep, '[').append(deep, ']').append("}");
    CHECK(error_of([&] { parse_json_text(text, "deep.json"); }) ==
          "deep.json: JSON nested deeper than 256 levels at column 264");
    const std::string fits = std::string(max_json_depth, '[') + std::string(max_json_depth, ']');
    CHECK(parse_json_text(fits, "f").is_array());
    // Brackets inside strings do not count.
    std::string quoted = "[\"";
    quoted.append(1000, '[').append("\\\"\"]");
    CHECK(parse_json_text(quoted, "f").size() == 1);
}

TEST_CASE("parse_json_text refuses a NUL byte and anything after the document") {
    using namespace std::string_literals;
    CHECK(error_of([] { parse_json_text("{\"nums\":[1,5]}\0garbage"s, "f.json"); }) ==
          "f.json: malformed JSON at column 15: a NUL byte");
    CHECK(error_of([] { parse_json_text("{} {}", "f.json"); }) ==
          "f.json: malformed JSON at column 4 near '{}'");
}

TEST_CASE("parse_json_text refuses a raw control character in a string, with its place") {
    CHECK(error_of([] { parse_json_text("{\"name\":\"a\nb\"}", "f.json"); }) ==
          "f.json: malformed JSON at line 1, column 11: a control character (U+000A) in a string "
          "must be escaped");
    CHECK(error_of([] { parse_json_text("{\"na\x1fme\":1}", "f.json"); }) ==
          "f.json: malformed JSON at column 5: a control character (U+001F) in a string must be "
          "escaped");
    // After a backslash too (not a valid escape either); outside strings it is white space or
    // an ordinary syntax error.
    CHECK(json_text_defect("[\"\\\t\"]") ==
          "malformed JSON at column 4: a control character (U+0009) in a string must be escaped");
    CHECK(json_text_defect("{\n\t\"a\": \"\\n\\t\x7f\"\r\n}").empty());
    CHECK(error_of([] { parse_json_text("[\x01]", "f.json"); }) ==
          "f.json: malformed JSON at column 2 near '\x01]'");
}

TEST_CASE("parse_json_text refuses duplicate keys, naming the object") {
    CHECK(error_of([] { parse_json_text(R"({"a":1,"a":2})", "f.json"); }) ==
          "f.json: duplicate key \"a\"");
    CHECK(error_of([] {
              parse_json_text(R"({"input":{"list":[{"x":1},{"x":1,"x":2}]}})", "f.json");
          }) == "f.json: input.list[1]: duplicate key \"x\"");
    CHECK(parse_json_text(R"([{"a":1},{"a":2}])", "f").size() == 2);
}

TEST_CASE("parse_json_text places a number out of the double range") {
    CHECK(error_of([] { parse_json_text("{\"x\": [1,\n 1e400]}", "f.json"); }) ==
          "f.json: malformed JSON at line 2, column 2: a number out of the double range");
}

TEST_CASE("parse_json_text names a lone surrogate") {
    CHECK(error_of([] { parse_json_text(R"({"nums":["\ud800"]})", "f.json"); }) ==
          "f.json: malformed JSON at column 17: a lone UTF-16 surrogate in a string (\\ud800 to "
          "\\udfff unpaired)");
}
