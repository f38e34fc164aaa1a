#include "support/random.hpp"

#include <cassert>

namespace algojudge {

namespace {

constexpr std::uint64_t rotate_left(std::uint64_t x, int k) {
    return (x << k) | (x >> (64 - k));
}

}  // namespace

std::uint64_t splitmix64(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
    z = (z ^ (z >> 27)) * 0x94d049bb133111eb;
    return z ^ (z >> 31);
}

prng::prng(std::uint64_t seed) {
    for (std::uint64_t& word : state_)
        word = splitmix64(seed);
}

std::uint64_t prng::next() {
    const std::uint64_t result = rotate_left(state_[1] * 5, 7) * 9;
    const std::uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = rotate_left(state_[3], 45);
    return result;
}

std::uint64_t prng::below(std::uint64_t bound) {
    assert(bound >= 1);
    // Lemire (2019): the high word of x * bound is uniform once the low words that would give
    // some results one extra chance (those below 2^64 mod bound) are rejected.
    unsigned __int128 product = static_cast<unsigned __int128>(next()) * bound;
    auto low = static_cast<std::uint64_t>(product);
    if (low < bound) {
        const std::uint64_t threshold = (0 - bound) % bound;  // 2^64 mod bound
        while (low < threshold) {
            product = static_cast<unsigned __int128>(next()) * bound;
            low = static_cast<std::uint64_t>(product);
        }
    }
    return static_cast<std::uint64_t>(product >> 64);
}

std::int64_t prng::between(std::int64_t low, std::int64_t high) {
    assert(low <= high);
    // The span high - low + 1 in unsigned arithmetic; 0 means the whole 2^64 range.
    const std::uint64_t span = static_cast<std::uint64_t>(high) - static_cast<std::uint64_t>(low);
    const std::uint64_t offset = span == UINT64_MAX ? next() : below(span + 1);
    return static_cast<std::int64_t>(static_cast<std::uint64_t>(low) + offset);
}

double prng::unit() {
    return static_cast<double>(next() >> 11) * 0x1.0p-53;
}

bool prng::chance(double p) {
    return unit() < p;
}

}  // namespace algojudge
