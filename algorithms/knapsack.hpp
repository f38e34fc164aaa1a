// Description: knapsack by DP over capacities: 0-1, complete, bounded (binary splitting into
// 0-1 pieces); fill at most or exactly the capacity. table_2d keeps the (P+1) x (W+1) table;
// rolling_1d keeps one array and a decision bitset (P*(W+1) bits) to recover the items. Values
// are int32 when every selection provably fits, else int64; overflow is refused up front.
// Time: O(P * W), P <= 64n pieces. Memory: knapsack_plan::bytes, computed before allocating.
// Status: property-tested against brute force (tests/algorithms/knapsack_test.cpp).
// Details: docs/knapsack.md#methods.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace algojudge {

enum class knapsack_kind { zero_one, complete, bounded };
enum class knapsack_method { table_2d, rolling_1d };
enum class knapsack_fill { at_most, exact };

namespace detail {
// Switches for the benchmark and the tests, not for users: the scalar kernel is the same loop
// with vectorisation disabled; allow_32_bit = false forces 64-bit values.
enum class knapsack_kernel { vectorised, scalar };
struct knapsack_tuning {
    bool allow_32_bit = true;
    knapsack_kernel kernel = knapsack_kernel::vectorised;
};
}  // namespace detail

struct knapsack_instance {
    knapsack_kind kind = knapsack_kind::zero_one;
    knapsack_fill fill = knapsack_fill::at_most;
    std::uint64_t capacity = 0;  // <= INT64_MAX
    std::span<const std::uint64_t> weights;
    std::span<const std::uint64_t> values;  // each <= INT64_MAX
    std::span<const std::uint64_t> counts;  // bounded only: one per item
};

struct knapsack_options {
    knapsack_method method = knapsack_method::rolling_1d;
    bool recover_items = true;  // false: best value only, no bitset (1d) / row walk (2d)
    detail::knapsack_tuning tuning = {};
};

enum class knapsack_status {
    solved,
    infeasible,      // exact fill: no selection weighs exactly the capacity
    value_overflow,  // some selection's value could exceed INT64_MAX
    unbounded,       // complete kind with a zero-weight item of positive value
    too_large,       // the tables' size does not fit in memory addresses
};

struct knapsack_plan {
    knapsack_status status = knapsack_status::solved;  // solved: the solve may proceed
    std::uint64_t bytes = 0;        // memory the solve allocates (saturates at UINT64_MAX)
    int value_bits = 64;            // 32 or 64
    std::size_t pieces = 0;         // P: DP passes (0-1 pieces, or complete items)
    std::uint64_t value_bound = 0;  // upper bound on any selection's value
};

struct knapsack_choice {
    std::size_t item = 0;
    std::uint64_t count = 0;  // >= 1
};

struct knapsack_result {
    knapsack_status status = knapsack_status::solved;
    std::uint64_t best_value = 0;         // meaningful when solved
    std::uint64_t total_weight = 0;       // of `chosen`; 0 when items were not recovered
    std::vector<knapsack_choice> chosen;  // index order; empty when not recovered
    int value_bits = 64;
};

// What knapsack() would allocate and whether it can run at all, in O(n) without
// allocating tables. Constraints: as knapsack().
knapsack_plan plan_knapsack(const knapsack_instance& instance, const knapsack_options& options);

// Constraints: weights.size() == values.size() (== counts.size() for bounded); capacity and
// values <= INT64_MAX. Complexity: O(P * (W+1)) time; memory as plan_knapsack says.
// Example: 0-1, capacity 5, weights {1,2,3,4}, values {2,4,4,5} -> best_value 8,
// total_weight 5, chosen {{1, 1}, {2, 1}}.
knapsack_result knapsack(const knapsack_instance& instance, const knapsack_options& options = {});

}  // namespace algojudge
