#include "judging/case_files.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

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
