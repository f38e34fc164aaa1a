#include "algorithms/combination_sum.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "problems/combination_sum.hpp"
#include "support/json_input.hpp"
#include "tests/combination_sum_fixtures.hpp"

using namespace algojudge;
using namespace algojudge::testing;

namespace {

constexpr std::uint64_t plenty = std::uint64_t{1} << 30;

std::vector<combination> enumerate_all(const combination_sum_query& query,
                                       std::uint64_t limit = UINT64_MAX) {
    std::vector<combination> found;
    const combination_walk walk = for_each_combination(
        query,
        [&](std::span<const std::int64_t> values) {
            found.emplace_back(values.begin(), values.end());
            return found.size() < limit;
        },
        plenty);
    REQUIRE_FALSE(walk.refused);
    CHECK(walk.reported == found.size());
    return found;
}

std::string count_of(const combination_sum_query& query) {
    const combination_count counted = count_combinations(query, plenty);
    REQUIRE_FALSE(counted.refused);
    return counted.count.get_str();
}

// Brute force: for each distinct value in turn, every number of copies the mode allows, kept
// while the sum stays within the target; then filtered by k and sorted.
void brute_force(const std::vector<std::pair<std::int64_t, std::int64_t>>& values,
                 std::size_t index, std::int64_t remaining, bool reuse, combination& path,
                 std::vector<combination>& out) {
    if (index == values.size()) {
        if (remaining == 0) out.push_back(path);
        return;
    }
    const auto [value, copies] = values[index];
    const std::size_t size = path.size();
    for (std::int64_t taken = 0; (reuse || taken <= copies) && taken * value <= remaining;
         ++taken) {
        if (taken > 0) path.push_back(value);
        brute_force(values, index + 1, remaining - taken * value, reuse, path, out);
    }
    path.resize(size);
}

std::vector<combination> brute_force(const combination_sum_query& query) {
    std::map<std::int64_t, std::int64_t> copies;
    for (std::int64_t value : query.candidates)
        ++copies[value];
    const std::vector<std::pair<std::int64_t, std::int64_t>> values(copies.begin(), copies.end());
    std::vector<combination> out;
    combination path;
    brute_force(values, 0, query.target, query.reuse, path, out);
    if (query.k) {
        std::erase_if(out, [&](const combination& c) { return c.size() != *query.k; });
    }
    std::sort(out.begin(), out.end());
    return out;
}

json solve(const json& input) {
    return solve_combination_sum(input, solve_options{});
}

}  // namespace

TEST_CASE("combination-sum: LeetCode 39, 40 and 216 examples") {
    CHECK(enumerate_all(make_query({2, 3, 6, 7}, 7, true)) ==
          std::vector<combination>{{2, 2, 3}, {7}});
    CHECK(enumerate_all(make_query({2, 3, 5}, 8, true)) ==
          std::vector<combination>{{2, 2, 2, 2}, {2, 3, 3}, {3, 5}});
    CHECK(enumerate_all(make_query({2}, 1, true)).empty());
    CHECK(enumerate_all(make_query({10, 1, 2, 7, 6, 1, 5}, 8, false)) ==
          std::vector<combination>{{1, 1, 6}, {1, 2, 5}, {1, 7}, {2, 6}});
    CHECK(enumerate_all(make_query({2, 5, 2, 1, 2}, 5, false)) ==
          std::vector<combination>{{1, 2, 2}, {5}});
    const std::vector<std::int64_t> digits{1, 2, 3, 4, 5, 6, 7, 8, 9};
    CHECK(enumerate_all(make_query(digits, 7, false, 3)) == std::vector<combination>{{1, 2, 4}});
    CHECK(enumerate_all(make_query(digits, 9, false, 3)) ==
          std::vector<combination>{{1, 2, 6}, {1, 3, 5}, {2, 3, 4}});
    CHECK(enumerate_all(make_query(digits, 1, false, 4)).empty());
    CHECK(count_of(make_query({10, 1, 2, 7, 6, 1, 5}, 8, false)) == "4");
    CHECK(count_of(make_query(digits, 9, false, 3)) == "3");
}

