#include "problems/generator.hpp"

#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "judging/case_files.hpp"
#include "judging/generated_cases.hpp"
#include "judging/run_case.hpp"
#include "problems/max_gap.hpp"
#include "problems/registry.hpp"
#include "support/errors.hpp"

using namespace algojudge;

TEST_CASE("generator_settings: defaults, set values, every usage error names the option") {
    generator_settings settings(max_gap_generator);
    CHECK(settings.integer("n") == 10);
    CHECK(settings.choice("shape") == "uniform");
    settings.set("n", "0");
    CHECK(settings.integer("n") == 0);
    settings.set("min", "-9223372036854775808");
    CHECK(settings.integer("min") == INT64_MIN);
    CHECK_THROWS_WITH_AS(settings.set("n", "-1"),
                         "--n: expected an integer from 0 to 1000000, got \"-1\"", usage_error);
    CHECK_THROWS_WITH_AS(settings.set("n", "5x"),
                         "--n: expected an integer from 0 to 1000000, got \"5x\"", usage_error);
    CHECK_THROWS_WITH_AS(settings.set("n", ""),
                         "--n: expected an integer from 0 to 1000000, got \"\"", usage_error);
    CHECK_THROWS_WITH_AS(
        settings.set("shape", "round"),
        "--shape: expected one of uniform|clustered|duplicates|progression|extremes, got \"round\"",
        usage_error);
    CHECK_THROWS_WITH_AS(settings.set("capacity", "3"),
                         "--capacity: not an option of this generator", usage_error);
    CHECK(settings.integer("n") == 0);  // a rejected value leaves the earlier one
}

TEST_CASE("generator_settings: fractions and flags") {
    const problem& ap = problem_named("average-precision", "");
    generator_settings settings(*ap.case_generator);
    CHECK(settings.fraction("difficult") == 0.1);
    settings.set("ties", "1");
    CHECK(settings.fraction("ties") == 1.0);
    CHECK_THROWS_WITH_AS(settings.set("ties", "1.5"),
                         "--ties: expected a number from 0 to 1, got \"1.5\"", usage_error);
    const problem& sums = problem_named("combination-sum", "");
    generator_settings flags(*sums.case_generator);
    CHECK_FALSE(flags.flag("reuse"));
    flags.set("reuse", "true");
    CHECK(flags.flag("reuse"));
    CHECK_THROWS_WITH_AS(flags.set("reuse", "yes"), "--reuse: expected true or false, got \"yes\"",
                         usage_error);
}

TEST_CASE("every problem has a generator whose defaults are valid values") {
    for (const problem& entry : all_problems()) {
        CAPTURE(entry.name);
        REQUIRE(entry.case_generator != nullptr);
        REQUIRE(!entry.case_generator->options.empty());
        std::set<std::string_view> names;
        for (const generator_option& option : entry.case_generator->options) {
            CHECK(names.insert(option.name).second);
            CHECK(!option.help.empty());
        }
        CHECK_NOTHROW(generator_settings{*entry.case_generator});
    }
}

TEST_CASE("max-gap generator: --min above --max is a usage error; n = 0 and one value") {
    generator_settings settings(max_gap_generator);
    settings.set("min", "5");
    settings.set("max", "4");
    prng random(1);
    CHECK_THROWS_WITH_AS(max_gap_generator.generate(settings, random),
                         "--min (5) is greater than --max (4)", usage_error);
    settings.set("max", "5");
    settings.set("n", "3");
    for (std::string_view shape :
         {"uniform", "clustered", "duplicates", "progression", "extremes"}) {
        settings.set("shape", shape);
        CHECK(max_gap_generator.generate(settings, random) == json{{"nums", {5, 5, 5}}});
    }
    settings.set("n", "0");
    CHECK(max_gap_generator.generate(settings, random) == json{{"nums", json::array()}});
}

TEST_CASE("max-gap generator: every shape stays in range, even over the whole int64 range") {
    generator_settings settings(max_gap_generator);
    const std::pair<std::string, std::string> ranges[] = {
        {"-1000", "1000"}, {"-9223372036854775808", "9223372036854775807"}, {"0", "1"}};
    for (const auto& [low, high] : ranges) {
        settings.set("min", low);
        settings.set("max", high);
        settings.set("n", "50");
        for (std::string_view shape :
             {"uniform", "clustered", "duplicates", "progression", "extremes"}) {
            settings.set("shape", shape);
            for (std::uint64_t seed = 1; seed <= 20; ++seed) {
                prng random(seed);
                const json input = max_gap_generator.generate(settings, random);
                REQUIRE(input["nums"].size() == 50);
                for (const json& value : input["nums"]) {
                    CHECK(value.get<std::int64_t>() >= std::stoll(low));
                    CHECK(value.get<std::int64_t>() <= std::stoll(high));
                }
            }
        }
    }
}

