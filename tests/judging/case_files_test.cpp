#include "judging/case_files.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <any>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "json_layout_fixtures.hpp"
#include "problems/max_gap.hpp"
#include "tests/scratch_dir.hpp"

using namespace algojudge;

namespace {

std::string load_error(std::string_view text, bool jsonl = false) {
    try {
        parse_case_text(text, "cases.json", jsonl);
    } catch (const input_error& e) {
        return std::string(e.what());
    }
    return "";
}

}  // namespace

TEST_CASE("a file holds one case, an array of cases, or one case per line") {
    auto one =
        parse_case_text(R"({"problem": "max-gap", "input": {"nums": [1]}})", "a.json", false);
    REQUIRE(one.size() == 1);
    CHECK(one[0].name == "a.json");
    CHECK(one[0].number == 1);
    CHECK(!one[0].has_expected);
    CHECK(one[0].solver->name == "max-gap");

    auto many = parse_case_text(R"([{"problem": "max-gap", "input": {"nums": []}},
        {"problem": "average-precision", "name": "named", "input": {"detections": []},
         "expected": {"map_area": 0}, "tolerance": {"absolute": 0.1}}])",
                                "dir/b.json", false);
    REQUIRE(many.size() == 2);
    CHECK(many[0].name == "b.json#1");
    CHECK(many[1].name == "named");
    CHECK(many[1].has_expected);
    CHECK(many[1].tolerance["absolute"] == 0.1);
    CHECK(many[1].label() == "dir/b.json: case 2 \"named\"");

    auto lines = parse_case_text(
        "{\"problem\": \"max-gap\", \"input\": {\"nums\": [1]}}\n\n"
        "{\"problem\": \"max-gap\", \"input\": {\"nums\": [2]}, \"expected\": null}\n",
        "c.jsonl", true);
    REQUIRE(lines.size() == 2);
    CHECK(lines[1].number == 3);  // the line number, blank lines counted
    CHECK(lines[1].name == "c.jsonl#3");
    CHECK(lines[1].has_expected);  // an explicit null expected answer is still an answer
}

TEST_CASE("structural errors name the file, the case and the JSON path") {
    CHECK(load_error(R"([{"problem": "max-gap", "input": {"nums": [1, 2,]}}])") ==
          "cases.json: malformed JSON at column 49 near ']}}]'");
    CHECK(load_error("{\"problem\": \"max-gap\",\n \"input\": {\"nums\": [NaN]}}") ==
          "cases.json: malformed JSON at line 2, column 21 near 'NaN]}}'");
    CHECK(load_error(R"({"problem": "max-gap", "input": )") ==
          "cases.json: malformed JSON: unexpected end of input");
    CHECK(load_error(R"([{"problem": "max-gap", "input": {}}, {"problem": "max-gap"}])") ==
          "cases.json: case 2 \"cases.json#2\": missing field \"input\"");
    CHECK(load_error(R"({"problem": "max-gap", "name": "x", "input": {}, "expect": 1})") ==
          "cases.json: case 1 \"x\": expect: unknown field (expected one of: problem, name, "
          "input, expected, tolerance, time_limit)");
    CHECK(load_error(R"({"problem": "maxgap", "input": {}})") ==
          "cases.json: case 1 \"cases.json\": problem: unknown problem \"maxgap\" (did you mean "
          "\"max-gap\"?)");
    CHECK(load_error(R"({"problem": "max-gap", "input": [1]})") ==
          "cases.json: case 1 \"cases.json\": input: expected an object, got an array");
    CHECK(load_error(R"({"problem": 7, "input": {}})") ==
          "cases.json: case 1 \"cases.json\": problem: expected a string, got 7");
    CHECK(load_error(R"({"problem": "max-gap", "name": 3, "input": {}})") ==
          "cases.json: case 1 \"cases.json\": name: expected a string, got 3");
    CHECK(load_error(R"({"problem": "average-precision", "input": {}, "tolerance": 1e-9})") ==
          "cases.json: case 1 \"cases.json\": tolerance: expected an object, got 1e-09");
    CHECK(load_error("42") ==
          "cases.json: expected a case object or an array of cases, got an integer");
    CHECK(load_error("{\"problem\": \"max-gap\", \"input\": {}}\n[1", true) ==
          "cases.json: line 2: malformed JSON: unexpected end of input");
}

