#include "problems/max_gap.hpp"
#include "algorithms/max_gap.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "json_layout_fixtures.hpp"
#include "support/json_input.hpp"

namespace {

using algojudge::json;

constexpr std::int64_t int64_min = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t int64_max = std::numeric_limits<std::int64_t>::max();
using values = std::vector<std::int64_t>;

}  // namespace

TEST_CASE("solve_max_gap: renders the gap and the neighbours") {
    const json output = algojudge::solve_max_gap(json{{"nums", {3, 6, 9, 1}}}, {});
    CHECK(output["max_gap"] == 3);
    CHECK(output["between"].size() == 2);

    const json single = algojudge::solve_max_gap(json{{"nums", {10}}}, {});
    CHECK(single == json{{"max_gap", 0}, {"between", nullptr}});

    const json extremes = algojudge::solve_max_gap(json{{"nums", {int64_max, int64_min}}}, {});
    CHECK(extremes["max_gap"].get<std::uint64_t>() == std::numeric_limits<std::uint64_t>::max());
    CHECK(extremes["between"] == json{int64_min, int64_max});
}

namespace {

// The input_error message solving `input_text` gives, or "" if it solves.
std::string solve_error(const std::string& input_text) {
    try {
        algojudge::solve_max_gap(json::parse(input_text), {});
    } catch (const algojudge::input_error& e) {
        return std::string(e.what());
    }
    return "";
}

}  // namespace

TEST_CASE("solve_max_gap: bad input names the JSON path") {
    CHECK(solve_error(R"({"nums": [1, 2, 9223372036854775808]})")
              .starts_with("input.nums[2]: expected an integer in the signed 64-bit range"));
    CHECK(solve_error(R"({"nums": [1, 2, -9223372036854775809]})").starts_with("input.nums[2]: "));
    CHECK(solve_error(R"({"nums": [0, 1.5]})").starts_with("input.nums[1]: expected an integer"));
    CHECK(solve_error(R"({"nums": ["3"]})").starts_with("input.nums[0]: expected an integer"));
    CHECK(solve_error(R"({"nums": [null, 1]})").starts_with("input.nums[0]: "));
    CHECK(solve_error(R"({"nums": 3})").starts_with("input.nums: expected an array"));
    CHECK(solve_error(R"({"nums": {"a": 1}})").starts_with("input.nums: expected an array"));
    CHECK(solve_error(R"({})").starts_with("input: missing field \"nums\""));
    CHECK(solve_error(R"({"nums": [1], "num": [2]})").starts_with("input.num: unknown field"));
    CHECK(solve_error(R"([1, 2])").starts_with("input"));
    CHECK(solve_error(R"({"nums": [-9223372036854775808, 9223372036854775807]})").empty());
}

namespace {

algojudge::check_result check(const std::string& input, const std::string& expected,
                              const std::string& actual) {
    const json input_json = json::parse(input);
    const json expected_json = json::parse(expected);
    const json actual_json = json::parse(actual);
    const json tolerance;
    return algojudge::check_max_gap({input_json, expected_json, actual_json, tolerance});
}

}  // namespace

TEST_CASE("check_max_gap: accepts any valid pair of neighbours") {
    using algojudge::verdict;
    const std::string input = R"({"nums": [9, 1, 5]})";
    CHECK(check(input, R"({"max_gap": 4})", R"({"max_gap": 4, "between": [1, 5]})").outcome ==
          verdict::accepted);
    // The expected answer names [1, 5]; [5, 9] is just as right.
    CHECK(
        check(input, R"({"max_gap": 4, "between": [1, 5]})", R"({"max_gap": 4, "between": [5, 9]})")
            .outcome == verdict::accepted);
    CHECK(check(R"({"nums": [7]})", R"({"max_gap": 0})", R"({"max_gap": 0, "between": null})")
              .outcome == verdict::accepted);
    CHECK(check(R"({"nums": [-9223372036854775808, 9223372036854775807]})",
                R"({"max_gap": 18446744073709551615})",
                R"({"max_gap": 18446744073709551615,
                    "between": [-9223372036854775808, 9223372036854775807]})")
              .outcome == verdict::accepted);
    // The neighbours are an optional certificate (judge's programs may print the gap alone).
    CHECK(check(input, R"({"max_gap": 4})", R"({"max_gap": 4})").outcome == verdict::accepted);
    CHECK(check(input, R"({"max_gap": 4})", R"({"max_gap": 4, "between": null})").outcome ==
          verdict::wrong_answer);
}

