#include "algorithms/max_gap.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "problems/max_gap.hpp"

namespace {

using algojudge::json;
using algojudge::max_gap;
using algojudge::max_gap_result;
using values = std::vector<std::int64_t>;

constexpr std::int64_t int64_min = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t int64_max = std::numeric_limits<std::int64_t>::max();

std::uint64_t distance(std::int64_t low, std::int64_t high) {
    return static_cast<std::uint64_t>(high) - static_cast<std::uint64_t>(low);
}

// The obviously correct version: sort, drop duplicates, take the widest step.
std::uint64_t naive_max_gap(values nums) {
    std::sort(nums.begin(), nums.end());
    std::uint64_t best = 0;
    for (std::size_t i = 1; i < nums.size(); ++i) {
        best = std::max(best, distance(nums[i - 1], nums[i]));
    }
    return best;
}

// Empty when `result` is right for `nums`, else what is wrong with it.
std::string result_problem(const values& nums, const max_gap_result& result) {
    const std::uint64_t expected = naive_max_gap(nums);
    if (result.gap != expected) {
        return "gap " + std::to_string(result.gap) + ", expected " + std::to_string(expected);
    }
    if (nums.size() < 2) return result.has_pair ? "pair reported for fewer than two" : "";
    if (!result.has_pair) return "no pair reported";
    if (result.low > result.high || distance(result.low, result.high) != result.gap) {
        return "low/high are not gap apart";
    }
    const bool has_low = std::find(nums.begin(), nums.end(), result.low) != nums.end();
    const bool has_high = std::find(nums.begin(), nums.end(), result.high) != nums.end();
    if (!has_low || !has_high) return "low/high not among the values";
    for (std::int64_t value : nums) {
        if (result.low < value && value < result.high) return "low/high are not neighbours";
    }
    return "";
}

void check_against_naive(const values& nums) {
    const std::string problem = result_problem(nums, max_gap(nums));
    INFO("n = ", nums.size());
    CHECK_MESSAGE(problem.empty(), problem);
}

}  // namespace

TEST_CASE("max_gap: fewer than two values have no gap") {
    const max_gap_result empty = max_gap(values{});
    CHECK(empty.gap == 0);
    CHECK_FALSE(empty.has_pair);

    const max_gap_result one = max_gap(values{42});
    CHECK(one.gap == 0);
    CHECK_FALSE(one.has_pair);

    CHECK_FALSE(max_gap(values{int64_min}).has_pair);
}

TEST_CASE("max_gap: all equal values give gap zero between the value and itself") {
    for (std::size_t n : {2U, 3U, 17U, 1000U}) {
        const max_gap_result result = max_gap(values(n, -7));
        CHECK(result.gap == 0);
        CHECK(result.has_pair);
        CHECK(result.low == -7);
        CHECK(result.high == -7);
    }
}

TEST_CASE("max_gap: two values in either order") {
    const max_gap_result up = max_gap(values{5, 12});
    CHECK(up.gap == 7);
    CHECK(up.low == 5);
    CHECK(up.high == 12);

    const max_gap_result down = max_gap(values{12, 5});
    CHECK(down.gap == 7);
    CHECK(down.low == 5);
    CHECK(down.high == 12);
}

TEST_CASE("max_gap: negative values") {
    const max_gap_result result = max_gap(values{-10, -3, -20, -1});
    CHECK(result.gap == 10);
    CHECK(result.low == -20);
    CHECK(result.high == -10);

    const max_gap_result across_zero = max_gap(values{-5, 4, 0});
    CHECK(across_zero.gap == 5);
    CHECK(across_zero.low == -5);
    CHECK(across_zero.high == 0);
}

TEST_CASE("max_gap: the extremes of int64 give a gap that needs 64 unsigned bits") {
    const max_gap_result two = max_gap(values{int64_max, int64_min});
    CHECK(two.gap == std::numeric_limits<std::uint64_t>::max());
    CHECK(two.low == int64_min);
    CHECK(two.high == int64_max);

    const max_gap_result three = max_gap(values{int64_min, int64_max, 0});
    CHECK(three.gap == std::uint64_t{1} << 63);
    CHECK(three.low == int64_min);
    CHECK(three.high == 0);

    const max_gap_result many = max_gap(values{int64_min, int64_min, int64_max, int64_max, -1});
    CHECK(many.gap == std::uint64_t{1} << 63);
    CHECK(many.low == -1);
    CHECK(many.high == int64_max);

    const max_gap_result next_to_min = max_gap(values{int64_min + 1, int64_min, int64_min + 3});
    CHECK(next_to_min.gap == 2);
    CHECK(next_to_min.low == int64_min + 1);
    CHECK(next_to_min.high == int64_min + 3);
}

