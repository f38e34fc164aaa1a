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

namespace {

json solve_text(const char* text, std::uint64_t memory = std::uint64_t{1} << 30) {
    solve_options options;
    options.memory_limit_bytes = memory;
    return solve_knapsack(json::parse(text), options);
}

std::string error_of(const char* text, std::uint64_t memory = std::uint64_t{1} << 30) {
    try {
        solve_text(text, memory);
    } catch (const input_error& e) {
        return std::string(e.what());
    }
    return "no error";
}

}  // namespace

TEST_CASE("knapsack problem: issue example") {
    const json output = solve_text(
        R"({"kind": "0-1", "capacity": 10, "weights": [5, 4, 6, 3], "values": [10, 40, 30, 50],
            "method": "both", "fill": "at-most"})");
    CHECK(output == json::parse(R"({"best_value": 90, "total_weight": 7,
        "chosen": [{"item": 1, "count": 1}, {"item": 3, "count": 1}]})"));
    const json exact = solve_text(
        R"({"kind": "complete", "capacity": 7, "weights": [2, 4], "values": [1, 1],
            "fill": "exact", "method": "2d"})");
    CHECK(exact == json::parse(R"({"best_value": null, "total_weight": 0, "chosen": []})"));
}

TEST_CASE("knapsack problem: bad input names the JSON path") {
    CHECK(error_of(R"({"capacity": 1, "weights": [], "values": []})") ==
          "input: missing field \"kind\"");
    CHECK(error_of(R"({"kind": "0/1", "capacity": 1, "weights": [], "values": []})") ==
          "input.kind: expected \"0-1\", \"complete\" or \"bounded\", got \"0/1\"");
    CHECK(error_of(R"({"kind": "0-1", "capacity": -1, "weights": [], "values": []})") ==
          "input.capacity: expected a non-negative integer, got -1");
    CHECK(
        error_of(R"({"kind": "0-1", "capacity": 9, "weights": [1, 2, -4], "values": [1, 2, 3]})") ==
        "input.weights[2]: expected a non-negative integer, got -4");
    CHECK(error_of(R"({"kind": "0-1", "capacity": 9, "weights": [1, 2], "values": [1]})") ==
          "input.values: expected 2 values (one per weight), got 1");
    CHECK(error_of(R"({"kind": "bounded", "capacity": 9, "weights": [1], "values": [1]})") ==
          "input: missing field \"counts\"");
    CHECK(error_of(R"({"kind": "bounded", "capacity": 9, "weights": [1], "values": [1],
                       "counts": [1, 2]})") ==
          "input.counts: expected 1 counts (one per weight), got 2");
    CHECK(error_of(R"({"kind": "0-1", "capacity": 9, "weights": [1], "values": [1],
                       "counts": [1]})") ==
          "input.counts: only a \"bounded\" knapsack takes counts");
    CHECK(error_of(R"({"kind": "0-1", "capacity": 9, "weights": [], "values": [], "size": 1})")
              .starts_with("input.size: unknown field"));
    CHECK(error_of(R"({"kind": "0-1", "capacity": 9, "weights": [], "values": [],
                       "method": "3d"})") ==
          "input.method: expected \"1d\", \"2d\" or \"both\", got \"3d\"");
    CHECK(error_of(R"({"kind": "0-1", "capacity": 9, "weights": [], "values": [],
                       "fill": "full"})") ==
          "input.fill: expected \"at-most\" or \"exact\", got \"full\"");
    const std::string unbounded =
        error_of(R"({"kind": "complete", "capacity": 9, "weights": [1, 0], "values": [1, 3]})");
    CHECK(unbounded.starts_with("input.weights[1]: item 1 weighs 0 and is worth 3"));
    CHECK(unbounded.find("unbounded") != std::string::npos);
    CHECK(error_of(R"({"kind": "0-1", "capacity": 2, "weights": [1, 1],
                       "values": [5000000000000000000, 5000000000000000000]})")
              .starts_with("input.values: the values of a selection that fits could add up"));
}

TEST_CASE("knapsack problem: memory limit refuses before allocating") {
    const char* big = R"({"kind": "0-1", "capacity": 1000000, "weights": [1, 2, 3],
                          "values": [1, 2, 3], "method": "2d"})";
    const std::string message = error_of(big, 1 << 20);
    CHECK(message.starts_with("input.capacity: the \"2d\" method needs 16000136 bytes (15.3 MiB)"));
    CHECK(message.find("memory limit of 1048576 bytes (1.0 MiB)") != std::string::npos);
    CHECK(message.find("\"1d\"") != std::string::npos);
    CHECK(error_of(R"({"kind": "0-1", "capacity": 4000000000000000000, "weights": [1],
                       "values": [1]})")
              .find("use a smaller capacity") != std::string::npos);
    // AtCoder EDPC D sample 2: W = 1e9 needs a 4 GB row, over the default 1 GiB.
    CHECK(error_of(R"({"kind": "0-1", "capacity": 1000000000, "weights": [1000000000],
                       "values": [1000000000]})")
              .starts_with("input.capacity: the \"1d\" method needs 4125004141 bytes (3.8 GiB)"));
    // 1d fits in the same budget (one row and a bitset).
    CHECK(solve_text(R"({"kind": "0-1", "capacity": 100000, "weights": [1, 2, 3],
                         "values": [1, 2, 3]})",
                     1 << 20)["best_value"] == 6);
}

namespace {

check_result check_text(const char* input, const char* expected, const char* actual) {
    const json in = json::parse(input);
    const json want = json::parse(expected);
    const json got = json::parse(actual);
    const json tolerance;
    return check_knapsack({in, want, got, tolerance});
}

const char* const bounded_input =
    R"({"kind": "bounded", "capacity": 10, "weights": [5, 4, 3], "values": [10, 40, 50],
        "counts": [1, 2, 1]})";

}  // namespace

