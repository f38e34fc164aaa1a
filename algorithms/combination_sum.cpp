#include "algorithms/combination_sum.hpp"

#include <algorithm>
#include <bit>
#include <cassert>
#include <limits>

namespace algojudge {

namespace detail {

namespace {

constexpr std::uint64_t saturated = std::numeric_limits<std::uint64_t>::max();

std::uint64_t saturating_multiply(std::uint64_t a, std::uint64_t b) {
    std::uint64_t product = 0;
    return __builtin_mul_overflow(a, b, &product) ? saturated : product;
}

std::uint64_t saturating_add(std::uint64_t a, std::uint64_t b) {
    return a > saturated - b ? saturated : a + b;
}

// A query reduced to what matters: values above the target dropped, copies beyond what the
// target (or k) can use dropped, and the length bounds that make it impossible.
struct reduced_query {
    std::vector<std::int64_t> items;     // usable items ascending (distinct with reuse)
    std::vector<std::int64_t> distinct;  // distinct usable values ascending
    std::vector<std::uint64_t> copies;   // usable copies of each distinct value
    std::int64_t target = 0;
    bool reuse = false;
    bool has_k = false;
    std::uint64_t k = 0;
    std::uint64_t max_length = 0;  // no combination is longer
    bool possible = false;         // false when no combination can exist
};

reduced_query reduce(const combination_sum_query& query) {
    assert(query.target >= 0);
    reduced_query reduced;
    reduced.target = query.target;
    reduced.reuse = query.reuse;
    reduced.has_k = query.k.has_value();
    reduced.k = query.k.value_or(0);
    if (query.target == 0) {
        reduced.possible = !reduced.has_k || reduced.k == 0;
        return reduced;
    }
    std::vector<std::int64_t> sorted;
    for (std::int64_t value : query.candidates) {
        assert(value >= 1);
        if (value <= query.target) sorted.push_back(value);
    }
    std::sort(sorted.begin(), sorted.end());
    for (std::size_t i = 0; i < sorted.size();) {
        std::size_t end = i;
        while (end < sorted.size() && sorted[end] == sorted[i])
            ++end;
        const std::int64_t value = sorted[i];
        std::uint64_t usable = static_cast<std::uint64_t>(query.target / value);
        if (!query.reuse) usable = std::min<std::uint64_t>(usable, end - i);
        if (reduced.has_k) usable = std::min(usable, reduced.k);
        reduced.distinct.push_back(value);
        reduced.copies.push_back(usable);
        const std::uint64_t listed = query.reuse ? 1 : usable;
        for (std::uint64_t c = 0; c < listed; ++c)
            reduced.items.push_back(value);
        i = end;
    }
    if (reduced.items.empty()) return reduced;
    reduced.max_length = static_cast<std::uint64_t>(query.target / reduced.items.front());
    if (!query.reuse)
        reduced.max_length = std::min<std::uint64_t>(reduced.max_length, reduced.items.size());
    if (reduced.has_k) {
        if (reduced.k == 0 || reduced.k > reduced.max_length) return reduced;
        reduced.max_length = reduced.k;
    }
    reduced.possible = true;
    return reduced;
}

// Slots dimension of the tables: k+1 with k (k <= target here), else 1.
std::uint64_t slot_count(const reduced_query& reduced) {
    return reduced.has_k ? reduced.k + 1 : 1;
}

}  // namespace

bool combination_table::build(const combination_sum_query& query,
                              std::uint64_t memory_limit_bytes) {
    if (combination_table_bytes(query) > memory_limit_bytes) return false;
    reduced_query reduced = reduce(query);
    target = reduced.target;
    root_slots = static_cast<std::uint32_t>(reduced.k);
    slot_step = reduced.has_k ? 1 : 0;
    item_step = reduced.reuse ? 0 : 1;
    possible = reduced.possible;
    if (!possible || target == 0) return true;

    values = std::move(reduced.items);
    const std::size_t n = values.size();
    next_run.resize(n);
    for (std::size_t p = n; p-- > 0;) {
        const bool run_continues = !reduced.reuse && p + 1 < n && values[p + 1] == values[p];
        next_run[p] = run_continues ? next_run[p + 1] : static_cast<std::uint32_t>(p + 1);
    }
    max_depth = static_cast<std::size_t>(reduced.max_length);
    slot_count_ = static_cast<std::size_t>(slot_count(reduced));
    row_ = n + 1;
    const auto rows = static_cast<std::size_t>(target) + 1;
    next_.assign(rows * slot_count_ * row_, none);
    // next(p, r, s) = p when values[p] starts a completion of (r, s) from p, else the answer for
    // the next run. Completions of smaller sums are known when r is filled in.
    for (std::int64_t remaining = 1; remaining <= target; ++remaining) {
        for (std::uint32_t slots = 0; slots < slot_count_; ++slots) {
            std::uint32_t* row =
                &next_[(static_cast<std::size_t>(remaining) * slot_count_ + slots) * row_];
            for (std::size_t p = n; p-- > 0;) {
                const std::int64_t rest = remaining - values[p];
                bool starts = false;
                if (rest >= 0 && slots >= slot_step) {
                    const std::uint32_t left = slots - slot_step;
                    starts = rest == 0 ? left == 0
                                       : next(static_cast<std::uint32_t>(p) + item_step, rest,
                                              left) != none;
                }
                row[p] = starts ? static_cast<std::uint32_t>(p) : row[next_run[p]];
            }
        }
    }
    possible = next(0, target, root_slots) != none;
    return true;
}

}  // namespace detail

std::uint64_t combination_table_bytes(const combination_sum_query& query) {
    const detail::reduced_query reduced = detail::reduce(query);
    if (!reduced.possible || reduced.target == 0) return 0;
    std::uint64_t entries = static_cast<std::uint64_t>(reduced.target) + 1;
    entries = detail::saturating_multiply(entries, detail::slot_count(reduced));
    entries = detail::saturating_multiply(entries, reduced.items.size() + 1);
    // The walk's stack: a frame and a path value per level.
    const std::uint64_t stack = detail::saturating_multiply(reduced.max_length, 24);
    return detail::saturating_add(detail::saturating_multiply(entries, sizeof(std::uint32_t)),
                                  stack);
}

std::uint64_t combination_count_steps(const combination_sum_query& query) {
    const detail::reduced_query reduced = detail::reduce(query);
    if (!reduced.possible || reduced.target == 0) return 0;
    std::uint64_t steps = 0;
    for (std::int64_t value : reduced.distinct) {
        const auto sums = static_cast<std::uint64_t>(reduced.target - value + 1);
        steps = detail::saturating_add(
            steps, detail::saturating_multiply(sums, detail::slot_count(reduced)));
    }
    return steps;
}

namespace detail {

namespace {

// Bits enough for every count of the DP: every count is at most the product of (copies + 1)
// over the distinct values.
std::uint64_t count_bits(const reduced_query& reduced) {
    std::uint64_t bits = 1;
    for (std::uint64_t copies : reduced.copies)
        bits = saturating_add(bits, static_cast<std::uint64_t>(std::bit_width(copies + 1)));
    return bits;
}

std::uint64_t count_limbs(const reduced_query& reduced) {
    return count_bits(reduced) / (8 * sizeof(mp_limb_t)) + 1;
}

// The DP over distinct values, for any count type with +=, -= and = from int: 64-bit words
// when every count (and the sum of two) fits, big integers otherwise.
template <class Count>
Count count_dp(const reduced_query& reduced) {
    const auto sums = static_cast<std::size_t>(reduced.target) + 1;
    const auto slots = static_cast<std::size_t>(slot_count(reduced));
    const std::size_t step = reduced.has_k ? 1 : 0;
    // ways[s * sums + r]: multisets of the values seen so far with sum r (and s elements).
    std::vector<Count> ways(slots * sums);
    std::vector<Count> next_ways;
    if (!reduced.reuse) next_ways.resize(slots * sums);
    ways[0] = 1;
    for (std::size_t i = 0; i < reduced.distinct.size(); ++i) {
        const auto value = static_cast<std::size_t>(reduced.distinct[i]);
        if (reduced.reuse) {
            // Unbounded: ways[s][r] += ways[s-1][r-v], the source already counting v.
            for (std::size_t s = step; s < slots; ++s) {
                for (std::size_t r = value; r < sums; ++r)
                    ways[s * sums + r] += ways[(s - step) * sums + r - value];
            }
            continue;
        }
        // At most c copies: new[s][r] = sum over t = 0..c of old[s - t][r - t·v], a window
        // slid along the diagonal: old[s][r] + new[s-1][r-v] - old[s-c-1][r-(c+1)·v].
        const auto copies = static_cast<std::size_t>(reduced.copies[i]);
        const std::size_t drop_sum = (copies + 1) * value;
        const std::size_t drop_slots = (copies + 1) * step;
        for (std::size_t s = 0; s < slots; ++s) {
            for (std::size_t r = 0; r < sums; ++r) {
                Count& cell = next_ways[s * sums + r];
                cell = ways[s * sums + r];
                if (r >= value && s >= step) cell += next_ways[(s - step) * sums + r - value];
                if (r >= drop_sum && s >= drop_slots)
                    cell -= ways[(s - drop_slots) * sums + r - drop_sum];
            }
        }
        ways.swap(next_ways);
    }
    return ways[(slots - 1) * sums + sums - 1];
}

}  // namespace

}  // namespace detail

std::uint64_t combination_count_bytes(const combination_sum_query& query) {
    const detail::reduced_query reduced = detail::reduce(query);
    if (!reduced.possible || reduced.target == 0) return 0;
    // The mpz header, an allocator header and the limbs, for two rows of S x (T+1) entries.
    const std::uint64_t per_entry =
        detail::count_bits(reduced) <= 63
            ? sizeof(std::uint64_t)
            : sizeof(mpz_class) + 16 + detail::count_limbs(reduced) * sizeof(mp_limb_t);
    std::uint64_t entries = static_cast<std::uint64_t>(reduced.target) + 1;
    entries = detail::saturating_multiply(entries, detail::slot_count(reduced));
    return detail::saturating_multiply(detail::saturating_multiply(entries, 2), per_entry);
}

std::uint64_t combination_count_limb_steps(const combination_sum_query& query) {
    const detail::reduced_query reduced = detail::reduce(query);
    if (!reduced.possible || reduced.target == 0 || detail::count_bits(reduced) <= 63) return 0;
    return detail::saturating_multiply(combination_count_steps(query),
                                       detail::count_limbs(reduced));
}

combination_count count_combinations(const combination_sum_query& query,
                                     std::uint64_t memory_limit_bytes) {
    combination_count result;
    if (combination_count_bytes(query) > memory_limit_bytes ||
        combination_count_steps(query) > combination_count_step_limit ||
        combination_count_limb_steps(query) > combination_count_limb_step_limit) {
        result.refused = true;
        return result;
    }
    const detail::reduced_query reduced = detail::reduce(query);
    if (!reduced.possible) return result;
    if (reduced.target == 0) {
        result.count = 1;
        return result;
    }
    if (detail::count_bits(reduced) <= 63) {
        // Every count and the sum of two fit a machine word: no big integer is needed.
        const std::uint64_t count = detail::count_dp<std::uint64_t>(reduced);
        mpz_import(result.count.get_mpz_t(), 1, -1, sizeof count, 0, 0, &count);
        return result;
    }
    result.count = detail::count_dp<mpz_class>(reduced);
    return result;
}

}  // namespace algojudge
