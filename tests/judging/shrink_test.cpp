#include "judging/shrink.hpp"

#include <doctest/doctest.h>

#include <chrono>

#include "problems/registry.hpp"

using namespace algojudge;

namespace {

auto far_future() {
    return std::chrono::steady_clock::now() + std::chrono::hours(1);
}

bool has_number_above(const json& value, std::int64_t bound) {
    if (value.is_number_integer()) return value.get<std::int64_t>() > bound;
    if (!value.is_structured()) return false;
    for (const json& child : value)
        if (has_number_above(child, bound)) return true;
    return false;
}

}  // namespace

TEST_CASE("shrink: an input that no longer fails when anything goes stays as it was") {
    const json input = {{"nums", {1, 2, 3}}};
    const shrink_result result = shrink_input(
        input, [&](const json& candidate) { return candidate == input; }, far_future());
    CHECK(result.input == input);
    CHECK(result.steps == 0);
    CHECK(result.tried > 0);
    CHECK_FALSE(result.out_of_time);
}

TEST_CASE("shrink: an empty array that fails is kept") {
    const json input = {{"nums", json::array()}};
    const shrink_result result = shrink_input(
        input, [](const json& candidate) { return candidate.contains("nums"); }, far_future());
    CHECK(result.input == input);
}

TEST_CASE("shrink: one element left, moved towards zero as far as it still fails") {
    const json input = {{"nums", {5, 9, 200, 3, 77, 150, -4}}};
    const shrink_result result = shrink_input(
        input, [](const json& candidate) { return has_number_above(candidate, 100); },
        far_future());
    CHECK(result.input == json{{"nums", {101}}});
    CHECK(result.steps > 0);
}

TEST_CASE("shrink: negative numbers and the ends of int64 move towards zero without overflow") {
    const json input = {{"low", INT64_MIN}, {"high", INT64_MAX}, {"big", UINT64_MAX}};
    const shrink_result result = shrink_input(
        input,
        [](const json& candidate) {
            return candidate.size() == 3 && candidate["low"].get<std::int64_t>() <= -1000 &&
                   candidate["high"].get<std::int64_t>() >= 7 &&
                   candidate["big"].get<std::uint64_t>() >= 3;
        },
        far_future());
    CHECK(result.input["low"] == -1000);
    CHECK(result.input["high"] == 7);
    CHECK(result.input["big"] == 3);
}

TEST_CASE("shrink: equal-length arrays of an object lose the same items together") {
    // As knapsack's weights and values: a candidate with lengths that differ is invalid.
    const json input = {{"weights", {4, 8, 1, 6}}, {"values", {3, 9, 2, 7}}, {"capacity", 10}};
    const shrink_result result = shrink_input(
        input,
        [](const json& candidate) {
            if (!candidate.contains("weights") || !candidate.contains("values")) return false;
            const json& weights = candidate["weights"];
            if (weights.size() != candidate["values"].size()) return false;
            for (const json& weight : weights)
                if (weight.get<std::int64_t>() >= 8) return true;
            return false;
        },
        far_future());
    CHECK(result.input == json{{"weights", {8}}, {"values", {0}}});
}

TEST_CASE("shrink: objects inside arrays are dropped, and their keys when allowed") {
    // As average-precision's boxes: drop detections, then keys a box can do without.
    const json input = {{"detections",
                         {{{"image", "a"}, {"score", 0.5}, {"difficult", true}},
                          {{"image", "b"}, {"score", 0.25}, {"difficult", true}},
                          {{"image", "c"}, {"score", 0.75}, {"difficult", false}}}}};
    const shrink_result result = shrink_input(
        input,
        [](const json& candidate) {
            if (!candidate.contains("detections")) return false;
            for (const json& box : candidate["detections"]) {
                if (!box.contains("image") || !box.contains("score")) return false;
                if (box["image"] == "b") return true;
            }
            return false;
        },
        far_future());
    CHECK(result.input == json{{"detections", {{{"image", "b"}, {"score", 0.0}}}}});
}

TEST_CASE("shrink: a deadline already past tries nothing and says so") {
    const json input = {{"nums", {1, 2, 3}}};
    std::size_t calls = 0;
    const shrink_result result = shrink_input(
        input,
        [&](const json&) {
            ++calls;
            return true;
        },
        std::chrono::steady_clock::now() - std::chrono::seconds(1));
    CHECK(result.input == input);
    CHECK(calls == 0);
    CHECK(result.out_of_time);
}

TEST_CASE("shrink: average-precision loses boxes, every step valid for the problem") {
    const problem& chosen = problem_named("average-precision", "");
    generator_settings settings(*chosen.case_generator);
    settings.set("detections", "30");
    settings.set("ground-truth", "20");
    prng random(5);
    const json input = chosen.case_generator->generate(settings, random);
    // "Fails" while the problem accepts the input and a detection of class01 is left.
    const auto fails = [&](const json& candidate) {
        try {
            chosen.solve(candidate, solve_options{});
        } catch (const std::exception&) {
            return false;
        }
        for (const json& detection : candidate.at("detections"))
            if (detection.at("class") == "class01") return true;
        return false;
    };
    REQUIRE(fails(input));
    const shrink_result result = shrink_input(input, fails, far_future());
    CHECK(fails(result.input));
    CHECK(result.input.at("ground_truth").empty());
    CHECK(result.input.at("detections").size() == 1);
}