TEST_CASE("knapsack checker") {
    SUBCASE("the expected chosen items are not compared") {
        const check_result r = check_text(
            bounded_input,
            R"({"best_value": 90, "total_weight": 5, "chosen": [{"item": 0, "count": 1}]})",
            R"({"best_value": 90, "total_weight": 7,
                           "chosen": [{"item": 1, "count": 1}, {"item": 2, "count": 1}]})");
        CHECK(r.outcome == verdict::accepted);
    }
    const char* want = R"({"best_value": 90})";
    auto verdict_of = [&](const char* actual) { return check_text(bounded_input, want, actual); };
    CHECK(verdict_of(R"({"best_value": 90, "total_weight": 7,
                        "chosen": [{"item": 1, "count": 1}, {"item": 2, "count": 1}]})")
              .outcome == verdict::accepted);
    CHECK(
        verdict_of(R"({"best_value": 80, "total_weight": 8, "chosen": [{"item": 1, "count": 2}]})")
            .message == "best_value: expected 90, got 80");
    CHECK(
        verdict_of(R"({"best_value": 90, "total_weight": 7, "chosen": [{"item": 3, "count": 1}]})")
            .message == "chosen[0].item: 3 is not an item index (there are 3 items)");
    CHECK(
        verdict_of(R"({"best_value": 90, "total_weight": 7, "chosen": [{"item": 2, "count": 2}]})")
            .message == "chosen[0].count: item 2 may be taken at most 1 time, got 2");
    CHECK(verdict_of(R"({"best_value": 90, "total_weight": 7,
                        "chosen": [{"item": 2, "count": 1}, {"item": 1, "count": 1}]})")
              .message ==
          "chosen[1].item: items must be listed once each in increasing order, got 1 after 2");
    CHECK(
        verdict_of(R"({"best_value": 90, "total_weight": 8, "chosen": [{"item": 1, "count": 2}]})")
            .message == "chosen: the items are worth 80, not best_value 90");
    CHECK(verdict_of(R"({"best_value": 90, "total_weight": 9,
                        "chosen": [{"item": 1, "count": 1}, {"item": 2, "count": 1}]})")
              .message == "total_weight: expected 7 (the weight of chosen), got 9");
    // The certificate is optional; when given, it is checked.
    CHECK(verdict_of(R"({"best_value": 90})").outcome == algojudge::verdict::accepted);
    CHECK(verdict_of(
              R"({"best_value": 90, "chosen": [{"item": 1, "count": 1}, {"item": 2, "count": 1}]})")
              .outcome == algojudge::verdict::accepted);
    CHECK(verdict_of(R"({"best_value": 90, "total_weight": 7})").message ==
          "chosen: missing, but total_weight is given");
    CHECK(verdict_of(R"({"best_value": 90, "chosen": 3})").message == "chosen: not an array");
    CHECK(verdict_of(R"({"best_value": null, "total_weight": 0, "chosen": []})").message ==
          "best_value: expected 90, got null");
    SUBCASE("exact fill") {
        const char* exact_input = R"({"kind": "complete", "capacity": 7, "weights": [2, 4],
                                      "values": [1, 1], "fill": "exact"})";
        CHECK(check_text(exact_input, R"({"best_value": null})",
                         R"({"best_value": null, "total_weight": 0, "chosen": []})")
                  .outcome == verdict::accepted);
        CHECK(check_text(
                  exact_input, R"({"best_value": null})",
                  R"({"best_value": 3, "total_weight": 6, "chosen": [{"item": 0, "count": 3}]})")
                  .message ==
              "best_value: expected null (no selection fills the capacity exactly), got 3");
        const char* even = R"({"kind": "complete", "capacity": 8, "weights": [2, 4],
                               "values": [1, 1], "fill": "exact"})";
        CHECK(check_text(
                  even, R"({"best_value": 3})",
                  R"({"best_value": 3, "total_weight": 6, "chosen": [{"item": 0, "count": 3}]})")
                  .message == "chosen: the items weigh 6, not exactly the capacity 8");
    }
    SUBCASE("huge counts do not wrap the sums") {
        const char* complete =
            R"({"kind": "complete", "capacity": 10, "weights": [9223372036854775807],
                                   "values": [9223372036854775807]})";
        CHECK(check_text(complete, R"({"best_value": 0})",
                         R"({"best_value": 0, "total_weight": 0,
                             "chosen": [{"item": 0, "count": 9223372036854775807},
                                        {"item": 0, "count": 9223372036854775807}]})")
                  .outcome == verdict::wrong_answer);
        const char* light = R"({"kind": "complete", "capacity": 10, "weights": [0, 1],
                                "values": [0, 9223372036854775807]})";
        const check_result r = check_text(
            light, R"({"best_value": 1})",
            R"({"best_value": 1, "total_weight": 0, "chosen": [{"item": 0, "count": 9223372036854775807}]})");
        CHECK(r.message == "chosen: the items are worth 0, not best_value 1");
    }
    SUBCASE("malformed expected is the case file's fault") {
        for (const char* bad :
             {R"({"total_weight": 3})", R"({"best_value": -1})", R"({"best_value": 1, "extra": 2})",
              R"({"best_value": 1, "chosen": [{"item": 0}]})"}) {
            CAPTURE(bad);
            CHECK(check_text(bounded_input, bad, R"({"best_value": 1})").outcome ==
                  verdict::bad_expected);
        }
    }
}

}  // namespace algojudge
