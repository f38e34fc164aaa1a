#include "support/byte_size.hpp"

#include <doctest/doctest.h>

using algojudge::format_byte_size;

TEST_CASE("byte sizes in words") {
    CHECK(format_byte_size(0) == "0 B");
    CHECK(format_byte_size(1023) == "1023 B");
    CHECK(format_byte_size(1024) == "1.0 KiB");
    CHECK(format_byte_size(83148) == "81.2 KiB");
    CHECK(format_byte_size(std::uint64_t{1} << 30) == "1.0 GiB");
    CHECK(format_byte_size(4125004141) == "3.8 GiB");
    CHECK(format_byte_size(UINT64_MAX) == "16.0 EiB");
}
