#include "algorithms/max_gap.hpp"

#include <algorithm>
#include <limits>
#include <vector>

namespace algojudge {

namespace detail {

// Values are handled as unsigned offsets from the minimum, which cover the whole int64 range
// without overflow.
inline std::uint64_t offset_of(std::int64_t value, std::int64_t min) {
    return static_cast<std::uint64_t>(value) - static_cast<std::uint64_t>(min);
}

inline std::int64_t value_at(std::uint64_t offset, std::int64_t min) {
    return static_cast<std::int64_t>(static_cast<std::uint64_t>(min) + offset);
}

struct bucket {
    std::uint64_t low;  // smallest offset in the bucket; empty when low > high
    std::uint64_t high;
};

}  // namespace detail

max_gap_result max_gap(std::span<const std::int64_t> nums) {
    max_gap_result result;
    const std::size_t n = nums.size();
    if (n < 2) return result;

    auto [min_it, max_it] = std::minmax_element(nums.begin(), nums.end());
    const std::int64_t min = *min_it;
    const std::uint64_t range = detail::offset_of(*max_it, min);
    result.has_pair = true;
    if (range == 0 || n == 2) {
        result.gap = range;
        result.low = min;
        result.high = *max_it;
        return result;
    }

    // Width w = floor(R/(n-1)) + 1: a gap inside a bucket is at most w-1 <= ceil(R/(n-1)),
    // never more than the largest gap. There are R/w + 1 <= n buckets.
    const std::uint64_t width = range / (n - 1) + 1;
    const std::size_t bucket_count = static_cast<std::size_t>(range / width) + 1;
    std::vector<detail::bucket> buckets(bucket_count,
                                        {std::numeric_limits<std::uint64_t>::max(), 0});
    for (std::int64_t value : nums) {
        const std::uint64_t offset = detail::offset_of(value, min);
        detail::bucket& b = buckets[static_cast<std::size_t>(offset / width)];
        b.low = std::min(b.low, offset);
        b.high = std::max(b.high, offset);
    }

    // The first bucket holds the minimum (offset 0), so previous_high starts defined.
    std::uint64_t previous_high = buckets[0].high;
    std::uint64_t best_low = 0;
    std::uint64_t best_high = 0;
    for (std::size_t i = 1; i < bucket_count; ++i) {
        const detail::bucket& b = buckets[i];
        if (b.low > b.high) continue;
        if (b.low - previous_high > result.gap) {
            result.gap = b.low - previous_high;
            best_low = previous_high;
            best_high = b.low;
        }
        previous_high = b.high;
    }
    result.low = detail::value_at(best_low, min);
    result.high = detail::value_at(best_high, min);
    return result;
}

}  // namespace algojudge
