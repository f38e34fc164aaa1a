#include "problems/registry.hpp"

#include <doctest/doctest.h>

#include <set>
#include <string>

using namespace algojudge;

TEST_CASE("every problem has a unique name, a summary, its input fields and both functions") {
    std::set<std::string_view> names;
    REQUIRE(!all_problems().empty());
    for (const problem& entry : all_problems()) {
        CAPTURE(entry.name);
        CHECK(names.insert(entry.name).second);
        CHECK(!entry.summary.empty());
        CHECK(!entry.input_fields.empty());
        CHECK(static_cast<bool>(entry.solve));
        CHECK(static_cast<bool>(entry.check));
        CHECK(find_problem(entry.name) == &entry);
        CHECK(&problem_named(entry.name, "problem") == &entry);
    }
}

TEST_CASE("unknown names get a suggestion only when close") {
    CHECK(find_problem("maxgap") == nullptr);
    CHECK(closest_problem_name("maxgap") == "max-gap");
    CHECK(closest_problem_name("max_gap") == "max-gap");
    CHECK(closest_problem_name("mx-gap") == "max-gap");
    CHECK(closest_problem_name("sudoku-solver-deluxe").empty());
    try {
        problem_named("max-gapp", "problem");
        FAIL("expected an input_error");
    } catch (const input_error& e) {
        CHECK(std::string(e.what()) ==
              "problem: unknown problem \"max-gapp\" (did you mean \"max-gap\"?)");
    }
    try {
        problem_named("zzzzzzzzzzzzzzzzzz", "");
        FAIL("expected an input_error");
    } catch (const input_error& e) {
        CHECK(std::string(e.what()).find("algojudge list") != std::string::npos);
    }
}

TEST_CASE("verdict names are the closed set") {
    CHECK(verdict_name(verdict::accepted) == "accepted");
    CHECK(verdict_name(verdict::wrong_answer) == "wrong_answer");
    CHECK(verdict_name(verdict::bad_expected) == "bad_expected");
}
