#include "algorithms/knapsack.hpp"

#include <algorithm>
#include <bit>
#include <cassert>
#include <cstring>
#include <limits>

namespace algojudge {

namespace detail {

// One DP pass: a 0-1 piece (`multiplicity` copies of item `item` taken together) or, for the
// complete kind, an item usable any number of times.
struct knapsack_piece {
    std::size_t item = 0;
    std::uint64_t multiplicity = 1;
    std::uint64_t weight = 0;
    std::uint64_t value = 0;
    bool unlimited = false;
};

using u128 = unsigned __int128;

constexpr std::uint64_t int64_limit = std::numeric_limits<std::int64_t>::max();
constexpr std::uint64_t int32_limit = std::numeric_limits<std::int32_t>::max();
// Flags are produced this many cells at a time before being packed into the bitset.
constexpr std::size_t flag_chunk = 4096;
// Below this weight a pass runs as one plain loop rather than in blocks of `weight` cells.
constexpr std::uint64_t block_min_weight = 32;

// The pieces of the DP, the bound on any selection's value, or why there is no DP.
struct knapsack_pieces {
    knapsack_status status = knapsack_status::solved;
    std::vector<knapsack_piece> pieces;
    std::uint64_t value_bound = 0;
};

knapsack_pieces split_into_pieces(const knapsack_instance& instance) {
    const std::size_t n = instance.weights.size();
    assert(instance.values.size() == n);
    assert(instance.kind != knapsack_kind::bounded || instance.counts.size() == n);
    assert(instance.capacity <= int64_limit);
    const std::uint64_t capacity = instance.capacity;
    knapsack_pieces out;
    u128 bound = 0;             // complete kind: the ratio bound
    u128 total = 0;             // 0-1 and bounded: every usable copy taken, capped at 2^64
    u128 ratio_bound = 0;       // capacity * value / weight, the largest
    u128 weightless_total = 0;  // the zero-weight items' copies
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint64_t weight = instance.weights[i];
        const std::uint64_t value = instance.values[i];
        assert(value <= int64_limit);
        // Never part of a better selection (a worthless item may still be needed to fill
        // the capacity exactly, unless it weighs nothing).
        const bool worthless =
            value == 0 && (instance.fill == knapsack_fill::at_most || weight == 0);
        if (worthless || weight > capacity) continue;
        if (instance.kind == knapsack_kind::complete) {
            if (weight == 0) return {knapsack_status::unbounded, {}, 0};
            // Every selection weighs <= capacity, so its value is <= capacity * best ratio.
            bound = std::max(bound, u128{capacity} * value / weight);
            out.pieces.push_back({i, 1, weight, value, true});
            continue;
        }
        std::uint64_t count = instance.kind == knapsack_kind::bounded ? instance.counts[i] : 1;
        if (weight > 0) {
            count = std::min(count, capacity / weight);
            ratio_bound = std::max(ratio_bound, u128{capacity} * value / weight);
        } else {
            weightless_total += u128{count} * value;
        }
        // Each sum grows by less than 2^127 per item: no wrap before the checks below.
        total = std::min(total + u128{count} * value, u128{1} << 64);
        // Binary splitting: 1, 2, 4, ... copies and the remainder make every count up to
        // `count` and nothing more.
        for (std::uint64_t size = 1; count > 0; size *= 2) {
            const std::uint64_t take = std::min(size, count);
            out.pieces.push_back({i, take, take * weight, take * value, false});
            count -= take;
        }
    }
    if (instance.kind != knapsack_kind::complete) {
        // A selection is worth at most all its copies together, and at most the capacity
        // times the best value per unit of weight plus the weightless items.
        weightless_total = std::min(weightless_total, u128{1} << 64);
        bound = std::min(total, ratio_bound + weightless_total);
    }
    if (bound > int64_limit) return {knapsack_status::value_overflow, {}, 0};
    out.value_bound = static_cast<std::uint64_t>(bound);
    return out;
}

std::uint64_t saturating_bytes(u128 bytes) {
    return bytes > std::numeric_limits<std::uint64_t>::max()
               ? std::numeric_limits<std::uint64_t>::max()
               : static_cast<std::uint64_t>(bytes);
}

knapsack_plan plan_for(const knapsack_instance& instance, const knapsack_options& options,
                       const knapsack_pieces& split) {
    knapsack_plan plan;
    plan.status = split.status;
    if (split.status != knapsack_status::solved) return plan;
    plan.pieces = split.pieces.size();
    plan.value_bound = split.value_bound;
    plan.value_bits = options.tuning.allow_32_bit && split.value_bound <= int32_limit ? 32 : 64;
    const u128 cells = u128{instance.capacity} + 1;
    const u128 value_size = static_cast<unsigned>(plan.value_bits / 8);
    u128 bytes = u128{plan.pieces} * sizeof(knapsack_piece);
    if (options.method == knapsack_method::table_2d) {
        bytes += (u128{plan.pieces} + 1) * cells * value_size;
    } else {
        bytes += cells * value_size;
        if (options.recover_items) bytes += u128{plan.pieces} * ((cells + 7) / 8) + flag_chunk;
    }
    plan.bytes = saturating_bytes(bytes);
    if (bytes > static_cast<u128>(std::numeric_limits<std::ptrdiff_t>::max())) {
        plan.status = knapsack_status::too_large;
    }
    return plan;
}

// target[i] = max(target[i], source[i] + value). The arrays never overlap: the callers cut
// each pass into blocks whose sources are not written by the same block.
template <class T>
[[gnu::always_inline]] inline void relax_body(T* __restrict target, const T* __restrict source,
                                              std::size_t length, T value) {
    for (std::size_t i = 0; i < length; ++i) {
        const T candidate = static_cast<T>(source[i] + value);
        target[i] = candidate > target[i] ? candidate : target[i];
    }
}

// As relax_body, and flags[i] = 1 where the candidate was strictly better.
template <class T>
[[gnu::always_inline]] inline void relax_flag_body(T* __restrict target, const T* __restrict source,
                                                   std::uint8_t* __restrict flags,
                                                   std::size_t length, T value) {
    for (std::size_t i = 0; i < length; ++i) {
        const T candidate = static_cast<T>(source[i] + value);
        const bool better = candidate > target[i];
        target[i] = better ? candidate : target[i];
        flags[i] = static_cast<std::uint8_t>(better);
    }
}

// Multi-versioned: the loader picks the AVX2 clone where the CPU has it (4 x int64 or 8 x
// int32 per instruction), SSE2 otherwise; no -march flag is needed.
__attribute__((target_clones("avx2", "default"))) void relax_vectorised(
    std::int64_t* __restrict target, const std::int64_t* __restrict source, std::size_t length,
    std::int64_t value) {
    relax_body(target, source, length, value);
}

__attribute__((target_clones("avx2", "default"))) void relax_vectorised(
    std::int32_t* __restrict target, const std::int32_t* __restrict source, std::size_t length,
    std::int32_t value) {
    relax_body(target, source, length, value);
}

__attribute__((target_clones("avx2", "default"))) void relax_flag_vectorised(
    std::int64_t* __restrict target, const std::int64_t* __restrict source,
    std::uint8_t* __restrict flags, std::size_t length, std::int64_t value) {
    relax_flag_body(target, source, flags, length, value);
}

__attribute__((target_clones("avx2", "default"))) void relax_flag_vectorised(
    std::int32_t* __restrict target, const std::int32_t* __restrict source,
    std::uint8_t* __restrict flags, std::size_t length, std::int32_t value) {
    relax_flag_body(target, source, flags, length, value);
}

// The benchmark's baseline: the same loops, compiled without vectorisation (one cell per
// instruction).
template <class T>
__attribute__((noinline, optimize("no-tree-vectorize"))) void relax_scalar(
    T* __restrict target, const T* __restrict source, std::size_t length, T value) {
    relax_body(target, source, length, value);
}

template <class T>
__attribute__((noinline, optimize("no-tree-vectorize"))) void relax_flag_scalar(
    T* __restrict target, const T* __restrict source, std::uint8_t* __restrict flags,
    std::size_t length, T value) {
    relax_flag_body(target, source, flags, length, value);
}

// Sets bit (first + i) of `bits` for every flags[i] == 1, eight flags per store where the
// bits are byte-aligned.
void pack_flags(const std::uint8_t* flags, std::size_t length, std::uint8_t* bits,
                std::size_t first) {
    std::size_t i = 0;
    auto set_one = [&](std::size_t k) {
        const std::size_t bit = first + k;
        bits[bit / 8] = static_cast<std::uint8_t>(bits[bit / 8] | (flags[k] << (bit % 8)));
    };
    for (; i < length && (first + i) % 8 != 0; ++i)
        set_one(i);
    if constexpr (std::endian::native == std::endian::little) {
        for (; i + 8 <= length; i += 8) {
            std::uint64_t eight = 0;
            std::memcpy(&eight, flags + i, 8);
            // Flag j sits at bit 8j; the product gathers bit 8j into bit 56 + j.
            bits[(first + i) / 8] |=
                static_cast<std::uint8_t>((eight * 0x0102040810204080ULL) >> 56);
        }
    }
    for (; i < length; ++i)
        set_one(i);
}

// The DP over one value type T (int32_t or int64_t).
template <class T>
class knapsack_dp {
  public:
    knapsack_dp(const knapsack_instance& instance, const knapsack_options& options,
                const std::vector<knapsack_piece>& pieces)
        : options_(options),
          pieces_(pieces),
          cells_(static_cast<std::size_t>(instance.capacity) + 1),
          exact_(instance.fill == knapsack_fill::exact) {}

