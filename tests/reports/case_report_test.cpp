#include "reports/case_report.hpp"

#include <doctest/doctest.h>
#include <pugixml.hpp>

#include <string>
#include <vector>

#include "problems/registry.hpp"

using namespace algojudge;

namespace {

test_case make_case(std::string file, std::size_t number, std::string name) {
    test_case c;
    c.file = std::move(file);
    c.number = number;
    c.name = std::move(name);
    c.solver = find_problem("max-gap");
    REQUIRE(c.solver != nullptr);
    return c;
}

case_outcome outcome(case_status status, std::string message, double seconds) {
    case_outcome o;
    o.status = status;
    o.checked = status != case_status::error;
    o.message = std::move(message);
    o.seconds = seconds;
    return o;
}

// Three run cases (passed, failed, error) and one left without an outcome (after --fail-fast).
struct run {
    std::vector<test_case> cases;
    std::vector<std::optional<case_outcome>> outcomes;
    case_tally counts;
};
run sample_run() {
    run r;
    r.cases = {make_case("a.json", 1, "right"), make_case("a.json", 2, "wrong <gap>"),
               make_case("b&c.jsonl", 1, "bad \"input\""), make_case("b&c.jsonl", 2, "not run")};
    r.outcomes = {outcome(case_status::passed, "", 0.25),
                  outcome(case_status::failed, "max_gap: expected 3, got 4 & <more>", 0.5),
                  outcome(case_status::error, "input.nums: expected an array, got null", 0.125),
                  std::nullopt};
    for (const auto& o : r.outcomes)
        if (o) r.counts.add(o->status);
    return r;
}

pugi::xml_document parse(const std::string& xml) {
    pugi::xml_document document;
    const pugi::xml_parse_result parsed = document.load_string(xml.c_str());
    INFO(xml, "\n", parsed.description(), " at byte ", parsed.offset);
    REQUIRE(parsed);
    return document;
}

}  // namespace

TEST_CASE("case_tally: counts by status and says so") {
    case_tally none;
    CHECK(none.summary() == "0 passed, 0 failed");
    case_tally t;
    t.add(case_status::passed);
    t.add(case_status::failed);
    t.add(case_status::passed);
    CHECK(t.passed == 2);
    CHECK(t.failed == 1);
    CHECK(t.errors == 0);
    CHECK(t.summary() == "2 passed, 1 failed");
    t.add(case_status::error);
    CHECK(t.summary() == "2 passed, 1 failed, 1 error");
    t.add(case_status::error);
    CHECK(t.summary() == "2 passed, 1 failed, 2 errors");
}

TEST_CASE("junit_report: well-formed, counts, failures and errors, escaped names") {
    const run r = sample_run();
    const std::string xml =
        junit_report("algojudge verify <a&b> \"q\"", r.cases, r.outcomes, r.counts);
    const pugi::xml_document document = parse(xml);
    const pugi::xml_node suites = document.child("testsuites");
    REQUIRE(suites);
    CHECK(suites.attribute("tests").as_int() == 3);
    CHECK(suites.attribute("failures").as_int() == 1);
    CHECK(suites.attribute("errors").as_int() == 1);
    CHECK(suites.attribute("time").as_double() == doctest::Approx(0.875));
    const pugi::xml_node suite = suites.child("testsuite");
    REQUIRE(suite);
    CHECK(std::string(suite.attribute("name").value()) == "algojudge verify <a&b> \"q\"");
    CHECK(suite.attribute("tests").as_int() == 3);
    CHECK(suite.attribute("failures").as_int() == 1);
    CHECK(suite.attribute("errors").as_int() == 1);
    CHECK(std::distance(suites.children("testsuite").begin(), suites.children("testsuite").end()) ==
          1);

    std::vector<pugi::xml_node> cases;
    for (const pugi::xml_node c : suite.children("testcase"))
        cases.push_back(c);
    REQUIRE(cases.size() == 3);  // "not run" is left out
    CHECK(std::string(cases[0].attribute("name").value()) == "right");
    CHECK(std::string(cases[0].attribute("classname").value()) == "max-gap");
    CHECK(std::string(cases[0].attribute("file").value()) == "a.json");
    CHECK(cases[0].attribute("time").as_double() == doctest::Approx(0.25));
    CHECK_FALSE(cases[0].first_child());

    CHECK(std::string(cases[1].attribute("name").value()) == "wrong <gap>");
    const pugi::xml_node failure = cases[1].child("failure");
    REQUIRE(failure);
    CHECK_FALSE(cases[1].child("error"));
    CHECK(std::string(failure.attribute("message").value()) ==
          "max_gap: expected 3, got 4 & <more>");
    CHECK(std::string(failure.text().get()) == "max_gap: expected 3, got 4 & <more>");

    CHECK(std::string(cases[2].attribute("name").value()) == "bad \"input\"");
    CHECK(std::string(cases[2].attribute("file").value()) == "b&c.jsonl");
    const pugi::xml_node error = cases[2].child("error");
    REQUIRE(error);
    CHECK_FALSE(cases[2].child("failure"));
    CHECK(std::string(error.attribute("message").value()) ==
          "input.nums: expected an array, got null");
    CHECK(xml.find("not run") == std::string::npos);
}

