#include "support/worker_count.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <limits>

using algojudge::worker_count;

TEST_CASE("worker count: 0 is one per core") {
    CHECK(worker_count(0, 1000, 2) == 2);
    CHECK(worker_count(0, 1000, 8) == 8);
    CHECK(worker_count(0, 1000, 0) == 1);
}

TEST_CASE("worker count: never more than the tasks, and at least one") {
    CHECK(worker_count(8, 3, 8) == 3);
    CHECK(worker_count(0, 1, 8) == 1);
    CHECK(worker_count(5, 0, 8) == 1);
}

TEST_CASE("worker count: a few per core at most, 16 on small machines") {
    CHECK(worker_count(100000, 1000000, 2) == 16);
    CHECK(worker_count(100000, 1000000, 8) == 32);
    CHECK(worker_count(std::numeric_limits<unsigned>::max(),
                       std::numeric_limits<std::uint64_t>::max(), 1) == 16);
    CHECK(worker_count(7, 1000, 2) == 7);
}