TEST_CASE("check_max_gap: wrong answers say what differs") {
    struct wrong_case {
        const char* actual;
        const char* message_start;
    };
    // For nums [0, 5, 10, 20], whose largest gap is 10 (between 10 and 20).
    const wrong_case cases[] = {
        {R"({"max_gap": 9, "between": [10, 20]})", "max_gap: expected 10, got 9"},
        {R"({"max_gap": -10})", "max_gap: expected 10, got -10"},
        {R"({"between": [10, 20]})", "max_gap: missing or not an integer"},
        // 0 and 10 are 10 apart but 5 lies between them.
        {R"({"max_gap": 10, "between": [0, 10]})", "between: 0 and 10 are not neighbours"},
        {R"({"max_gap": 10, "between": [5, 20]})", "between: 5 and 20 are not 10 apart"},
        {R"({"max_gap": 10, "between": [20, 10]})", "between: 20 and 10 are not 10 apart"},
        {R"({"max_gap": 10, "between": [30, 40]})", "between[0]: 30 is not in input.nums"},
        {R"({"max_gap": 10, "between": "10..20"})", "between: expected [low, high]"},
    };
    for (const wrong_case& c : cases) {
        const auto result = check(R"({"nums": [0, 5, 10, 20]})", R"({"max_gap": 10})", c.actual);
        INFO("actual ", c.actual, ": ", result.message);
        CHECK(result.outcome == algojudge::verdict::wrong_answer);
        CHECK(result.message.starts_with(c.message_start));
    }

    const auto pair_for_single =
        check(R"({"nums": [3]})", R"({"max_gap": 0})", R"({"max_gap": 0, "between": [3, 3]})");
    CHECK(pair_for_single.outcome == algojudge::verdict::wrong_answer);
    CHECK(pair_for_single.message.starts_with("between: expected null"));
}

TEST_CASE("check_max_gap: a malformed expected answer is the case file's fault") {
    struct malformed_case {
        const char* expected;
        const char* message_start;
    };
    const malformed_case cases[] = {
        {R"({"max_gap": "3"})", "expected.max_gap: expected a non-negative integer"},
        {R"({"max_gap": -3})", "expected.max_gap: expected a non-negative integer"},
        {R"({"max_gap": 3.0})", "expected.max_gap: expected a non-negative integer"},
        {R"({"between": [1, 4]})", "expected: missing field \"max_gap\""},
        {R"({"max_gap": 3, "gap": 3})", "expected.gap: unknown field"},
        {R"([3])", "expected"},
        {R"({"max_gap": 3, "between": "junk"})", "expected.between: expected null or [low, high]"},
        {R"({"max_gap": 3, "between": [4, 1]})", "expected.between: expected null or [low, high]"},
        {R"({"max_gap": 3, "between": [1, 5]})", "expected.between: expected null or [low, high]"},
        {R"({"max_gap": 3, "between": [1, 4.5]})", "expected.between[1]: expected an integer"},
    };
    for (const malformed_case& c : cases) {
        const auto result =
            check(R"({"nums": [1, 4]})", c.expected, R"({"max_gap": 3, "between": [1, 4]})");
        INFO("expected ", c.expected, ": ", result.message);
        CHECK(result.outcome == algojudge::verdict::bad_expected);
        CHECK(result.message.starts_with(c.message_start));
    }
}

namespace {

// The json path's reading of a max-gap input: the numbers, or nullopt when it reports an error.
std::optional<values> slow_max_gap_read(std::string_view text) {
    try {
        const json input = algojudge::parse_json_text(text, "t.json");
        algojudge::solve_max_gap(input, {});  // validates every field
        return input.at("nums").get<values>();
    } catch (const algojudge::input_error&) {
        return std::nullopt;
    }
}

std::string random_max_gap_text(std::mt19937_64& rng) {
    using algojudge::testing::random_number;
    using algojudge::testing::random_space;
    std::string text = random_space(rng) + "{" + random_space(rng) + "\"nums\"" +
                       random_space(rng) + ":" + random_space(rng) + "[";
    for (std::uint64_t n = rng() % 6; n > 0; --n) {
        text += random_space(rng) + random_number(rng) + random_space(rng) + (n > 1 ? "," : "");
    }
    text += random_space(rng) + "]";
    if (rng() % 8 == 0) text += ", \"nums\": [1]";  // a duplicate key, which the json path refuses
    if (rng() % 8 == 0) text += ", \"extra\": 1";
    return text + random_space(rng) + "}" + random_space(rng);
}

}  // namespace

TEST_CASE("read_max_gap_text: plain inputs, the int64 limits, and what it declines") {
    using algojudge::read_max_gap_text;
    CHECK(read_max_gap_text(R"({"nums": []})") == values{});
    CHECK(read_max_gap_text(" {\n\"nums\" :[ -0 ,7]} \r\n") == values{0, 7});
    CHECK(read_max_gap_text(R"({"nums":[-9223372036854775808,9223372036854775807]})") ==
          values{int64_min, int64_max});
    for (const char* declined :
         {R"({"nums": [9223372036854775808]})", R"({"nums": [1e5]})", R"({"nums": [1.0]})",
          R"({"nums": [01]})", R"({"nums": [1,]})", R"({"nums": [1]} x)",
          R"({"nums": [1], "k": 2})", R"({"num\u0073": [1]})", "{}", "",
          "\xef\xbb\xbf{\"nums\": [1]}"}) {
        CAPTURE(declined);
        CHECK(!read_max_gap_text(declined));
    }
}

TEST_CASE("read_max_gap_text: agrees with the json reader on random layouts and damaged copies") {
    std::mt19937_64 rng(13);
    int accepted = 0;
    for (int round = 0; round < 20000; ++round) {
        std::string text = random_max_gap_text(rng);
        if (round % 2 == 1) text = algojudge::testing::damage(text, rng);
        CAPTURE(text);
        const algojudge::testing::padded buffer(text);
        const std::optional<values> fast = algojudge::read_max_gap_text(buffer.view());
        if (!fast) continue;  // declined: the json path decides
        ++accepted;
        const std::optional<values> slow = slow_max_gap_read(text);
        REQUIRE(slow);
        CHECK(*fast == *slow);
    }
    CHECK(accepted > 2000);
}
