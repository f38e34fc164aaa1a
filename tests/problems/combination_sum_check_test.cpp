#include "problems/combination_sum.hpp"

#include <doctest/doctest.h>

#include <string>

#include "support/json_input.hpp"

using namespace algojudge;

namespace {

json solve(const json& input) {
    return solve_combination_sum(input, solve_options{});
}

check_result check(const json& input, const json& expected, const json& actual) {
    const json tolerance;
    return check_combination_sum({input, expected, actual, tolerance});
}

}  // namespace

TEST_CASE("combination-sum checker: accepts any order, names differences") {
    const json input = {{"candidates", {10, 1, 2, 7, 6, 1, 5}}, {"target", 8}, {"reuse", false}};
    const json expected = json::parse(R"({"count": 4, "truncated": false,
        "combinations": [[1,1,6],[1,2,5],[1,7],[2,6]]})");
    const json actual = solve(input);
    CHECK(check(input, expected, actual).outcome == verdict::accepted);

    const json reordered = json::parse(R"({"count": 4, "truncated": false,
        "combinations": [[6,2],[7,1],[5,2,1],[6,1,1]]})");
    CHECK(check(input, reordered, actual).outcome == verdict::accepted);
    CHECK(check(input, expected, reordered).outcome == verdict::accepted);

    SUBCASE("missing and extra combinations and the counts") {
        const json wrong = json::parse(R"({"count": 4, "truncated": false,
            "combinations": [[1,1,6],[1,7],[2,6],[1,7]]})");
        const check_result result = check(input, expected, wrong);
        CHECK(result.outcome == verdict::wrong_answer);
        CHECK(result.message ==
              "1 missing: [1,2,5]; 1 extra: [1,7]; expected 4 combinations, got 4");
    }
    SUBCASE("invalid combinations are named") {
        const json wrong = json::parse(R"({"count": 3, "truncated": false,
            "combinations": [[1,1,6],[1,2,5],[1,7],[1,1,1,5],[4,4],[2,5,"x"],[9]]})");
        const check_result result = check(input, expected, wrong);
        CHECK(result.outcome == verdict::wrong_answer);
        CHECK(result.message ==
              "count: expected 4, got 3; 4 invalid: combinations[3] [1,1,1,5] uses 1 3 times, "
              "but input.candidates holds it 2 times (and 3 more); 1 missing: [2,6]; expected 4 "
              "combinations, got 7");
        const json sums = json::parse(R"({"count": 4, "truncated": false,
            "combinations": [[1,1,6],[1,2,5],[1,7],[2,5]]})");
        CHECK(check(input, expected, sums).message ==
              "1 invalid: combinations[3] [2,5] sums to 7, not the target 8; 1 missing: [2,6]; "
              "expected 4 combinations, got 4");
        const json foreign = json::parse(R"({"count": 4, "truncated": false,
            "combinations": [[1,1,6],[1,2,5],[1,7],[4,4]]})");
        CHECK(check(input, expected, foreign).message ==
              "1 invalid: combinations[3] [4,4] uses 4, which is not in input.candidates; 1 "
              "missing: [2,6]; expected 4 combinations, got 4");
    }
    SUBCASE("k is enforced") {
        json with_k = input;
        with_k["k"] = 2;
        const json pairs =
            json::parse(R"({"count": 2, "truncated": false, "combinations": [[1,7],[2,6]]})");
        CHECK(check(with_k, pairs, solve(with_k)).outcome == verdict::accepted);
        const json triple =
            json::parse(R"({"count": 2, "truncated": false, "combinations": [[1,7],[1,1,6]]})");
        CHECK(check(with_k, pairs, triple).message ==
              "1 invalid: combinations[1] [1,1,6] has 3 elements, not k = 2; 1 missing: [2,6]; "
              "expected 2 combinations, got 2");
    }
    SUBCASE("count and truncation") {
        json truncated = actual;
        truncated["truncated"] = true;
        CHECK(check(input, expected, truncated).message == "truncated: expected false, got true");
        CHECK(check(input, expected,
                    json{{"count", "4"},
                         {"truncated", false},
                         {"combinations", expected["combinations"]}})
                  .outcome == verdict::accepted);
        CHECK(check(input, expected, json::object()).message ==
              "count: expected a non-negative integer or a string of decimal digits, got null");
        CHECK(check(input, expected, json{{"count", 4}}).message ==
              "truncated: missing or not true/false; combinations: missing or not an array");
        const json count_only = {{"count", 4}};
        CHECK(check(input, count_only, json{{"count", 4}}).outcome == verdict::accepted);
        CHECK(check(input, count_only, json{{"count", 5}}).message == "count: expected 4, got 5");
    }
}

