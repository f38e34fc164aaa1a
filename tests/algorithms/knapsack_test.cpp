#include "algorithms/knapsack.hpp"

#include <functional>
#include <optional>
#include <random>
#include <vector>

#include <doctest/doctest.h>

#include "problems/knapsack.hpp"

namespace algojudge {

namespace {

using naturals = std::vector<std::uint64_t>;

struct small_case {
    knapsack_kind kind = knapsack_kind::zero_one;
    knapsack_fill fill = knapsack_fill::at_most;
    std::uint64_t capacity = 0;
    naturals weights, values, counts;

    knapsack_instance instance() const { return {kind, fill, capacity, weights, values, counts}; }
};

// The best value over every count vector that fits (nullopt: no exact fill), by enumeration.
std::optional<std::uint64_t> brute_force(const small_case& c) {
    std::optional<std::uint64_t> best;
    const std::size_t n = c.weights.size();
    std::function<void(std::size_t, std::uint64_t, std::uint64_t)> visit =
        [&](std::size_t i, std::uint64_t weight, std::uint64_t value) {
            if (i == n) {
                const bool fits = c.fill == knapsack_fill::exact ? weight == c.capacity : true;
                if (fits && (!best || value > *best)) best = value;
                return;
            }
            std::uint64_t most = 1;
            if (c.kind == knapsack_kind::bounded) most = c.counts[i];
            if (c.kind == knapsack_kind::complete) {
                most = c.weights[i] == 0 ? 1 : c.capacity / c.weights[i];
            }
            for (std::uint64_t k = 0; k <= most; ++k) {
                const std::uint64_t w = weight + k * c.weights[i];
                if (w > c.capacity) break;
                visit(i + 1, w, value + k * c.values[i]);
            }
        };
    visit(0, 0, 0);
    return best;
}

// Checks that `result.chosen` is a selection of `c` that achieves `result.best_value`.
void require_valid_choice(const small_case& c, const knapsack_result& result) {
    std::uint64_t weight = 0;
    std::uint64_t value = 0;
    for (std::size_t k = 0; k < result.chosen.size(); ++k) {
        const knapsack_choice& choice = result.chosen[k];
        REQUIRE(choice.item < c.weights.size());
        if (k > 0) REQUIRE(result.chosen[k - 1].item < choice.item);
        REQUIRE(choice.count >= 1);
        if (c.kind == knapsack_kind::zero_one) REQUIRE(choice.count == 1);
        if (c.kind == knapsack_kind::bounded) REQUIRE(choice.count <= c.counts[choice.item]);
        weight += choice.count * c.weights[choice.item];
        value += choice.count * c.values[choice.item];
    }
    REQUIRE(weight == result.total_weight);
    REQUIRE(weight <= c.capacity);
    if (c.fill == knapsack_fill::exact) REQUIRE(weight == c.capacity);
    REQUIRE(value == result.best_value);
}

// Solves `c` by every method, kernel and value width; all must agree with `expected` and
// return valid chosen items.
void require_all_methods(const small_case& c, std::optional<std::uint64_t> expected) {
    for (auto method : {knapsack_method::table_2d, knapsack_method::rolling_1d}) {
        for (auto kernel : {detail::knapsack_kernel::vectorised, detail::knapsack_kernel::scalar}) {
            for (bool allow_32_bit : {true, false}) {
                CAPTURE(static_cast<int>(method));
                CAPTURE(static_cast<int>(kernel));
                CAPTURE(allow_32_bit);
                const knapsack_options options{method, true, {allow_32_bit, kernel}};
                const knapsack_result result = knapsack(c.instance(), options);
                if (!expected) {
                    REQUIRE(result.status == knapsack_status::infeasible);
                    continue;
                }
                REQUIRE(result.status == knapsack_status::solved);
                REQUIRE(result.best_value == *expected);
                require_valid_choice(c, result);
                const knapsack_result value_only =
                    knapsack(c.instance(), {method, false, {allow_32_bit, kernel}});
                REQUIRE(value_only.best_value == *expected);
            }
        }
    }
}

small_case random_case(std::mt19937_64& random, knapsack_kind kind, knapsack_fill fill,
                       std::uint64_t max_capacity, std::uint64_t min_weight,
                       std::uint64_t max_weight, std::size_t max_items) {
    auto pick = [&](std::uint64_t low, std::uint64_t high) {
        return std::uniform_int_distribution<std::uint64_t>(low, high)(random);
    };
    small_case c{kind, fill, pick(0, max_capacity), {}, {}, {}};
    const std::size_t n = pick(0, max_items);
    // Some cases have values too big for 32 bits, so both value widths are exercised.
    const std::uint64_t max_value = pick(0, 3) == 0 ? std::uint64_t{1} << 40 : 20;
    for (std::size_t i = 0; i < n; ++i) {
        c.weights.push_back(pick(min_weight, max_weight));
        c.values.push_back(pick(0, max_value));
        if (kind == knapsack_kind::complete && c.weights.back() == 0) c.values.back() = 0;
        if (kind == knapsack_kind::bounded) c.counts.push_back(pick(0, 3));
    }
    return c;
}

void property_test(std::uint64_t seed, int rounds, std::uint64_t max_capacity,
                   std::uint64_t min_weight, std::uint64_t max_weight, std::size_t max_items) {
    std::mt19937_64 random(seed);
    for (auto kind : {knapsack_kind::zero_one, knapsack_kind::complete, knapsack_kind::bounded}) {
        for (auto fill : {knapsack_fill::at_most, knapsack_fill::exact}) {
            for (int round = 0; round < rounds; ++round) {
                const small_case c = random_case(random, kind, fill, max_capacity, min_weight,
                                                 max_weight, max_items);
                CAPTURE(static_cast<int>(kind));
                CAPTURE(static_cast<int>(fill));
                CAPTURE(round);
                require_all_methods(c, brute_force(c));
            }
        }
    }
}

}  // namespace

TEST_CASE("knapsack: AcWing example, 4 items, capacity 5") {
    const small_case c{
        knapsack_kind::zero_one, knapsack_fill::at_most, 5, {1, 2, 3, 4}, {2, 4, 4, 5}, {}};
    require_all_methods(c, 8);
    const small_case complete{
        knapsack_kind::complete, knapsack_fill::at_most, 5, {1, 2, 3, 4}, {2, 4, 4, 5}, {}};
    require_all_methods(complete, 10);
    const small_case bounded{knapsack_kind::bounded, knapsack_fill::at_most, 5,
                             {1, 2, 3, 4},           {2, 4, 4, 5},           {3, 1, 3, 2}};
    require_all_methods(bounded, 10);
}

TEST_CASE("knapsack: AtCoder EDPC D samples, int64 answers") {
    require_all_methods(
        {knapsack_kind::zero_one, knapsack_fill::at_most, 8, {3, 4, 5}, {30, 50, 60}, {}}, 90);
    require_all_methods({knapsack_kind::zero_one,
                         knapsack_fill::at_most,
                         15,
                         {6, 5, 6, 6, 3, 7},
                         {5, 6, 4, 6, 5, 2},
                         {}},
                        17);
    // Sample 2 (W = 1e9) needs a 4 GB row: the problem layer refuses it (see the memory test).
    // Answers beyond 32 bits, as EDPC D's limits allow (100 items worth 1e9 each):
    const small_case many{knapsack_kind::zero_one, knapsack_fill::at_most,    100,
                          naturals(100, 1),        naturals(100, 1000000000), {}};
    require_all_methods(many, 100000000000);
}

TEST_CASE("knapsack: edge cases") {
    using k = knapsack_kind;
    using f = knapsack_fill;
    SUBCASE("capacity 0") {
        require_all_methods({k::zero_one, f::at_most, 0, {0, 1}, {5, 9}, {}}, 5);
        require_all_methods({k::zero_one, f::exact, 0, {1}, {9}, {}}, 0);
    }
    SUBCASE("no items") {
        require_all_methods({k::zero_one, f::at_most, 10, {}, {}, {}}, 0);
        require_all_methods({k::complete, f::exact, 10, {}, {}, {}}, std::nullopt);
        require_all_methods({k::bounded, f::exact, 0, {}, {}, {}}, 0);
    }
    SUBCASE("items heavier than the capacity") {
        require_all_methods({k::zero_one, f::at_most, 3, {4, 5}, {10, 20}, {}}, 0);
        require_all_methods({k::complete, f::at_most, 3, {4, 5}, {10, 20}, {}}, 0);
    }
    SUBCASE("zero weights") {
        require_all_methods({k::zero_one, f::at_most, 2, {0, 0, 2}, {3, 0, 4}, {}}, 7);
        require_all_methods({k::bounded, f::exact, 2, {0, 2}, {3, 4}, {5, 1}}, 19);
        require_all_methods({k::complete, f::at_most, 2, {0, 1}, {0, 4}, {}}, 8);
    }
    SUBCASE("exact fill infeasible") {
        require_all_methods({k::zero_one, f::exact, 7, {2, 4}, {1, 1}, {}}, std::nullopt);
        require_all_methods({k::complete, f::exact, 7, {2, 4}, {1, 1}, {}}, std::nullopt);
        require_all_methods({k::bounded, f::exact, 7, {2, 5}, {1, 1}, {2, 1}}, 2);
    }
    SUBCASE("all items fit") {
        require_all_methods({k::zero_one, f::at_most, 100, {3, 4, 5}, {1, 2, 3}, {}}, 6);
        require_all_methods({k::bounded, f::at_most, 100, {3, 4}, {1, 2}, {3, 2}}, 7);
    }
    SUBCASE("a complete item with weight 0 and value > 0 is unbounded") {
        const small_case c{k::complete, f::at_most, 5, {0}, {1}, {}};
        CHECK(knapsack(c.instance()).status == knapsack_status::unbounded);
        CHECK(plan_knapsack(c.instance(), {}).status == knapsack_status::unbounded);
    }
}

TEST_CASE("knapsack: property, 2d == 1d == brute force on small random inputs") {
    property_test(20261129, 400, 12, 0, 7, 5);
}

TEST_CASE("knapsack: property, weights long enough for the blocked vector passes") {
    property_test(4242, 60, 400, 32, 140, 4);
}

TEST_CASE("knapsack: value type follows the bound on the values") {
    const naturals weights{1, 2};
    const naturals small_values{1000, 2000};
    const naturals big_values{std::uint64_t{1} << 31, 1};
    const knapsack_instance fits_32{
        knapsack_kind::zero_one, knapsack_fill::at_most, 3, weights, small_values, {}};
    CHECK(plan_knapsack(fits_32, {}).value_bits == 32);
    CHECK(knapsack(fits_32).value_bits == 32);
    const knapsack_instance needs_64{
        knapsack_kind::zero_one, knapsack_fill::at_most, 3, weights, big_values, {}};
    CHECK(plan_knapsack(needs_64, {}).value_bits == 64);
    CHECK(knapsack(needs_64).best_value == (std::uint64_t{1} << 31) + 1);
}

TEST_CASE("knapsack: value overflow is a typed error") {
    const std::uint64_t big = std::numeric_limits<std::int64_t>::max() / 2 + 1;
    const naturals weights{1, 1};
    const naturals values{big, big};
    const knapsack_instance two{
        knapsack_kind::zero_one, knapsack_fill::at_most, 2, weights, values, {}};
    CHECK(knapsack(two).status == knapsack_status::value_overflow);
    // Only one of them fits, so nothing can overflow.
    const knapsack_instance one{
        knapsack_kind::zero_one, knapsack_fill::at_most, 1, weights, values, {}};
    CHECK(knapsack(one).best_value == big);
    const naturals one_weight{1};
    const naturals one_value{big};
    const knapsack_instance complete{
        knapsack_kind::complete, knapsack_fill::at_most, 2, one_weight, one_value, {}};
    CHECK(knapsack(complete).status == knapsack_status::value_overflow);
}

TEST_CASE("knapsack: memory plan") {
    const naturals weights(10, 3);
    const naturals values(10, 7);
    const knapsack_instance instance{
        knapsack_kind::zero_one, knapsack_fill::at_most, 999, weights, values, {}};
    const knapsack_plan table = plan_knapsack(instance, {.method = knapsack_method::table_2d});
    CHECK(table.value_bits == 32);
    CHECK(table.bytes >= 11 * 1000 * 4);
    const knapsack_plan row = plan_knapsack(instance, {.recover_items = false});
    CHECK(row.bytes >= 1000 * 4);
    CHECK(row.bytes < 1000 * 4 + 4096);
    const knapsack_instance huge{knapsack_kind::zero_one,
                                 knapsack_fill::at_most,
                                 std::uint64_t{1} << 62,
                                 weights,
                                 values,
                                 {}};
    CHECK(plan_knapsack(huge, {.method = knapsack_method::table_2d}).status ==
          knapsack_status::too_large);
}

// ---- the JSON problem ----

}  // namespace algojudge
