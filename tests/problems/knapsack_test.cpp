#include "problems/knapsack.hpp"
#include "algorithms/knapsack.hpp"

#include <any>
#include <functional>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "json_layout_fixtures.hpp"
#include "problems/registry.hpp"

namespace algojudge {

namespace {

json solve_text(const char* text, std::uint64_t memory = std::uint64_t{1} << 30) {
    solve_options options;
    options.memory_limit_bytes = memory;
    return solve_knapsack(json::parse(text), options);
}

std::string error_of(const char* text, std::uint64_t memory = std::uint64_t{1} << 30) {
    try {
        solve_text(text, memory);
    } catch (const input_error& e) {
        return std::string(e.what());
    }
    return "no error";
}

}  // namespace

TEST_CASE("knapsack problem: issue example") {
    const json output = solve_text(
        R"({"kind": "0-1", "capacity": 10, "weights": [5, 4, 6, 3], "values": [10, 40, 30, 50],
            "method": "both", "fill": "at-most"})");
    CHECK(output == json::parse(R"({"best_value": 90, "total_weight": 7,
        "chosen": [{"item": 1, "count": 1}, {"item": 3, "count": 1}]})"));
    const json exact = solve_text(
        R"({"kind": "complete", "capacity": 7, "weights": [2, 4], "values": [1, 1],
            "fill": "exact", "method": "2d"})");
    CHECK(exact == json::parse(R"({"best_value": null, "total_weight": 0, "chosen": []})"));
}

TEST_CASE("knapsack problem: bad input names the JSON path") {
    CHECK(error_of(R"({"capacity": 1, "weights": [], "values": []})") ==
          "input: missing field \"kind\"");
    CHECK(error_of(R"({"kind": "0/1", "capacity": 1, "weights": [], "values": []})") ==
          "input.kind: expected \"0-1\", \"complete\" or \"bounded\", got \"0/1\"");
    CHECK(error_of(R"({"kind": "0-1", "capacity": -1, "weights": [], "values": []})") ==
          "input.capacity: expected a non-negative integer, got -1");
    CHECK(
        error_of(R"({"kind": "0-1", "capacity": 9, "weights": [1, 2, -4], "values": [1, 2, 3]})") ==
        "input.weights[2]: expected a non-negative integer, got -4");
    CHECK(error_of(R"({"kind": "0-1", "capacity": 9, "weights": [1, 2], "values": [1]})") ==
          "input.values: expected 2 values (one per weight), got 1");
    CHECK(error_of(R"({"kind": "bounded", "capacity": 9, "weights": [1], "values": [1]})") ==
          "input: missing field \"counts\"");
    CHECK(error_of(R"({"kind": "bounded", "capacity": 9, "weights": [1], "values": [1],
                       "counts": [1, 2]})") ==
          "input.counts: expected 1 counts (one per weight), got 2");
    CHECK(error_of(R"({"kind": "0-1", "capacity": 9, "weights": [1], "values": [1],
                       "counts": [1]})") ==
          "input.counts: only a \"bounded\" knapsack takes counts");
    CHECK(error_of(R"({"kind": "0-1", "capacity": 9, "weights": [], "values": [], "size": 1})")
              .starts_with("input.size: unknown field"));
    CHECK(error_of(R"({"kind": "0-1", "capacity": 9, "weights": [], "values": [],
                       "method": "3d"})") ==
          "input.method: expected \"1d\", \"2d\" or \"both\", got \"3d\"");
    CHECK(error_of(R"({"kind": "0-1", "capacity": 9, "weights": [], "values": [],
                       "fill": "full"})") ==
          "input.fill: expected \"at-most\" or \"exact\", got \"full\"");
    const std::string unbounded =
        error_of(R"({"kind": "complete", "capacity": 9, "weights": [1, 0], "values": [1, 3]})");
    CHECK(unbounded.starts_with("input.weights[1]: item 1 weighs 0 and is worth 3"));
    CHECK(unbounded.find("unbounded") != std::string::npos);
    CHECK(error_of(R"({"kind": "0-1", "capacity": 2, "weights": [1, 1],
                       "values": [5000000000000000000, 5000000000000000000]})")
              .starts_with("input.values: the values of a selection that fits could add up"));
}

