// Description: largest gap between neighbours in sorted order, by pigeonhole buckets.
// Proof idea: n-1 gaps sum to the range R, so the largest is >= w = ceil(R/(n-1)); a gap inside
// a bucket narrower than w is smaller, so the answer is a step from a bucket's max to the next min.
// Speed: no division per value (bucket = high half of offset * ceil(2^64/w), one multiply);
// 32-bit offsets from the minimum when the range allows; for bucket arrays beyond the caches
// the offsets are first distributed into 1024 groups of buckets, each then filled in cache.
// Time: O(n), no sort. Memory: O(n): at most n buckets, or n offsets plus n/1024 buckets.
// Status: property-tested against sort+scan (tests/algorithms/max_gap_test.cpp); uses unsigned __int128.
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
