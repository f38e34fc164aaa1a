// Description: largest gap between neighbours in sorted order, by pigeonhole buckets.
// Proof idea: n values over a range R leave n-1 gaps summing to R, so the largest gap is at
// least ceil(R/(n-1)); buckets narrower than that hold no maximal gap inside, so the answer is
// the largest step from one non-empty bucket's maximum to the next one's minimum.
// Time: O(n), no sort. Memory: O(n) for the buckets.
// Status: property-tested against sort+scan (tests/max_gap_test.cpp).
#pragma once

#include <cstdint>
#include <span>

namespace algojudge {

struct max_gap_result {
    // The gap as an unsigned value: INT64_MAX - INT64_MIN does not fit in int64.
    std::uint64_t gap = 0;
    // Neighbours in sorted order with high - low == gap; meaningless when !has_pair.
    std::int64_t low = 0;
    std::int64_t high = 0;
    bool has_pair = false;  // false for fewer than two values
};

// Constraints: any int64 values, any order, duplicates allowed.
// Complexity: O(n) time, O(n) extra memory.
// Example: max_gap(std::vector<std::int64_t>{3, 6, 9, 1}) -> {gap 3, low 3, high 6}.
max_gap_result max_gap(std::span<const std::int64_t> nums);

}  // namespace algojudge