TEST_CASE("knapsack problem: memory limit refuses before allocating") {
    const char* big = R"({"kind": "0-1", "capacity": 1000000, "weights": [1, 2, 3],
                          "values": [1, 2, 3], "method": "2d"})";
    const std::string message = error_of(big, 1 << 20);
    CHECK(message.starts_with("input.capacity: the \"2d\" method needs 16000136 bytes (15.3 MiB)"));
    CHECK(message.find("memory limit of 1048576 bytes (1.0 MiB)") != std::string::npos);
    CHECK(message.find("\"1d\"") != std::string::npos);
    CHECK(error_of(R"({"kind": "0-1", "capacity": 4000000000000000000, "weights": [1],
                       "values": [1]})")
              .find("use a smaller capacity") != std::string::npos);
    // AtCoder EDPC D sample 2: W = 1e9 needs a 4 GB row, over the default 1 GiB.
    CHECK(error_of(R"({"kind": "0-1", "capacity": 1000000000, "weights": [1000000000],
                       "values": [1000000000]})")
              .starts_with("input.capacity: the \"1d\" method needs 4125004141 bytes (3.8 GiB)"));
    // 1d fits in the same budget (one row and a bitset).
    CHECK(solve_text(R"({"kind": "0-1", "capacity": 100000, "weights": [1, 2, 3],
                         "values": [1, 2, 3]})",
                     1 << 20)["best_value"] == 6);
}

namespace {

check_result check_text(const char* input, const char* expected, const char* actual) {
    const json in = json::parse(input);
    const json want = json::parse(expected);
    const json got = json::parse(actual);
    const json tolerance;
    return check_knapsack({in, want, got, tolerance});
}

const char* const bounded_input =
    R"({"kind": "bounded", "capacity": 10, "weights": [5, 4, 3], "values": [10, 40, 50],
        "counts": [1, 2, 1]})";

}  // namespace

TEST_CASE("knapsack checker") {
    SUBCASE("the expected chosen items are not compared") {
        const check_result r = check_text(
            bounded_input,
            R"({"best_value": 90, "total_weight": 5, "chosen": [{"item": 0, "count": 1}]})",
            R"({"best_value": 90, "total_weight": 7,
                           "chosen": [{"item": 1, "count": 1}, {"item": 2, "count": 1}]})");
        CHECK(r.outcome == verdict::accepted);
    }
    const char* want = R"({"best_value": 90})";
    auto verdict_of = [&](const char* actual) { return check_text(bounded_input, want, actual); };
    CHECK(verdict_of(R"({"best_value": 90, "total_weight": 7,
                        "chosen": [{"item": 1, "count": 1}, {"item": 2, "count": 1}]})")
              .outcome == verdict::accepted);
    CHECK(
        verdict_of(R"({"best_value": 80, "total_weight": 8, "chosen": [{"item": 1, "count": 2}]})")
            .message == "best_value: expected 90, got 80");
    CHECK(
        verdict_of(R"({"best_value": 90, "total_weight": 7, "chosen": [{"item": 3, "count": 1}]})")
            .message == "chosen[0].item: 3 is not an item index (there are 3 items)");
    CHECK(
        verdict_of(R"({"best_value": 90, "total_weight": 7, "chosen": [{"item": 2, "count": 2}]})")
            .message == "chosen[0].count: item 2 may be taken at most 1 time, got 2");
    CHECK(verdict_of(R"({"best_value": 90, "total_weight": 7,
                        "chosen": [{"item": 2, "count": 1}, {"item": 1, "count": 1}]})")
              .message ==
          "chosen[1].item: items must be listed once each in increasing order, got 1 after 2");
    CHECK(
        verdict_of(R"({"best_value": 90, "total_weight": 8, "chosen": [{"item": 1, "count": 2}]})")
            .message == "chosen: the items are worth 80, not best_value 90");
    CHECK(verdict_of(R"({"best_value": 90, "total_weight": 9,
                        "chosen": [{"item": 1, "count": 1}, {"item": 2, "count": 1}]})")
              .message == "total_weight: expected 7 (the weight of chosen), got 9");
    // The certificate is optional; when given, it is checked.
    CHECK(verdict_of(R"({"best_value": 90})").outcome == algojudge::verdict::accepted);
    CHECK(verdict_of(
              R"({"best_value": 90, "chosen": [{"item": 1, "count": 1}, {"item": 2, "count": 1}]})")
              .outcome == algojudge::verdict::accepted);
    CHECK(verdict_of(R"({"best_value": 90, "total_weight": 7})").message ==
          "chosen: missing, but total_weight is given");
    CHECK(verdict_of(R"({"best_value": 90, "chosen": 3})").message == "chosen: not an array");
    CHECK(verdict_of(R"({"best_value": null, "total_weight": 0, "chosen": []})").message ==
          "best_value: expected 90, got null");
    SUBCASE("exact fill") {
        const char* exact_input = R"({"kind": "complete", "capacity": 7, "weights": [2, 4],
                                      "values": [1, 1], "fill": "exact"})";
        CHECK(check_text(exact_input, R"({"best_value": null})",
                         R"({"best_value": null, "total_weight": 0, "chosen": []})")
                  .outcome == verdict::accepted);
        CHECK(check_text(
                  exact_input, R"({"best_value": null})",
                  R"({"best_value": 3, "total_weight": 6, "chosen": [{"item": 0, "count": 3}]})")
                  .message ==
              "best_value: expected null (no selection fills the capacity exactly), got 3");
        const char* even = R"({"kind": "complete", "capacity": 8, "weights": [2, 4],
                               "values": [1, 1], "fill": "exact"})";
        CHECK(check_text(
                  even, R"({"best_value": 3})",
                  R"({"best_value": 3, "total_weight": 6, "chosen": [{"item": 0, "count": 3}]})")
                  .message == "chosen: the items weigh 6, not exactly the capacity 8");
    }
    SUBCASE("huge counts do not wrap the sums") {
        const char* complete =
            R"({"kind": "complete", "capacity": 10, "weights": [9223372036854775807],
                                   "values": [9223372036854775807]})";
        CHECK(check_text(complete, R"({"best_value": 0})",
                         R"({"best_value": 0, "total_weight": 0,
                             "chosen": [{"item": 0, "count": 9223372036854775807},
                                        {"item": 0, "count": 9223372036854775807}]})")
                  .outcome == verdict::wrong_answer);
        const char* light = R"({"kind": "complete", "capacity": 10, "weights": [0, 1],
                                "values": [0, 9223372036854775807]})";
        const check_result r = check_text(
            light, R"({"best_value": 1})",
            R"({"best_value": 1, "total_weight": 0, "chosen": [{"item": 0, "count": 9223372036854775807}]})");
        CHECK(r.message == "chosen: the items are worth 0, not best_value 1");
    }
    SUBCASE("malformed expected is the case file's fault") {
        for (const char* bad :
             {R"({"total_weight": 3})", R"({"best_value": -1})", R"({"best_value": 1, "extra": 2})",
              R"({"best_value": 1, "chosen": [{"item": 0}]})"}) {
            CAPTURE(bad);
            CHECK(check_text(bounded_input, bad, R"({"best_value": 1})").outcome ==
                  verdict::bad_expected);
        }
    }
}

