// Description: combination sum: every multiset of `candidates` adding up to `target`, with
// reuse (LeetCode 39) or each candidate at most as often as it occurs (LeetCode 40, each
// multiset once), optionally of exactly k elements (LeetCode 216); and their exact count (GMP).
// A next-position table lets the walk visit only prefixes of reported combinations.
// Time: table O(T*S*n), walk O(total output length), count O(d*T*S) additions, in 64-bit words
// while they fit, else GMP. Memory: table 4*(T+1)*S*(n+1) bytes; tables and counts over the
// caller's budget are refused before starting (combination_count_step_limit,
// combination_count_limb_step_limit). Status: property-tested against brute force
// (tests/algorithms/combination_sum_test.cpp). Details and symbols:
// docs/combination-sum.md#algorithm.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include <gmpxx.h>

namespace algojudge {

struct combination_sum_query {
    std::vector<std::int64_t> candidates;  // each >= 1; any order; duplicates allowed
    std::int64_t target = 0;               // >= 0
    bool reuse = false;                    // each candidate any number of times
    std::optional<std::uint64_t> k;        // only combinations of exactly k elements
};

struct combination_walk {
    std::uint64_t reported = 0;  // combinations passed to the visitor
    bool stopped = false;        // the visitor returned false; more combinations may exist
    bool refused = false;        // the table would exceed the memory budget; nothing visited
};

struct combination_count {
    mpz_class count;       // exact number of combinations; 0 when refused
    bool refused = false;  // the DP table would exceed the memory budget or the step budget
};

// Bytes the enumeration table and the walk's stack need (saturating at UINT64_MAX); 0 when no
// table is needed (target 0, or no combination can exist).
std::uint64_t combination_table_bytes(const combination_sum_query& query);
// Estimated bytes of the counting DP (an upper bound on the big integers' sizes).
std::uint64_t combination_count_bytes(const combination_sum_query& query);
// Additions the counting DP performs; refused above combination_count_step_limit.
std::uint64_t combination_count_steps(const combination_sum_query& query);
inline constexpr std::uint64_t combination_count_step_limit = 1'000'000'000;
// When the counts may not fit 63 bits (bound: the product of copies + 1 over the distinct
// values), the DP adds big integers: steps x 64-bit words per count, refused above
// combination_count_limb_step_limit (a few seconds); 0 when machine words suffice.
std::uint64_t combination_count_limb_steps(const combination_sum_query& query);
inline constexpr std::uint64_t combination_count_limb_step_limit = 2'000'000'000;

// Constraints: candidates >= 1, target >= 0.
// Complexity: O(d·T·S) big-integer additions; never enumerates.
// Example: count_combinations({{2, 3, 6, 7}, 7, true}, 1 << 20).count == 2.
combination_count count_combinations(const combination_sum_query& query,
                                     std::uint64_t memory_limit_bytes);

namespace detail {

// The sorted items and the next() table of one query, shared by every walk over it.
class combination_table {
  public:
    static constexpr std::uint32_t none = UINT32_MAX;

    // Builds the table; false (and nothing allocated) when it needs more than the budget.
    bool build(const combination_sum_query& query, std::uint64_t memory_limit_bytes);

    // First position >= p whose value starts a completion of `remaining` with `slots` left.
    std::uint32_t next(std::uint32_t p, std::int64_t remaining, std::uint32_t slots) const {
        return next_[(static_cast<std::size_t>(remaining) * slot_count_ + slots) * row_ + p];
    }

    std::vector<std::int64_t> values;     // usable items, ascending
    std::vector<std::uint32_t> next_run;  // first position after the run of values[p]
    std::int64_t target = 0;
    std::uint32_t root_slots = 0;  // k, or 0 without k
    std::uint32_t slot_step = 0;   // 1 with k (each item uses a slot), else 0
    std::uint32_t item_step = 0;   // 1 without reuse (an item is used once), else 0
    std::size_t max_depth = 0;     // longest possible combination
    bool possible = false;         // false: no combination exists at all

  private:
    std::vector<std::uint32_t> next_;
    std::size_t slot_count_ = 1;
    std::size_t row_ = 1;
};

}  // namespace detail

// Calls visit(std::span<const std::int64_t>) once per combination, each ascending, in
// lexicographic order, over one shared path; visit returns false to stop the walk.
// Constraints: candidates >= 1, target >= 0.
// Complexity: table O(T·S·n), then O(1) per visited node; every node lies on a reported
// combination, so the walk costs O(total length of the combinations reported).
// Example: for_each_combination({{2, 3, 6, 7}, 7, true}, visit, 1 << 20) visits [2,2,3], [7].
template <class Visitor>
combination_walk for_each_combination(const combination_sum_query& query, Visitor&& visit,
                                      std::uint64_t memory_limit_bytes) {
    combination_walk walk;
    detail::combination_table table;
    if (!table.build(query, memory_limit_bytes)) {
        walk.refused = true;
        return walk;
    }
    if (!table.possible) return walk;
    if (table.target == 0) {
        walk.reported = 1;
        walk.stopped = !visit(std::span<const std::int64_t>());
        return walk;
    }
    struct frame {
        std::uint32_t item;
        std::uint32_t slots;
        std::int64_t remaining;
    };
    std::vector<frame> frames(table.max_depth);
    std::vector<std::int64_t> path(table.max_depth);
    const std::int64_t* values = table.values.data();
    std::size_t depth = 0;
    frames[0] = {table.next(0, table.target, table.root_slots), table.root_slots, table.target};
    path[0] = values[frames[0].item];
    for (;;) {
        const frame& here = frames[depth];
        const std::int64_t rest = here.remaining - values[here.item];
        if (rest > 0) {
            // The table promised a completion, so the child exists.
            const std::uint32_t slots = here.slots - table.slot_step;
            const std::uint32_t child = table.next(here.item + table.item_step, rest, slots);
            frames[++depth] = {child, slots, rest};
            path[depth] = values[child];
            continue;
        }
        ++walk.reported;
        if (!visit(std::span<const std::int64_t>(path.data(), depth + 1))) {
            walk.stopped = true;
            return walk;
        }
        // A leaf used up its remainder: its later siblings are larger, so none fits.
        if (depth == 0) return walk;
        --depth;
        // Move to the next sibling, climbing out of finished levels.
        for (;;) {
            frame& level = frames[depth];
            const std::uint32_t sibling =
                table.next(table.next_run[level.item], level.remaining, level.slots);
            if (sibling != detail::combination_table::none) {
                level.item = sibling;
                path[depth] = values[sibling];
                break;
            }
            if (depth == 0) return walk;
            --depth;
        }
    }
}

}  // namespace algojudge
