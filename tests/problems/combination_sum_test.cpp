#include "problems/combination_sum.hpp"
#include "algorithms/combination_sum.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "support/json_input.hpp"
#include "tests/combination_sum_fixtures.hpp"

using namespace algojudge;
using namespace algojudge::testing;

namespace {

json solve(const json& input) {
    return solve_combination_sum(input, solve_options{});
}

std::string error_of(const json& input, const solve_options& options = {}) {
    try {
        solve_combination_sum(input, options);
    } catch (const input_error& e) {
        return std::string(e.what());
    }
    return "no error";
}

}  // namespace

TEST_CASE("combination-sum: solve renders count, combinations and truncation") {
    const json input = {{"candidates", {10, 1, 2, 7, 6, 1, 5}}, {"target", 8}, {"reuse", false}};
    CHECK(solve(input) == json::parse(R"({"count": 4, "truncated": false,
        "combinations": [[1,1,6],[1,2,5],[1,7],[2,6]]})"));
    json limited = input;
    limited["limit"] = 2;
    CHECK(solve(limited) == json::parse(R"({"count": 4, "truncated": true,
        "combinations": [[1,1,6],[1,2,5]]})"));
    limited["limit"] = 0;
    CHECK(solve(limited) == json::parse(R"({"count": 4, "truncated": true, "combinations": []})"));
    json counted = input;
    counted["count_only"] = true;
    CHECK(solve(counted) == json{{"count", 4}});
    json none = input;
    none["target"] = 100;
    CHECK(solve(none) == json::parse(R"({"count": 0, "truncated": false, "combinations": []})"));
}

TEST_CASE("combination-sum: the direct writer prints exactly what json::dump() prints") {
    std::mt19937_64 random(7);
    for (int round = 0; round < 300; ++round) {
        json candidates = json::array();
        for (std::uint64_t i = random() % 8; i > 0; --i)
            candidates.push_back(1 + random() % 10);
        json input = {{"candidates", candidates},
                      {"target", random() % 30},
                      {"reuse", random() % 2 == 0},
                      {"limit", random() % 40}};
        if (random() % 3 == 0) input["k"] = random() % 5;
        if (random() % 5 == 0) input["count_only"] = true;
        CAPTURE(input.dump());
        CHECK(solve_combination_sum_text(input, {}) == solve(input).dump());
    }
}

TEST_CASE("combination-sum: bad input is named by its JSON path") {
    const json good = {{"candidates", {2, 3}}, {"target", 7}, {"reuse", true}};
    auto with = [&](const char* key, json value) {
        json input = good;
        input[key] = std::move(value);
        return input;
    };
    CHECK(error_of(with("candidates", {2, 0})) ==
          "input.candidates[1]: expected a positive integer, got 0");
    CHECK(error_of(with("candidates", {-3})) ==
          "input.candidates[0]: expected a positive integer, got -3");
    CHECK(error_of(with("candidates", {2.5})) ==
          "input.candidates[0]: expected a positive integer, got 2.5");
    CHECK(error_of(with("candidates", "2,3")) ==
          "input.candidates: expected an array, got \"2,3\"");
    CHECK(error_of(with("target", -1)) ==
          "input.target: expected an integer from 0 to 100000000, got -1");
    CHECK(error_of(with("reuse", 1)) == "input.reuse: expected true or false, got 1");
    CHECK(error_of(with("k", -2)) ==
          "input.k: expected a non-negative integer in the unsigned 64-bit range, got -2");
    CHECK(error_of(with("limit", "all")) ==
          "input.limit: expected a non-negative integer in the unsigned 64-bit range, got \"all\"");
    CHECK(error_of(with("count_only", "yes")) ==
          "input.count_only: expected true or false, got \"yes\"");
    CHECK(error_of(with("reus", true)).starts_with("input.reus: unknown field (expected one of:"));
    json missing = good;
    missing.erase("reuse");
    CHECK(error_of(missing) == "input: missing field \"reuse\"");
    CHECK(error_of(json::array()) == "input: expected an object, got an array");
}

TEST_CASE("combination-sum: absurd tables are refused with a message, not allocated") {
    CHECK(error_of({{"candidates", {1}}, {"target", 100'000'000}, {"reuse", true}})
              .starts_with("input: counting needs a table of about "));
    // The count fits in 64 KiB, the enumeration table (41 items x 501 sums, and a stack of 40
    // levels) does not.
    std::vector<std::int64_t> candidates;
    for (std::int64_t value = 1; value <= 40; ++value)
        candidates.push_back(value);
    solve_options small;
    small.memory_limit_bytes = 64 << 10;
    const json input = {{"candidates", candidates}, {"target", 500}, {"reuse", false}};
    CHECK(error_of(input, small) ==
          "input: enumerating needs a table of 81.2 KiB, over the memory limit of 64.0 KiB; lower "
          "the target or set count_only");
    json count_only = input;
    count_only["count_only"] = true;
    CHECK(error_of(count_only, small) == "no error");
    // Many distinct candidates and a large target: too many big-integer additions.
    candidates.clear();
    for (std::int64_t value = 1; value <= 20'000; ++value)
        candidates.push_back(value);
    solve_options large;
    large.memory_limit_bytes = std::uint64_t{16} << 30;
    CHECK(error_of({{"candidates", candidates}, {"target", 100'000}, {"reuse", true}}, large) ==
          "input: counting needs 1800010000 big-integer additions (distinct candidates x target x "
          "(k+1)), over the limit of 1000000000; lower the target");
    // Counts too large for machine words, over many cells: refused before counting starts
    // (this took 23 s with big integers throughout).
    candidates.clear();
    for (std::int64_t value = 1; value <= 1400; ++value)
        candidates.push_back(value);
    CHECK(error_of({{"candidates", candidates},
                    {"target", 700'000},
                    {"reuse", false},
                    {"count_only", true}})
              .starts_with("input: counting needs about "));
    // An output larger than the memory limit stops with a message about the limit.
    solve_options tiny;
    tiny.memory_limit_bytes = 4 << 10;
    CHECK(error_of({{"candidates", {1, 2, 3}}, {"target", 40}, {"reuse", true}}, tiny)
              .starts_with("input.limit: the first 100000 combinations would need more"));
    CHECK_THROWS_AS(solve_combination_sum_text(
                        {{"candidates", {1, 2, 3}}, {"target", 40}, {"reuse", true}}, tiny),
                    input_error);
    // The algorithm layer reports the refusal itself.
    const combination_walk walk = for_each_combination(
        make_query({1, 2, 3}, 1000, true), [](std::span<const std::int64_t>) { return true; }, 64);
    CHECK(walk.refused);
    CHECK(walk.reported == 0);
    CHECK(count_combinations(make_query({1, 2, 3}, 1000, true), 64).refused);
}
