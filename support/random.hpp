// Description: the one pseudo-random generator of algojudge's case generators: xoshiro256**
// (Blackman and Vigna, 2018) seeded by four outputs of splitmix64, with our own reductions to
// ranges. Every step is integer arithmetic (doubles are exact multiples of 2^-53), so a seed
// gives the same numbers on every machine, compiler and standard library; std::*_distribution
// is not specified bit for bit and differs between libstdc++ and libc++. Reference: docs/gen.md.
// Time: O(1) per number (bounded integers: an expected < 2 draws, by Lemire's rejection).
// Status: first outputs pinned against the published reference code in
// tests/support/random_test.cpp.
#pragma once

#include <array>
#include <cstdint>

namespace algojudge {

// splitmix64 (Steele, Lea and Flood): advances `state` by the golden gamma and mixes it.
std::uint64_t splitmix64(std::uint64_t& state);

class prng {
  public:
    // State words: four successive splitmix64 outputs from `seed`.
    explicit prng(std::uint64_t seed);
    // A given state (not all zero), as the reference code's test vectors start from.
    explicit prng(const std::array<std::uint64_t, 4>& state) : state_(state) {}

    // The next xoshiro256** output: 64 uniform bits.
    std::uint64_t next();

    // Uniform in [0, bound), bound >= 1, by Lemire's multiply-and-reject (no modulo bias).
    // **Example** `random.below(6)` is a die roll from 0 to 5.
    std::uint64_t below(std::uint64_t bound);
    // Uniform in [low, high], both included; any int64 range, even the whole one.
    std::int64_t between(std::int64_t low, std::int64_t high);
    // Uniform in [0, 1): the top 53 bits times 2^-53.
    double unit();
    // True with probability `p` (0 never, 1 always).
    bool chance(double p);

  private:
    std::array<std::uint64_t, 4> state_{};
};

}  // namespace algojudge
