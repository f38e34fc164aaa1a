#include "judging/generated_cases.hpp"

#include <doctest/doctest.h>

#include <string>

#include "problems/registry.hpp"

using namespace algojudge;

namespace {

std::string line_for(std::string_view name, std::uint64_t seed,
                     const std::vector<std::pair<std::string, std::string>>& options) {
    const problem& chosen = problem_named(name, "");
    generator_settings settings(*chosen.case_generator);
    for (const auto& [option, text] : options)
        settings.set(option, text);
    return case_line(chosen, generate_case(chosen, settings, seed, solve_options{}));
}

}  // namespace

// Pinned bytes: the same options and seed must give these on every machine and standard
// library (docs/gen.md). A change here changes every generated case: say so in the commit.
TEST_CASE("generated cases: pinned bytes for fixed seeds") {
    CHECK(
        line_for("max-gap", 1, {{"n", "5"}}) ==
        R"({"problem":"max-gap","name":"max-gap-seed1","input":{"nums":[406,41,148,-217,395]},"expected":{"between":[-217,41],"max_gap":258}})");
    CHECK(
        line_for("max-gap", 2, {{"n", "5"}}) ==
        R"({"problem":"max-gap","name":"max-gap-seed2","input":{"nums":[-796,451,-632,496,372]},"expected":{"between":[-632,372],"max_gap":1004}})");
    CHECK(
        line_for("combination-sum", 1, {}) ==
        R"({"problem":"combination-sum","name":"combination-sum-seed1","input":{"candidates":[8,6,6,4,7,2],"reuse":false,"target":15},"expected":{"combinations":[[2,6,7],[7,8]],"count":2,"truncated":false}})");
    CHECK(
        line_for("knapsack", 1, {{"kind", "bounded"}}) ==
        R"({"problem":"knapsack","name":"knapsack-seed1","input":{"capacity":50,"counts":[2,0,4,4,2,2,2,1],"fill":"at-most","kind":"bounded","values":[52,70,38,94,67,8,6,61],"weights":[15,8,2,12,19,18,1,10]},"expected":{"best_value":446,"chosen":[{"count":4,"item":2},{"count":3,"item":3},{"count":2,"item":6}],"total_weight":46}})");
    CHECK(
        line_for("average-precision", 3,
                 {{"images", "1"}, {"classes", "1"}, {"ground-truth", "1"}, {"detections", "2"}}) ==
        R"({"problem":"average-precision","name":"average-precision-seed3","input":{"detections":[{"bbox":[466.0,448.0,744.0,655.0],"class":"class00","image":"img000000","score":0.4799},{"bbox":[403.3,264.4,474.7,430.3],"class":"class00","image":"img000000","score":0.2154}],"ground_truth":[{"bbox":[394.0,254.0,465.0,418.0],"class":"class00","difficult":false,"image":"img000000"}],"iou_threshold":0.5},"expected":{"classes":{"class00":{"ap_101point":0.5,"ap_11point":0.5,"ap_area":0.5,"fp":1,"num_detections":2,"num_difficult":0,"num_gt":1,"tp":1}},"map_101point":0.5,"map_11point":0.5,"map_area":0.5}})");
}

TEST_CASE("generated cases: name from the seed, the same case again from the same seed") {
    const problem& chosen = problem_named("max-gap", "");
    const generator_settings settings(*chosen.case_generator);
    const generated_case a = generate_case(chosen, settings, 42, solve_options{});
    const generated_case b = generate_case(chosen, settings, 42, solve_options{});
    CHECK(a.name == "max-gap-seed42");
    CHECK(a.input == b.input);
    CHECK(a.expected == b.expected);
    CHECK(generate_case(chosen, settings, 43, solve_options{}).input != a.input);
}

TEST_CASE("generated cases: a solver's limit error names the generated case") {
    const problem& chosen = problem_named("knapsack", "");
    generator_settings settings(*chosen.case_generator);
    settings.set("capacity", "10000000");
    settings.set("n", "10000");
    settings.set("max-weight", "1");
    solve_options small;
    small.memory_limit_bytes = 1 << 20;
    CHECK_THROWS_AS(generate_case(chosen, settings, 1, small), input_error);
    try {
        generate_case(chosen, settings, 1, small);
    } catch (const input_error& e) {
        CHECK(std::string(e.what()).starts_with("generated case \"knapsack-seed1\": input"));
    }
}