    // Runs the passes; returns dp[capacity] (negative: no exact fill). `counts` gets the number
    // of copies of each item in an optimal selection when items are recovered.
    T run(std::vector<std::uint64_t>& counts) {
        if (options_.method == knapsack_method::table_2d) return run_2d(counts);
        return run_1d(counts);
    }

  private:
    static constexpr T unreachable = std::numeric_limits<T>::min();

    void init_row(T* row) const {
        std::fill(row, row + cells_, exact_ ? unreachable : T{0});
        row[0] = 0;
    }

    void relax(T* target, const T* source, std::size_t length, T value) {
        if (options_.tuning.kernel == detail::knapsack_kernel::vectorised) {
            relax_vectorised(target, source, length, value);
        } else {
            relax_scalar(target, source, length, value);
        }
    }

    void relax_flag(T* target, const T* source, std::size_t length, T value, std::uint8_t* bits,
                    std::size_t first_bit) {
        for (std::size_t done = 0; done < length; done += flag_chunk) {
            const std::size_t part = std::min(flag_chunk, length - done);
            if (options_.tuning.kernel == detail::knapsack_kernel::vectorised) {
                relax_flag_vectorised(target + done, source + done, flags_.data(), part, value);
            } else {
                relax_flag_scalar(target + done, source + done, flags_.data(), part, value);
            }
            pack_flags(flags_.data(), part, bits, first_bit + done);
        }
    }