TEST_CASE("junit_report: no cases is an empty suite, still well-formed") {
    const std::string xml = junit_report("", {}, {}, case_tally{});
    const pugi::xml_document document = parse(xml);
    const pugi::xml_node suite = document.child("testsuites").child("testsuite");
    REQUIRE(suite);
    CHECK(std::string(suite.attribute("name").value()).empty());
    CHECK(suite.attribute("tests").as_int() == 0);
    CHECK_FALSE(suite.child("testcase"));
}

TEST_CASE("junit_report: characters XML forbids in a message still give a document") {
    run r = sample_run();
    r.outcomes[1]->message = "got \x01\x1b[31m and \xff";
    const pugi::xml_document document = parse(junit_report("s", r.cases, r.outcomes, r.counts));
    const std::string message =
        document.select_node("//failure").node().attribute("message").value();
    CHECK(message.find('\x01') == std::string::npos);
    CHECK(message.rfind("got ", 0) == 0);
}

TEST_CASE("json_report: one object per run case, with the counts") {
    const run r = sample_run();
    const json report = json_report(r.cases, r.outcomes, r.counts);
    CHECK(report.size() == 4);
    CHECK(report.at("passed") == 1);
    CHECK(report.at("failed") == 1);
    CHECK(report.at("errors") == 1);
    const json& cases = report.at("cases");
    REQUIRE(cases.is_array());
    REQUIRE(cases.size() == 3);
    for (const json& c : cases) {
        CHECK(c.size() == 8);
        for (const char* key :
             {"file", "number", "name", "problem", "status", "checked", "seconds", "message"})
            CHECK_MESSAGE(c.contains(key), key);
    }
    CHECK(cases[0].at("file") == "a.json");
    CHECK(cases[0].at("number") == 1);
    CHECK(cases[0].at("name") == "right");
    CHECK(cases[0].at("problem") == "max-gap");
    CHECK(cases[0].at("status") == "passed");
    CHECK(cases[0].at("checked") == true);
    CHECK(cases[0].at("seconds") == 0.25);
    CHECK(cases[0].at("message") == "");
    CHECK(cases[1].at("status") == "failed");
    CHECK(cases[1].at("number") == 2);
    CHECK(cases[1].at("message") == "max_gap: expected 3, got 4 & <more>");
    CHECK(cases[2].at("status") == "error");
    CHECK(cases[2].at("checked") == false);
    CHECK(cases[2].at("file") == "b&c.jsonl");

    const json empty = json_report({}, {}, case_tally{});
    CHECK(empty.at("cases") == json::array());
    CHECK(empty.at("passed") == 0);
}
