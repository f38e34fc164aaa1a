#include "algorithms/max_gap.hpp"

#include <algorithm>
#include <bit>
#include <limits>
#include <memory>
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

// Bucket of an offset without a division: floor(offset * m / 2^64), one widening multiply.
// With m = ceil(2^64 / width) each bucket is a run of consecutive offsets whose ends differ
// by less than `width`, and offsets up to `range` land in at most n buckets (see make_index).
// Width 1 needs m = 2^64, which does not fit: there the offset is doubled and m = 2^63.
struct bucket_index {
    unsigned pre_shift = 0;
    std::uint64_t multiplier = 0;

    std::size_t operator()(std::uint64_t offset) const {
        const auto product = static_cast<unsigned __int128>(offset << pre_shift) * multiplier;
        return static_cast<std::size_t>(product >> 64);
    }
};

// Width w = ceil(R/(n-1)) <= the largest gap G, so a gap inside one bucket (< w) is never the
// largest. Buckets: floor(R*m/2^64) + 1 with R*m/2^64 < R/w + 1 <= n, so at most n.
inline bucket_index make_index(std::uint64_t range, std::size_t n) {
    const std::uint64_t divisor = n - 1;
    const std::uint64_t width = range / divisor + (range % divisor != 0 ? 1 : 0);
    if (width == 1) return {1, std::uint64_t{1} << 63};
    // ceil(2^64 / width) = floor((2^64 - 1) / width) + 1 for width >= 2.
    return {0, std::numeric_limits<std::uint64_t>::max() / width + 1};
}

// Smallest and largest offset seen in one bucket, side by side so an update touches one
// cache line. `offset` is uint32_t when the range fits, halving the memory traffic.
template <class offset>
struct bucket {
    offset low = std::numeric_limits<offset>::max();  // empty while low > high
    offset high = 0;

    void add(offset value) {
        low = std::min(low, value);
        high = std::max(high, value);
    }
};

// Walks the buckets in increasing order, keeping the widest step from one non-empty bucket's
// high to the next one's low. The first bucket holds offset 0, so previous_high starts there.
// Empty buckets are frequent (about 1/e of them) and in no pattern: they are skipped by a
// mask, not a branch the processor would mispredict.
struct gap_scan {
    std::uint64_t previous_high = 0;
    std::uint64_t gap = 0;
    std::uint64_t low = 0;
    std::uint64_t high = 0;

    template <class offset>
    void visit(const bucket<offset>& b) {
        const std::uint64_t non_empty_mask = 0 - static_cast<std::uint64_t>(b.low <= b.high);
        const std::uint64_t step = (b.low - previous_high) & non_empty_mask;
        if (step > gap) [[unlikely]] {
            gap = step;
            low = previous_high;
            high = b.low;
        }
        // An empty bucket's high is 0, and a non-empty one's is at least previous_high.
        previous_high = std::max<std::uint64_t>(previous_high, b.high);
    }
};

// Bucket arrays up to this size stay in the caches: fill them directly from the input.
constexpr std::size_t direct_bucket_bytes = std::size_t{1} << 20;
// Beyond it, scattering into ~n buckets waits on a cache miss per value. Instead the offsets
// are first distributed by the top bits of their bucket index into 2^10 groups (sequential
// writes into 1024 streams), then each group fills a cache-resident slice of the buckets.
constexpr unsigned group_bits = 10;

template <class offset>
gap_scan scan_directly(std::span<const std::int64_t> nums, std::int64_t min, bucket_index index,
                       std::size_t bucket_count) {
    std::vector<bucket<offset>> buckets(bucket_count);
    for (std::int64_t value : nums) {
        const auto off = static_cast<offset>(offset_of(value, min));
        buckets[index(off)].add(off);
    }
    gap_scan scan;
    for (const auto& b : buckets)
        scan.visit(b);
    return scan;
}

template <class offset>
gap_scan scan_by_groups(std::span<const std::int64_t> nums, std::int64_t min, bucket_index index,
                        std::size_t bucket_count) {
    const auto index_bits = static_cast<unsigned>(std::bit_width(bucket_count - 1));
    const unsigned slice_bits = index_bits > group_bits ? index_bits - group_bits : 0;
    const std::size_t group_count = ((bucket_count - 1) >> slice_bits) + 1;
    const std::size_t slice_mask = (std::size_t{1} << slice_bits) - 1;

    // Counting pass, then each group's start; ends[g] is where group g stops once filled.
    std::vector<std::size_t> ends(group_count + 1, 0);
    for (std::int64_t value : nums)
        ++ends[(index(offset_of(value, min)) >> slice_bits) + 1];
    for (std::size_t g = 1; g <= group_count; ++g)
        ends[g] += ends[g - 1];
    auto grouped = std::make_unique_for_overwrite<offset[]>(nums.size());
    for (std::int64_t value : nums) {
        const auto off = static_cast<offset>(offset_of(value, min));
        grouped[ends[index(off) >> slice_bits]++] = off;
    }

    // Group g now occupies [ends[g-1], ends[g]) (ends[-1] read as 0) and covers buckets
    // [g << slice_bits, (g + 1) << slice_bits): visiting groups in order visits all buckets
    // in order.
    std::vector<bucket<offset>> slice(slice_mask + 1);
    gap_scan scan;
    std::size_t begin = 0;
    for (std::size_t g = 0; g < group_count; ++g) {
        std::fill(slice.begin(), slice.end(), bucket<offset>{});
        for (std::size_t i = begin; i < ends[g]; ++i)
            slice[index(grouped[i]) & slice_mask].add(grouped[i]);
        for (const auto& b : slice)
            scan.visit(b);
        begin = ends[g];
    }
    return scan;
}

template <class offset>
gap_scan scan_buckets(std::span<const std::int64_t> nums, std::int64_t min, std::uint64_t range) {
    const bucket_index index = make_index(range, nums.size());
    const std::size_t bucket_count = index(range) + 1;
    if (bucket_count * sizeof(bucket<offset>) <= direct_bucket_bytes) {
        return scan_directly<offset>(nums, min, index, bucket_count);
    }
    return scan_by_groups<offset>(nums, min, index, bucket_count);
}

}  // namespace detail

max_gap_result max_gap(std::span<const std::int64_t> nums) {
    max_gap_result result;
    const std::size_t n = nums.size();
    if (n < 2) return result;

    std::int64_t min = nums[0];
    std::int64_t max = nums[0];
    for (std::int64_t value : nums) {
        min = std::min(min, value);
        max = std::max(max, value);
    }
    const std::uint64_t range = detail::offset_of(max, min);
    result.has_pair = true;
    if (range == 0 || n == 2) {
        result.gap = range;
        result.low = min;
        result.high = max;
        return result;
    }

    const detail::gap_scan scan = range <= std::numeric_limits<std::uint32_t>::max()
                                      ? detail::scan_buckets<std::uint32_t>(nums, min, range)
                                      : detail::scan_buckets<std::uint64_t>(nums, min, range);
    result.gap = scan.gap;
    result.low = detail::value_at(scan.low, min);
    result.high = detail::value_at(scan.high, min);
    return result;
}

}  // namespace algojudge