    // One pass of `piece` over `row` in place (1d, or a 2d row already holding the previous
    // one); `bits` (may be null) receives a bit per capacity the piece improved.
    void pass_in_place(const knapsack_piece& piece, T* row, std::uint8_t* bits) {
        const auto weight = static_cast<std::size_t>(piece.weight);
        const auto value = static_cast<T>(piece.value);
        if (weight == 0) {  // a zero-weight 0-1 piece of positive value is always taken
            for (std::size_t c = 0; c < cells_; ++c)
                row[c] = static_cast<T>(row[c] + value);
            if (bits) std::fill(bits, bits + (cells_ + 7) / 8, std::uint8_t{0xff});
            return;
        }
        if (weight >= cells_) return;
        if (weight < block_min_weight) {
            pass_small_weight(piece, row, bits, weight, value);
            return;
        }
        // Blocks of at most `weight` cells: a block's sources lie outside it. 0-1 pieces go
        // down (sources not yet updated), complete items go up (sources already updated).
        if (piece.unlimited) {
            for (std::size_t start = weight; start < cells_; start += weight) {
                const std::size_t length = std::min(weight, cells_ - start);
                relax_block(row + start, row + start - weight, length, value, bits, start);
            }
        } else {
            for (std::size_t end = cells_; end > weight;) {
                const std::size_t start = std::max(weight, end - weight);
                relax_block(row + start, row + start - weight, end - start, value, bits, start);
                end = start;
            }
        }
    }

    void relax_block(T* target, const T* source, std::size_t length, T value, std::uint8_t* bits,
                     std::size_t first_bit) {
        if (bits) {
            relax_flag(target, source, length, value, bits, first_bit);
        } else {
            relax(target, source, length, value);
        }
    }

    // Light items: blocks would be too short to pay for a call, so one loop in order.
    void pass_small_weight(const knapsack_piece& piece, T* row, std::uint8_t* bits,
                           std::size_t weight, T value) {
        auto update = [&](std::size_t c) {
            const auto candidate = static_cast<T>(row[c - weight] + value);
            if (candidate > row[c]) {
                row[c] = candidate;
                if (bits) bits[c / 8] = static_cast<std::uint8_t>(bits[c / 8] | (1u << (c % 8)));
            }
        };
        if (piece.unlimited) {
            for (std::size_t c = weight; c < cells_; ++c)
                update(c);
        } else {
            for (std::size_t c = cells_ - 1; c >= weight; --c)
                update(c);
        }
    }