TEST_CASE("combination-sum: edge cases") {
    SUBCASE("target 0 has exactly the empty combination, unless k asks for more elements") {
        CHECK(enumerate_all(make_query({1, 2}, 0, true)) == std::vector<combination>{{}});
        CHECK(enumerate_all(make_query({}, 0, false)) == std::vector<combination>{{}});
        CHECK(enumerate_all(make_query({3}, 0, false, 0)) == std::vector<combination>{{}});
        CHECK(enumerate_all(make_query({3}, 0, false, 1)).empty());
        CHECK(count_of(make_query({}, 0, true)) == "1");
        CHECK(count_of(make_query({1}, 0, true, 2)) == "0");
    }
    SUBCASE("no candidates, or all larger than the target") {
        CHECK(enumerate_all(make_query({}, 5, true)).empty());
        CHECK(enumerate_all(make_query({6, 9}, 5, true)).empty());
        CHECK(count_of(make_query({6, 9}, 5, false)) == "0");
    }
    SUBCASE("one candidate") {
        CHECK(enumerate_all(make_query({3}, 9, true)) == std::vector<combination>{{3, 3, 3}});
        CHECK(enumerate_all(make_query({3}, 9, false)).empty());
        CHECK(enumerate_all(make_query({9}, 9, false)) == std::vector<combination>{{9}});
        CHECK(enumerate_all(make_query({3}, 10, true)).empty());
    }
    SUBCASE("all candidates equal") {
        CHECK(enumerate_all(make_query({2, 2, 2, 2}, 6, false)) ==
              std::vector<combination>{{2, 2, 2}});
        CHECK(enumerate_all(make_query({2, 2}, 6, false)).empty());
        CHECK(count_of(make_query({2, 2, 2, 2}, 6, false)) == "1");
    }
    SUBCASE("duplicates with reuse collapse to one candidate") {
        CHECK(enumerate_all(make_query({2, 2, 3, 3}, 7, true)) ==
              enumerate_all(make_query({2, 3}, 7, true)));
        CHECK(count_of(make_query({3, 2, 3, 2, 2}, 12, true)) ==
              count_of(make_query({2, 3}, 12, true)));
    }
    SUBCASE("k of zero, or more elements than possible") {
        CHECK(enumerate_all(make_query({1, 2}, 3, true, 0)).empty());
        CHECK(enumerate_all(make_query({1, 2}, 3, true, 4)).empty());
        CHECK(enumerate_all(make_query({1, 2}, 3, false, 3)).empty());
        CHECK(enumerate_all(make_query({1}, 3, true, 3)) == std::vector<combination>{{1, 1, 1}});
        CHECK(count_of(make_query({1, 2}, 3, false, 99)) == "0");
    }
}

TEST_CASE("combination-sum: enumeration and count agree with brute force on random inputs") {
    std::mt19937_64 random(20261129);
    std::size_t nonempty = 0;
    for (int round = 0; round < 4000; ++round) {
        std::vector<std::int64_t> candidates(random() % 9);
        const auto top = static_cast<std::int64_t>(2 + random() % 12);
        for (auto& value : candidates)
            value = 1 + static_cast<std::int64_t>(random() % static_cast<std::uint64_t>(top));
        const auto target = static_cast<std::int64_t>(random() % 26);
        const bool reuse = random() % 2 == 0;
        std::optional<std::uint64_t> k;
        if (random() % 3 == 0) k = random() % 7;
        const combination_sum_query query = make_query(candidates, target, reuse, k);
        CAPTURE(candidates);
        CAPTURE(target);
        CAPTURE(reuse);
        CAPTURE(k.value_or(UINT64_MAX));
        const std::vector<combination> expected = brute_force(query);
        const std::vector<combination> found = enumerate_all(query);
        REQUIRE(found == expected);
        REQUIRE(count_of(query) == std::to_string(expected.size()));
        nonempty += expected.empty() ? 0 : 1;
        if (expected.size() >= 2) {
            // Stopping early keeps the lexicographic prefix.
            const std::uint64_t limit = 1 + random() % (expected.size() - 1);
            const std::vector<combination> prefix = enumerate_all(query, limit);
            REQUIRE(prefix ==
                    std::vector<combination>(
                        expected.begin(), expected.begin() + static_cast<std::ptrdiff_t>(limit)));
        }
    }
    CHECK(nonempty > 1000);  // the generator reaches the interesting cases
}

TEST_CASE("combination-sum: counts beyond 64 bits are exact") {
    // Coin-change ways in 128-bit integers, independent of the GMP DP.
    std::vector<std::int64_t> candidates;
    for (std::int64_t value = 2; value <= 30; ++value)
        candidates.push_back(value);
    const std::int64_t target = 575;  // the first target whose count passes 2^64
    std::vector<unsigned __int128> ways(target + 1, 0);
    ways[0] = 1;
    for (std::int64_t value : candidates) {
        for (std::int64_t sum = value; sum <= target; ++sum)
            ways[static_cast<std::size_t>(sum)] += ways[static_cast<std::size_t>(sum - value)];
    }
    unsigned __int128 expected = ways[target];
    CHECK(expected > static_cast<unsigned __int128>(UINT64_MAX));
    std::string digits;
    for (; expected > 0; expected /= 10)
        digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(expected % 10)));
    CHECK(count_of(make_query(candidates, target, true)) == digits);

    json input = {
        {"candidates", candidates}, {"target", target}, {"reuse", true}, {"count_only", true}};
    const json output = solve(input);
    CHECK(output == json{{"count", digits}});
    input["count_only"] = false;
    input["limit"] = 3;
    const json listed = solve(input);
    CHECK(listed["count"] == digits);
    CHECK(listed["truncated"] == true);
    CHECK(listed["combinations"].size() == 3);
}
