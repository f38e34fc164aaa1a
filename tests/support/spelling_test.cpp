#include "support/spelling.hpp"

#include <doctest/doctest.h>

#include <array>
#include <string_view>

using namespace algojudge;

TEST_CASE("edit_distance counts single-byte edits") {
    CHECK(edit_distance("", "") == 0);
    CHECK(edit_distance("verfy", "verify") == 1);
    CHECK(edit_distance("abc", "") == 3);
}

TEST_CASE("closest_name suggests only plausible typos") {
    constexpr std::array<std::string_view, 4> commands = {"list", "run", "verify", "ap"};
    CHECK(closest_name("verfy", commands) == "verify");
    CHECK(closest_name("rnu", commands) == "run");
    CHECK(closest_name("frobnicate", commands).empty());
    CHECK(closest_name("x", std::span<const std::string_view>()).empty());
}