namespace {

// Generates `seeds` cases with `options` set, writes them as case text, reads them back as
// `verify` does and judges each: every one must pass.
void check_generated_cases_pass(std::string_view name,
                                const std::vector<std::pair<std::string, std::string>>& options,
                                std::uint64_t seeds) {
    const problem& chosen = problem_named(name, "");
    generator_settings settings(*chosen.case_generator);
    for (const auto& [option, text] : options)
        settings.set(option, text);
    const solve_options limits;
    std::string text;
    for (std::uint64_t seed = 1; seed <= seeds; ++seed) {
        text += case_line(chosen, generate_case(chosen, settings, seed, limits)) + "\n";
    }
    const std::vector<test_case> cases = parse_case_text(text, "generated.jsonl", true);
    REQUIRE(cases.size() == seeds);
    for (const test_case& c : cases) {
        const case_outcome outcome = judge_case(c, limits);
        CAPTURE(c.name);
        CAPTURE(outcome.message);
        CHECK(outcome.status == case_status::passed);
        CHECK(outcome.checked);
    }
}

}  // namespace

TEST_CASE("generated max-gap cases pass verify, every shape and size") {
    for (std::string_view shape :
         {"uniform", "clustered", "duplicates", "progression", "extremes"}) {
        for (std::string_view n : {"0", "1", "2", "7", "100"}) {
            CAPTURE(shape);
            CAPTURE(n);
            check_generated_cases_pass("max-gap",
                                       {{"shape", std::string(shape)}, {"n", std::string(n)}}, 25);
            check_generated_cases_pass("max-gap",
                                       {{"shape", std::string(shape)},
                                        {"n", std::string(n)},
                                        {"min", "-9223372036854775808"},
                                        {"max", "9223372036854775807"}},
                                       10);
        }
    }
}

TEST_CASE("generated combination-sum cases pass verify, with and without reuse and k") {
    for (std::string_view reuse : {"false", "true"}) {
        for (std::string_view k : {"-1", "0", "2", "4"}) {
            CAPTURE(reuse);
            CAPTURE(k);
            check_generated_cases_pass("combination-sum",
                                       {{"reuse", std::string(reuse)}, {"k", std::string(k)}}, 40);
        }
    }
    check_generated_cases_pass("combination-sum", {{"candidates", "0"}}, 5);
    check_generated_cases_pass("combination-sum", {{"target", "0"}}, 5);
    check_generated_cases_pass(
        "combination-sum",
        {{"candidates", "12"}, {"max-candidate", "4"}, {"target", "30"}, {"reuse", "true"}}, 10);
}

TEST_CASE("generated knapsack cases pass verify, every kind and fill") {
    for (std::string_view kind : {"0-1", "complete", "bounded"}) {
        for (std::string_view fill : {"at-most", "exact"}) {
            CAPTURE(kind);
            CAPTURE(fill);
            check_generated_cases_pass(
                "knapsack", {{"kind", std::string(kind)}, {"fill", std::string(fill)}}, 40);
            check_generated_cases_pass(
                "knapsack", {{"kind", std::string(kind)}, {"fill", std::string(fill)}, {"n", "0"}},
                3);
            check_generated_cases_pass("knapsack",
                                       {{"kind", std::string(kind)},
                                        {"fill", std::string(fill)},
                                        {"n", "30"},
                                        {"capacity", "500"},
                                        {"max-value", "1000000000"}},
                                       5);
        }
    }
}

TEST_CASE("generated average-precision cases pass verify, with ties, difficult and empties") {
    check_generated_cases_pass("average-precision", {}, 40);
    check_generated_cases_pass("average-precision", {{"ties", "1"}, {"difficult", "1"}}, 10);
    check_generated_cases_pass("average-precision", {{"ground-truth", "0"}}, 5);
    check_generated_cases_pass("average-precision", {{"detections", "0"}}, 5);
    check_generated_cases_pass(
        "average-precision",
        {{"images", "20"}, {"classes", "5"}, {"ground-truth", "300"}, {"detections", "600"}}, 3);
}
