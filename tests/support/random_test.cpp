#include "support/random.hpp"

#include <cstdint>
#include <vector>

#include <doctest/doctest.h>

using namespace algojudge;

TEST_CASE("splitmix64: the reference outputs from state 0") {
    // Java's SplittableRandom and Vigna's splitmix64.c give these for seed 0.
    std::uint64_t state = 0;
    CHECK(splitmix64(state) == 0xe220a8397b1dcdafULL);
    CHECK(splitmix64(state) == 0x6e789e6aa1b965f4ULL);
    CHECK(splitmix64(state) == 0x06c45d188009454fULL);
    CHECK(splitmix64(state) == 0xf88bb8a8724c81ecULL);
}

TEST_CASE("xoshiro256**: the reference outputs from state {1, 2, 3, 4}") {
    // The test vector of Vigna's xoshiro256starstar.c, also used by Rust's rand_xoshiro.
    prng random(std::array<std::uint64_t, 4>{1, 2, 3, 4});
    const std::vector<std::uint64_t> expected = {11520ULL,
                                                 0ULL,
                                                 1509978240ULL,
                                                 1215971899390074240ULL,
                                                 1216172134540287360ULL,
                                                 607988272756665600ULL,
                                                 16172922978634559625ULL,
                                                 8476171486693032832ULL,
                                                 10595114339597558777ULL,
                                                 2904607092377533576ULL};
    for (std::uint64_t value : expected)
        CHECK(random.next() == value);
}

TEST_CASE("prng(seed): seeded by splitmix64, first outputs pinned for seed 1") {
    prng random(1);
    // Pinned: any change to seeding or stepping changes every generated case.
    CHECK(random.next() == 0xb3f2af6d0fc710c5ULL);
    CHECK(random.next() == 0x853b559647364ceaULL);
    prng same(1);
    prng other(2);
    CHECK(same.next() != other.next());
}

TEST_CASE("below: bound 1 is always 0, values stay under the bound, small bounds are fair") {
    prng random(7);
    for (int i = 0; i < 100; ++i)
        CHECK(random.below(1) == 0);
    std::vector<int> counts(6);
    for (int i = 0; i < 60000; ++i) {
        const std::uint64_t roll = random.below(6);
        REQUIRE(roll < 6);
        ++counts[roll];
    }
    for (int count : counts)
        CHECK((count > 9500 && count < 10500));
    // A bound just above 2^63 rejects almost half the draws; results still stay under it.
    const std::uint64_t big = (std::uint64_t{1} << 63) + 1;
    for (int i = 0; i < 1000; ++i)
        CHECK(random.below(big) < big);
}

TEST_CASE("between: inclusive ends, single values and the whole int64 range") {
    prng random(3);
    CHECK(random.between(5, 5) == 5);
    CHECK(random.between(INT64_MIN, INT64_MIN) == INT64_MIN);
    bool saw_low = false;
    bool saw_high = false;
    for (int i = 0; i < 1000; ++i) {
        const std::int64_t value = random.between(-2, 1);
        REQUIRE((value >= -2 && value <= 1));
        saw_low = saw_low || value == -2;
        saw_high = saw_high || value == 1;
    }
    CHECK(saw_low);
    CHECK(saw_high);
    bool saw_negative = false;
    for (int i = 0; i < 100; ++i)
        saw_negative = saw_negative || random.between(INT64_MIN, INT64_MAX) < 0;
    CHECK(saw_negative);
}

TEST_CASE("unit and chance: in 0 <= x < 1, chance(0) never, chance(1) always") {
    prng random(11);
    double sum = 0;
    for (int i = 0; i < 10000; ++i) {
        const double value = random.unit();
        REQUIRE((value >= 0.0 && value < 1.0));
        sum += value;
        CHECK_FALSE(random.chance(0.0));
        CHECK(random.chance(1.0));
    }
    CHECK((sum / 10000 > 0.48 && sum / 10000 < 0.52));
}
