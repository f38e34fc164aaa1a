#include "support/text_tokens.hpp"

#include <doctest/doctest.h>

#include <string>

#include "problems/registry.hpp"

using namespace algojudge;

namespace {

// The message of the text_format_error that parsing `text` as `problem`'s output throws.
std::string presentation_error_of(std::string_view problem, std::string_view text,
                                  const json& input = {}) {
    try {
        find_problem(problem)->text->parse_output(text, input);
    } catch (const text_format_error& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("token_reader: any run of white space separates tokens, CRLF and no final newline") {
    token_reader tokens("  12\r\n\t-3   x\n\n7");
    CHECK(tokens.read_int64("a") == 12);
    CHECK(tokens.next_line() == 2);
    CHECK(tokens.read_int64("b") == -3);
    CHECK(tokens.read_word("c") == "x");
    CHECK(tokens.read_uint64("d") == 7);
    CHECK(tokens.at_end());
    CHECK(token_reader("").at_end());
}

TEST_CASE("token_reader: each presentation error says the line and column") {
    token_reader words("1\n  abc");
    words.read_int64("n");
    CHECK_THROWS_WITH(words.read_int64("the gap"),
                      "line 2, column 3: expected the gap (an integer), got \"abc\"");
    token_reader missing("1 ");
    missing.read_int64("n");
    CHECK_THROWS_WITH(missing.read_int64("the gap"),
                      "line 1, column 3: expected the gap, got the end of the text");
    token_reader extra("5\n6 7");
    extra.read_int64("n");
    CHECK_THROWS_WITH(extra.expect_end("the gap"),
                      "line 2, column 1: expected nothing after the gap, got \"6\"");
    CHECK_THROWS_WITH(
        token_reader("99999999999999999999").read_int64("x"),
        "line 1, column 1: expected x (a 64-bit integer), got \"99999999999999999999\"");
    CHECK(token_reader("007").read_digits("c") == "7");
}

TEST_CASE("max-gap text: the gap alone or with its neighbours; input round trip") {
    const text_io& io = *find_problem("max-gap")->text;
    CHECK(io.parse_output("3", {}) == json{{"max_gap", 3}});
    CHECK(io.parse_output("3\r\n6 9\r\n", {}) == json{{"max_gap", 3}, {"between", {6, 9}}});
    CHECK(io.parse_output("3 6\n9", {}) == json{{"max_gap", 3}, {"between", {6, 9}}});
    CHECK(presentation_error_of("max-gap", "three") ==
          "line 1, column 1: expected the gap (a non-negative 64-bit integer), got \"three\"");
    CHECK(presentation_error_of("max-gap", "3 6") ==
          "line 1, column 4: expected the upper neighbour, got the end of the text");
    CHECK(presentation_error_of("max-gap", "3 6 9 12") ==
          "line 1, column 7: expected nothing after the two neighbours, got \"12\"");
    const json input = {{"nums", {3, 6, 9, 1}}};
    CHECK(io.render_input(input) == "4\n3 6 9 1\n");
    CHECK(io.parse_input(io.render_input(input)) == input);
    CHECK(io.render_output(json{{"max_gap", 3}, {"between", {6, 9}}}) == "3\n6 9\n");
}

TEST_CASE("combination-sum text: a count, then one combination per line") {
    const text_io& io = *find_problem("combination-sum")->text;
    const json input = {{"candidates", {2, 3, 6, 7}}, {"target", 7}, {"reuse", true}};
    CHECK(io.render_input(input) == "4 7 1 -1 0\n2 3 6 7\n");
    const json parsed = io.parse_input("4 7 1 -1 0\n2 3 6 7\n");
    CHECK(parsed["candidates"] == input["candidates"]);
    CHECK(!parsed.contains("k"));
    CHECK(io.parse_output("2\n7\n3 2 2", input) ==
          json::parse(R"({"count": 2, "combinations": [[7], [3, 2, 2]], "truncated": false})"));
    CHECK(io.parse_output("123456789012345678901234567890", input)["count"] ==
          "123456789012345678901234567890");
    json count_only = input;
    count_only["count_only"] = true;
    CHECK(io.parse_output("2\n", count_only) == json{{"count", 2}});
    CHECK(presentation_error_of("combination-sum", "2\n7\n2 x 3", input) ==
          "line 3, column 3: expected a candidate (an integer), got \"x\"");
    CHECK(presentation_error_of("combination-sum", "", input) ==
          "line 1, column 1: expected the count, got the end of the text");
}

TEST_CASE("knapsack text: the best value, optionally the chosen items") {
    const text_io& io = *find_problem("knapsack")->text;
    const json input = json::parse(
        R"({"kind": "bounded", "capacity": 7, "weights": [3, 4], "values": [4, 5], "counts": [1, 2]})");
    CHECK(io.render_input(input) == "bounded 2 7 at-most\n3 4 1\n4 5 2\n");
    const json parsed = io.parse_input(io.render_input(input));
    CHECK(parsed["counts"] == input["counts"]);
    CHECK(parsed["fill"] == "at-most");
    CHECK(
        io.parse_output("9\n2\n0 1\n1 1\n", input) ==
        json::parse(
            R"({"best_value": 9, "chosen": [{"item": 0, "count": 1}, {"item": 1, "count": 1}]})"));
    CHECK(io.parse_output("-1", input) == json{{"best_value", nullptr}});
    CHECK(presentation_error_of("knapsack", "9\n2\n0 1\n", input) ==
          "line 4, column 1: expected chosen item 2 of 2, got the end of the text");
    CHECK(presentation_error_of("knapsack", "nine", input)
              .starts_with("line 1, column 1: expected the best"));
    CHECK(find_problem("average-precision")->text == nullptr);
}
