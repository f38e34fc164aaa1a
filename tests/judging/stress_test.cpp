#include "judging/stress.hpp"

#include <doctest/doctest.h>

#include <algorithm>

#include "problems/registry.hpp"

using namespace algojudge;

TEST_CASE("stress settings: sizes start tiny, stay within their bounds, choices vary") {
    stress_settings settings;
    settings.chosen = &problem_named("max-gap", "");
    settings.given = {{"n", "40"}};
    std::int64_t largest_early = 0;
    std::int64_t largest = 0;
    bool shapes_vary = false;
    const std::string first_shape(stress_case_settings(settings, 0).choice("shape"));
    for (std::uint64_t number = 0; number < 300; ++number) {
        const generator_settings values = stress_case_settings(settings, number);
        const std::int64_t n = values.integer("n");
        CHECK(n >= 0);
        CHECK(n <= 40);
        if (number < 5) largest_early = std::max(largest_early, n);
        largest = std::max(largest, n);
        shapes_vary = shapes_vary || values.choice("shape") != first_shape;
    }
    CHECK(largest_early <= 2);
    CHECK(largest > 30);
    CHECK(shapes_vary);
    // The same seed and number give the same settings; a given choice stays fixed.
    settings.given.push_back({"shape", "extremes"});
    for (std::uint64_t number = 0; number < 20; ++number)
        CHECK(stress_case_settings(settings, number).choice("shape") == "extremes");
    CHECK(stress_case_settings(settings, 7).integer("n") ==
          stress_case_settings(settings, 7).integer("n"));
}