    T run_1d(std::vector<std::uint64_t>& counts) {
        std::vector<T> row(cells_);
        init_row(row.data());
        const std::size_t stride = (cells_ + 7) / 8;
        std::vector<std::uint8_t> bits;
        if (options_.recover_items) {
            bits.assign(pieces_.size() * stride, 0);
            flags_.resize(flag_chunk);
        }
        for (std::size_t p = 0; p < pieces_.size(); ++p) {
            pass_in_place(pieces_[p], row.data(),
                          options_.recover_items ? bits.data() + p * stride : nullptr);
        }
        const T best = row[cells_ - 1];
        if (!options_.recover_items || best < 0) return best;
        auto improved = [&](std::size_t p, std::size_t c) {
            return (bits[p * stride + c / 8] >> (c % 8)) & 1;
        };
        std::size_t c = cells_ - 1;
        for (std::size_t p = pieces_.size(); p-- > 0;) {
            const knapsack_piece& piece = pieces_[p];
            while (improved(p, c)) {
                counts[piece.item] += piece.multiplicity;
                c -= static_cast<std::size_t>(piece.weight);
                if (!piece.unlimited) break;
            }
        }
        return best;
    }

    T run_2d(std::vector<std::uint64_t>& counts) {
        const std::size_t rows = pieces_.size() + 1;
        std::vector<T> table(rows * cells_);
        init_row(table.data());
        for (std::size_t p = 0; p < pieces_.size(); ++p) {
            const knapsack_piece& piece = pieces_[p];
            const T* above = table.data() + p * cells_;
            T* row = table.data() + (p + 1) * cells_;
            std::copy(above, above + cells_, row);
            const auto weight = static_cast<std::size_t>(piece.weight);
            if (piece.unlimited || weight == 0 || weight < block_min_weight) {
                pass_in_place(piece, row, nullptr);
            } else if (weight < cells_) {  // a 0-1 piece reads only the row above
                relax(row + weight, above, cells_ - weight, static_cast<T>(piece.value));
            }
        }
        const T best = table[rows * cells_ - 1];
        if (!options_.recover_items || best < 0) return best;
        std::size_t c = cells_ - 1;
        for (std::size_t p = pieces_.size(); p-- > 0;) {
            const knapsack_piece& piece = pieces_[p];
            const T* above = table.data() + p * cells_;
            const T* row = table.data() + (p + 1) * cells_;
            // The row differs from the one above only where the piece was used.
            while (row[c] != above[c]) {
                counts[piece.item] += piece.multiplicity;
                c -= static_cast<std::size_t>(piece.weight);
                if (!piece.unlimited) break;
            }
        }
        return best;
    }

    const knapsack_options& options_;
    const std::vector<knapsack_piece>& pieces_;
    std::size_t cells_;
    bool exact_;
    std::vector<std::uint8_t> flags_;
};

template <class T>
knapsack_result solve_with(const knapsack_instance& instance, const knapsack_options& options,
                           const std::vector<knapsack_piece>& pieces) {
    knapsack_result result;
    result.value_bits = static_cast<int>(sizeof(T) * 8);
    std::vector<std::uint64_t> counts(options.recover_items ? instance.weights.size() : 0);
    knapsack_dp<T> dp(instance, options, pieces);
    const T best = dp.run(counts);
    if (best < 0) {
        result.status = knapsack_status::infeasible;
        return result;
    }
    result.best_value = static_cast<std::uint64_t>(best);
    for (std::size_t i = 0; i < counts.size(); ++i) {
        if (counts[i] == 0) continue;
        result.chosen.push_back({i, counts[i]});
        result.total_weight += counts[i] * instance.weights[i];
    }
    return result;
}

}  // namespace detail

knapsack_plan plan_knapsack(const knapsack_instance& instance, const knapsack_options& options) {
    return detail::plan_for(instance, options, detail::split_into_pieces(instance));
}

knapsack_result knapsack(const knapsack_instance& instance, const knapsack_options& options) {
    const detail::knapsack_pieces split = detail::split_into_pieces(instance);
    const knapsack_plan plan = detail::plan_for(instance, options, split);
    if (plan.status != knapsack_status::solved) {
        knapsack_result refused;
        refused.status = plan.status;
        return refused;
    }
    if (plan.value_bits == 32)
        return detail::solve_with<std::int32_t>(instance, options, split.pieces);
    return detail::solve_with<std::int64_t>(instance, options, split.pieces);
}

}  // namespace algojudge