TEST_CASE("max_gap: duplicates do not make zero gaps win or hide real ones") {
    const max_gap_result result = max_gap(values{4, 4, 4, 1, 1, 9, 9, 9, 9});
    CHECK(result.gap == 5);
    CHECK(result.low == 4);
    CHECK(result.high == 9);
}

TEST_CASE("max_gap: the published LeetCode 164 examples") {
    const max_gap_result example_1 = max_gap(values{3, 6, 9, 1});
    CHECK(example_1.gap == 3);
    CHECK(distance(example_1.low, example_1.high) == 3);
    CHECK(result_problem(values{3, 6, 9, 1}, example_1).empty());

    const max_gap_result example_2 = max_gap(values{10});
    CHECK(example_2.gap == 0);
    CHECK_FALSE(example_2.has_pair);
}

namespace {

constexpr int shape_count = 9;

// n random values of one of shape_count shapes, from a seeded generator.
values random_array(std::mt19937_64& random, std::size_t n, int shape) {
    auto below = [&random](std::uint64_t bound) { return bound == 0 ? 0 : random() % bound; };
    auto as_int64 = [](std::uint64_t bits) { return static_cast<std::int64_t>(bits); };
    const values extremes = {int64_min, int64_min + 1, -1, 0, 1, int64_max - 1, int64_max};
    values nums(n);
    const std::uint64_t base = random();
    switch (shape) {
        case 0:  // uniform over all of int64
            for (auto& value : nums)
                value = as_int64(random());
            break;
        case 1: {  // a small range around a random base: heavy bucket collisions
            const std::uint64_t span = 1 + below(3 * n + 2);
            for (auto& value : nums)
                value = as_int64(base + below(span));
            break;
        }
        case 2: {  // a few tight clusters far apart
            const std::size_t cluster_count = 1 + below(4);
            std::vector<std::uint64_t> centres(cluster_count);
            for (auto& centre : centres)
                centre = random();
            for (auto& value : nums) {
                value = as_int64(centres[below(cluster_count)] + below(1000) - 500);
            }
            break;
        }
        case 3: {  // many duplicates of a handful of values
            values pool(1 + below(5));
            for (auto& member : pool)
                member = as_int64(random() >> below(64));
            for (auto& value : nums)
                value = pool[below(pool.size())];
            break;
        }
        case 4: {  // an arithmetic progression, shuffled, with a few values dropped
            const std::uint64_t step = 1 + below(~std::uint64_t{0} / (n + 1));
            for (std::size_t i = 0; i < n; ++i)
                nums[i] = as_int64(base + i * step);
            std::shuffle(nums.begin(), nums.end(), random);
            nums.resize(n - std::min<std::size_t>(n, below(3)));
            break;
        }
        case 5:  // the extremes of the type mixed with a few random values
            for (auto& value : nums) {
                value = below(4) == 0 ? as_int64(random()) : extremes[below(extremes.size())];
            }
            break;
        case 6: {  // ranges just below and above 2^32, where a 32-bit layout may apply
            const std::uint64_t span = (std::uint64_t{1} << 32) - 2 + below(5);
            for (auto& value : nums)
                value = as_int64(base + below(span));
            if (n >= 2) {
                nums[0] = as_int64(base);
                nums[1] = as_int64(base + span - 1);
            }
            break;
        }
        case 7: {  // 32-bit values with the full range of a random width
            const unsigned bits = 1 + static_cast<unsigned>(below(32));
            for (auto& value : nums)
                value = as_int64(random() >> (64 - bits));
            break;
        }
        default:  // a range of n*k for small k: several values per bucket, exact fits
            const std::uint64_t span = n * (1 + below(4)) + below(3);
            for (auto& value : nums)
                value = as_int64(base + below(span));
            break;
    }
    return nums;
}

}  // namespace

TEST_CASE("max_gap: property test against sort and scan over 12,000 seeded arrays") {
    std::mt19937_64 random(164);
    for (int array = 0; array < 12000; ++array) {
        // Every shape at every length up to 200, and some longer arrays.
        const std::size_t n = array % 100 == 99 ? 1000 + random() % 30000 : random() % 201;
        const int shape = array % shape_count;
        INFO("array ", array, ", shape ", shape);
        check_against_naive(random_array(random, n, shape));
    }
}

TEST_CASE("max_gap: property test on arrays large enough to distribute into bucket groups") {
    // Bucket arrays beyond the caches are filled group by group; these sizes get there for
    // both 32-bit and 64-bit offsets (and include ranges narrower than n: bucket width 1).
    std::mt19937_64 random(4164);
    for (int array = 0; array < 2 * shape_count; ++array) {
        const std::size_t n = 140000 + random() % 160000;
        const int shape = array % shape_count;
        INFO("array ", array, ", shape ", shape);
        check_against_naive(random_array(random, n, shape));
    }
}

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