TEST_CASE("combination-sum checker: a malformed expected answer is the case file's fault") {
    const json input = {{"candidates", {2, 3, 6, 7}}, {"target", 7}, {"reuse", true}};
    const json actual = solve(input);
    auto bad = [&](const char* text) {
        const check_result result = check(input, json::parse(text), actual);
        CHECK(result.outcome == verdict::bad_expected);
        return result.message;
    };
    CHECK(bad(R"({"count": "two"})") ==
          "expected.count: expected a non-negative integer or a string of decimal digits, got "
          "\"two\"");
    CHECK(bad(R"({"count": -2})") ==
          "expected.count: expected a non-negative integer or a string of decimal digits, got -2");
    CHECK(bad(R"({"combinations": []})") == "expected: missing field \"count\"");
    CHECK(bad(R"({"count": 2, "combos": []})").starts_with("expected.combos: unknown field"));
    CHECK(bad(R"({"count": 2, "combinations": {}})") ==
          "expected.combinations: expected an array, got an object");
    CHECK(bad(R"({"count": 2, "combinations": [[2,2,3],[3,3]]})") ==
          "expected.combinations[1]: [3,3] sums to 6, not the target 7");
    CHECK(bad(R"({"count": 2, "combinations": [[2,2,3],7]})") ==
          "expected.combinations[1]: is an integer, not an array of integers");
    CHECK(bad(R"({"count": 2, "combinations": [[2,2,3],[3,2,2]]})") ==
          "expected.combinations[1]: [2,2,3] is listed twice");
    CHECK(bad(R"({"count": 3, "combinations": [[2,2,3],[7]]})") ==
          "expected.count: is 3, but expected.combinations lists 2 and truncated is false");
    CHECK(bad(R"({"count": 2, "truncated": "no", "combinations": []})") ==
          "expected.truncated: expected true or false, got \"no\"");
}

TEST_CASE("combination-sum checker: a truncated expected list checks the count and each listed") {
    const json input = {
        {"candidates", {10, 1, 2, 7, 6, 1, 5}}, {"target", 8}, {"reuse", false}, {"limit", 2}};
    const json expected = solve(input);
    REQUIRE(expected["truncated"] == true);
    // All four, in another order, without a truncated flag: what a text-mode program prints.
    const json all = json::parse(R"({"count": 4, "combinations": [[2,6],[1,7],[1,2,5],[1,1,6]]})");
    CHECK(check(input, expected, all).outcome == verdict::accepted);
    const json other_two =
        json::parse(R"({"count": 4, "truncated": true, "combinations": [[2,6],[1,7]]})");
    CHECK(check(input, expected, other_two).outcome == verdict::accepted);
    CHECK(check(input, expected, json::parse(R"({"count": 4, "combinations": [[2,6],[6,2]]})"))
              .message == "1 listed more than once: [2,6]");
    CHECK(check(input, expected, json::parse(R"({"count": 4, "combinations": [[2,5]]})")).message ==
          "1 invalid: combinations[0] [2,5] sums to 7, not the target 8");
    CHECK(check(input, expected,
                json::parse(R"({"count": 4, "truncated": false, "combinations": [[2,6]]})"))
              .message == "truncated is false, but 1 of 4 combinations are listed");
    CHECK(check(input, expected, json::parse(R"({"count": 3, "combinations": [[2,6]]})")).message ==
          "count: expected 4, got 3");
}

TEST_CASE("combination-sum checker: combinations beside a count_only answer are checked") {
    const json input = {
        {"candidates", {2, 3, 6, 7}}, {"target", 7}, {"reuse", true}, {"count_only", true}};
    const json expected = solve(input);
    CHECK(check(input, expected, json::parse(R"({"count": 2})")).outcome == verdict::accepted);
    CHECK(check(input, expected, json::parse(R"({"count": 2, "combinations": [[7],[2,2,3]]})"))
              .outcome == verdict::accepted);
    CHECK(check(input, expected, json::parse(R"({"count": 2, "combinations": [[7],[2,3]]})"))
              .message == "1 invalid: combinations[1] [2,3] sums to 5, not the target 7");
}