TEST_CASE("folders are searched recursively for .json and .jsonl files, in natural order") {
    const std::string dir = std::string(ALGOJUDGE_TEST_DATA_DIR) + "/cli/good";
    auto files = collect_case_files({dir});
    REQUIRE(files.size() == 3);
    CHECK(files[0].filename() == "case2.json");
    CHECK(files[1].filename() == "case10.json");
    CHECK(files[2].filename() == "lines.jsonl");
    try {
        collect_case_files({dir + "/absent"});
        FAIL("expected an error");
    } catch (const input_error& e) {
        CHECK(std::string(e.what()) == dir + "/absent: no such file or directory");
    }
}

TEST_CASE("a tolerance is refused for problems with exact results") {
    for (const char* name : {"max-gap", "knapsack", "combination-sum"}) {
        const std::string text = std::string(R"({"problem": ")") + name +
                                 R"(", "input": {}, "tolerance": {"absolute": 0.1}})";
        CHECK(load_error(text) == std::string("cases.json: case 1 \"cases.json\": tolerance: \"") +
                                      name + "\" has exact results: no tolerance applies");
    }
    CHECK(load_error(R"({"problem": "average-precision", "input": {}, "tolerance": {}})").empty());
}

TEST_CASE("a case may carry judge's time_limit, a positive number of seconds") {
    auto cases = parse_case_text(
        R"({"problem": "max-gap", "input": {"nums": [1]}, "time_limit": 0.5})", "t.json", false);
    REQUIRE(cases.size() == 1);
    REQUIRE(cases[0].time_limit);
    CHECK(*cases[0].time_limit == 0.5);
    CHECK(!parse_case_text(R"({"problem": "max-gap", "input": {"nums": [1]}})", "t.json", false)[0]
               .time_limit);
    CHECK(load_error(R"({"problem": "max-gap", "input": {"nums": []}, "time_limit": 0})") ==
          "cases.json: case 1 \"cases.json\": time_limit: expected a number of seconds above 0, "
          "at most 86400, got 0");
    CHECK(load_error(R"({"problem": "max-gap", "input": {"nums": []}, "time_limit": "1s"})")
              .find("time_limit: expected") != std::string::npos);
}

namespace {

std::string random_case_text(std::mt19937_64& rng) {
    using algojudge::testing::random_number;
    using algojudge::testing::random_space;
    std::vector<std::string> members;
    static constexpr const char* problems[] = {"max-gap", "max-gap", "knapsack", "max_gap"};
    members.push_back(std::string("\"problem\":") + random_space(rng) + "\"" + problems[rng() % 4] +
                      "\"");
    std::string nums;
    for (std::uint64_t n = rng() % 5; n > 0; --n) {
        nums += random_number(rng);
        if (n > 1) nums += ',' + random_space(rng);
    }
    members.push_back("\"input\":" + random_space(rng) + "{\"nums\": [" + nums + "]}");
    if (rng() % 2 == 0)
        members.push_back("\"name\": \"case \\\"" + std::to_string(rng() % 9) + "\"");
    if (rng() % 2 == 0)
        members.push_back("\"expected\": {\"max_gap\": " + random_number(rng) + "}");
    if (rng() % 4 == 0) members.push_back("\"tolerance\": {\"absolute\": 1e-3}");
    if (rng() % 8 == 0) members.push_back("\"extra\": 1");
    return algojudge::testing::random_object(members, rng);
}

using nums_list = std::vector<std::int64_t>;

// The case's numbers, whichever reader read them.
nums_list case_nums(const test_case& c) {
    if (c.typed_input.has_value()) return std::any_cast<const nums_list&>(c.typed_input);
    return c.input.at("nums").get<nums_list>();
}

}  // namespace