namespace {

// A knapsack input in a random layout: lists of random numbers (some forms the fast reader
// declines), all kinds and options, sometimes a field too many or a list too short.
std::string random_knapsack_text(std::mt19937_64& rng) {
    using testing::random_number;
    using testing::random_space;
    const std::uint64_t items = rng() % 4;
    auto list = [&] {
        std::string text = "[";
        for (std::uint64_t i = 0; i < items; ++i) {
            text += random_space(rng) +
                    (rng() % 3 == 0 ? random_number(rng) : std::to_string(rng() % 7)) +
                    random_space(rng) + (i + 1 < items ? "," : "");
        }
        return text + "]";
    };
    static constexpr const char* kinds[] = {"0-1", "complete", "bounded", "other"};
    std::vector<std::string> members = {
        std::string("\"kind\": \"") + kinds[rng() % 4] + "\"",
        "\"capacity\":" + random_space(rng) + std::to_string(rng() % 12), "\"weights\": " + list(),
        "\"values\": " + list()};
    if (rng() % 2 == 0) members.push_back("\"counts\": " + list());
    if (rng() % 4 == 0) members.push_back(R"("method": "both")");
    if (rng() % 4 == 0) members.push_back(R"("fill": "exact")");
    if (rng() % 8 == 0) members.push_back(R"("extra": 1)");
    return testing::random_object(members, rng);
}

}  // namespace

TEST_CASE("knapsack's fast reader: the json path's output on random layouts and damaged copies") {
    const typed_reader* fast = find_problem("knapsack")->fast;
    REQUIRE(fast != nullptr);
    std::mt19937_64 rng(17);
    int accepted = 0;
    for (int round = 0; round < 20000; ++round) {
        std::string text = random_knapsack_text(rng);
        if (round % 2 == 1) text = testing::damage(text, rng);
        CAPTURE(text);
        const testing::padded buffer(text);
        const std::any input = fast->read_text(buffer.view());
        if (!input.has_value()) continue;  // declined: the json path decides
        ++accepted;
        // The same output, or the same refusal when solving (a sum past int64, a table too big).
        auto outcome = [](const auto& solve) {
            try {
                return solve().dump();
            } catch (const input_error& e) {
                return std::string("error: ") + e.what();
            }
        };
        const std::string slow =
            outcome([&] { return solve_knapsack(parse_json_text(text, "t.json"), {}); });
        CHECK(outcome([&] { return fast->solve(input, {}); }) == slow);
    }
    CHECK(accepted > 1000);  // about one in twelve: most random lists differ in length
}

}  // namespace algojudge
