// The max-gap generator: n numbers in [min, max], laid out by a shape (docs/gen.md).
#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "problems/max_gap.hpp"
#include "support/errors.hpp"

namespace algojudge {

namespace {

constexpr generator_option max_gap_options[] = {
    {"n", option_kind::integer, "10", "how many numbers", {}, 0, 1000000, true},
    {"min", option_kind::integer, "-1000", "smallest possible number", {}, INT64_MIN, INT64_MAX},
    {"max", option_kind::integer, "1000", "largest possible number", {}, INT64_MIN, INT64_MAX},
    {"shape", option_kind::choice, "uniform",
     "uniform: anywhere in range; clustered: a few tight groups; duplicates: few distinct values; "
     "progression: evenly spaced, shuffled; extremes: next to min and max",
     "uniform|clustered|duplicates|progression|extremes"},
};

// A value of [low, high] moved by `offset`, kept inside it (no overflow for any int64 range).
std::int64_t clamped_offset(std::int64_t centre, std::int64_t offset, std::int64_t low,
                            std::int64_t high) {
    if (offset < 0) {
        const std::uint64_t room =
            static_cast<std::uint64_t>(centre) - static_cast<std::uint64_t>(low);
        const auto step = static_cast<std::uint64_t>(-(offset + 1)) + 1;
        return step > room ? low
                           : static_cast<std::int64_t>(static_cast<std::uint64_t>(centre) - step);
    }
    const std::uint64_t room =
        static_cast<std::uint64_t>(high) - static_cast<std::uint64_t>(centre);
    const auto step = static_cast<std::uint64_t>(offset);
    return step > room ? high
                       : static_cast<std::int64_t>(static_cast<std::uint64_t>(centre) + step);
}

void shuffle(std::vector<std::int64_t>& values, prng& random) {
    for (std::size_t i = values.size(); i > 1; --i) {
        std::swap(values[i - 1], values[random.below(i)]);
    }
}

json generate_max_gap(const generator_settings& settings, prng& random) {
    const auto n = static_cast<std::size_t>(settings.integer("n"));
    const std::int64_t low = settings.integer("min");
    const std::int64_t high = settings.integer("max");
    if (low > high) {
        throw usage_error(fmt::format("--min ({}) is greater than --max ({})", low, high));
    }
    // The width of the range minus one, as an unsigned number (the whole int64 range fits).
    const std::uint64_t width = static_cast<std::uint64_t>(high) - static_cast<std::uint64_t>(low);
    const std::string_view shape = settings.choice("shape");
    std::vector<std::int64_t> nums;
    nums.reserve(n);
    if (shape == "uniform") {
        for (std::size_t i = 0; i < n; ++i)
            nums.push_back(random.between(low, high));
    } else if (shape == "clustered") {
        std::vector<std::int64_t> centres(1 + random.below(4));
        for (std::int64_t& centre : centres)
            centre = random.between(low, high);
        const auto spread = static_cast<std::int64_t>(std::max<std::uint64_t>(1, width / 200));
        for (std::size_t i = 0; i < n; ++i) {
            const std::int64_t centre = centres[random.below(centres.size())];
            nums.push_back(clamped_offset(centre, random.between(-spread, spread), low, high));
        }
    } else if (shape == "duplicates") {
        std::vector<std::int64_t> pool(1 + random.below(std::max<std::size_t>(1, n / 3)));
        for (std::int64_t& value : pool)
            value = random.between(low, high);
        for (std::size_t i = 0; i < n; ++i)
            nums.push_back(pool[random.below(pool.size())]);
    } else if (shape == "progression") {
        // start + i * step for i < n, inside [low, high]; then shuffled.
        const std::uint64_t most = n > 1 ? width / (n - 1) : width;
        const std::uint64_t step = most == UINT64_MAX
                                       ? random.next()
                                       : random.below(std::min<std::uint64_t>(most, width) + 1);
        const std::uint64_t span = n > 1 ? step * (n - 1) : 0;
        const std::uint64_t start_room = width - span;
        const std::uint64_t start_offset =
            start_room == UINT64_MAX ? random.next() : random.below(start_room + 1);
        for (std::size_t i = 0; i < n; ++i) {
            nums.push_back(static_cast<std::int64_t>(static_cast<std::uint64_t>(low) +
                                                     start_offset + step * i));
        }
        shuffle(nums, random);
    } else {  // extremes: within 2 of either end, now and then in between
        for (std::size_t i = 0; i < n; ++i) {
            const std::uint64_t pick = random.below(5);
            const auto near = static_cast<std::int64_t>(random.below(3));
            nums.push_back(pick == 4  ? random.between(low, high)
                           : pick % 2 ? clamped_offset(high, -near, low, high)
                                      : clamped_offset(low, near, low, high));
        }
    }
    return {{"nums", nums}};
}

}  // namespace

const generator max_gap_generator{max_gap_options, generate_max_gap};

}  // namespace algojudge
