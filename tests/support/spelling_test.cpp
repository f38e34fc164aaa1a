#include "support/spelling.hpp"

#include <doctest/doctest.h>

#include <array>
#include <string_view>
#include <vector>

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

TEST_CASE("loose_name folds case, spacing and leading zeros") {
    CHECK(loose_name("Traffic_Light") == "trafficlight");
    CHECK(loose_name("traffic light") == "trafficlight");
    CHECK(loose_name("000001") == "1");
    CHECK(loose_name("0") == "0");
    CHECK(loose_name("000") == "0");
    CHECK(loose_name("IMG_0007.a01") == "img7.a1");
    CHECK(loose_name("") == "");
}

TEST_CASE("nearest_names puts the same name written otherwise first") {
    constexpr std::array<std::string_view, 4> classes = {"dog", "cow", "cat", "car"};
    CHECK(nearest_names("Cat", classes, 2) == std::vector<std::string_view>{"cat", "car"});
    CHECK(nearest_names("Cat", classes, 9).size() == 4);
    CHECK(nearest_names("Cat", classes, 0).empty());
    // "000010" and "10" are equal loosely though "000001" is nearer by edits.
    constexpr std::array<std::string_view, 3> images = {"000001", "000010", "000100"};
    CHECK(nearest_names("10", images, 1) == std::vector<std::string_view>{"000010"});
    CHECK(nearest_names("x", std::span<const std::string_view>(), 3).empty());
}
