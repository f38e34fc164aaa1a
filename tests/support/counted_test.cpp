#include "support/counted.hpp"

#include <doctest/doctest.h>

using algojudge::counted;

TEST_CASE("counted: zero and many take the plural, one the singular") {
    CHECK(counted(0, "file") == "0 files");
    CHECK(counted(1, "file") == "1 file");
    CHECK(counted(12, "file") == "12 files");
    CHECK(counted(1, "class", "classes") == "1 class");
    CHECK(counted(3, "class", "classes") == "3 classes");
    CHECK(counted(0, "class", "classes") == "0 classes");
}