TEST_CASE("parse_case_text_fast: agrees with parse_case_text on random and damaged case files") {
    std::mt19937_64 rng(31);
    int accepted = 0;
    for (int round = 0; round < 10000; ++round) {
        const int shape = static_cast<int>(rng() % 3);  // 0: one case, 1: an array, 2: jsonl
        std::string text;
        if (shape == 0) {
            text = random_case_text(rng);
        } else {
            const std::uint64_t count = rng() % 3;
            if (shape == 1) text += '[';
            for (std::uint64_t i = 0; i < count; ++i) {
                std::string one = random_case_text(rng);
                if (shape == 2) std::replace(one.begin(), one.end(), '\n', ' ');
                text += one + (shape == 2 ? "\n" : i + 1 < count ? "," : "");
            }
            if (shape == 1) text += "]";
        }
        if (round % 2 == 1) text = algojudge::testing::damage(text, rng);
        CAPTURE(text);
        const algojudge::testing::padded buffer(text);
        const auto fast = parse_case_text_fast(buffer.view(), "c.json", shape == 2);
        if (!fast) continue;
        ++accepted;
        std::vector<test_case> slow;
        REQUIRE_NOTHROW(slow = parse_case_text(text, "c.json", shape == 2));
        REQUIRE(slow.size() == fast->size());
        for (std::size_t i = 0; i < slow.size(); ++i) {
            const test_case& f = (*fast)[i];
            const test_case& s = slow[i];
            CHECK(f.name == s.name);
            CHECK(f.number == s.number);
            CHECK(f.solver == s.solver);
            CHECK(f.has_expected == s.has_expected);
            CHECK(f.expected == s.expected);
            CHECK(f.tolerance == s.tolerance);
            if (f.typed_input.has_value()) {
                std::optional<nums_list> slow_nums;
                try {
                    slow_nums = case_nums(s);
                    algojudge::solve_max_gap(s.input, {});
                } catch (const std::exception&) {
                    slow_nums.reset();
                }
                REQUIRE(slow_nums);  // the json path accepts what the fast one read
                CHECK(case_nums(f) == *slow_nums);
            } else {
                CHECK(f.input == s.input);
            }
        }
    }
    CHECK(accepted > 1000);
}

TEST_CASE("parse_case_text_fast: declines what nests deeper than parse_json_text allows") {
    // The array of cases and the case object are two levels; "expected" brings the rest.
    auto case_array = [](std::size_t depth) {
        return R"([{"problem": "max-gap", "input": {"nums": [1]}, "expected": )" +
               std::string(depth, '[') + std::string(depth, ']') + "}]";
    };
    const algojudge::testing::padded deepest(case_array(max_json_depth - 2));
    CHECK(parse_case_text_fast(deepest.view(), "c.json", false));
    const algojudge::testing::padded too_deep(case_array(max_json_depth - 1));
    CHECK(!parse_case_text_fast(too_deep.view(), "c.json", false));
    CHECK_THROWS_WITH_AS(parse_case_text(case_array(max_json_depth - 1), "c.json", false),
                         "c.json: JSON nested deeper than 256 levels at column 315", input_error);
}

TEST_CASE("load_case_file reads typed inputs only when asked") {
    const algojudge::testing::scratch_dir dir;
    const auto file = dir.write("one.json", R"({"problem": "max-gap", "input": {"nums": [3, 1]}})");
    const auto typed = load_case_file(file, default_input_limit, true);
    REQUIRE(typed.size() == 1);
    CHECK(typed[0].input.is_null());
    CHECK(std::any_cast<const std::vector<std::int64_t>&>(typed[0].typed_input) ==
          std::vector<std::int64_t>{3, 1});
    const auto plain = load_case_file(file);
    REQUIRE(plain.size() == 1);
    CHECK(!plain[0].typed_input.has_value());
    CHECK(plain[0].input == json::parse(R"({"nums": [3, 1]})"));
}
