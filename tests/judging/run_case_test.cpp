#include "judging/run_case.hpp"

#include <doctest/doctest.h>

#include <string>

#include "judging/case_files.hpp"

using namespace algojudge;

TEST_CASE("judge_case: passed, failed, error and bad expected answers") {
    auto cases = parse_case_text(R"([
        {"problem": "max-gap", "input": {"nums": [3, 6, 9, 1]}, "expected": {"max_gap": 3}},
        {"problem": "max-gap", "input": {"nums": [3, 6, 9, 1]}, "expected": {"max_gap": 4}},
        {"problem": "max-gap", "input": {"nums": [3, 6, 9, 1]}},
        {"problem": "max-gap", "input": {"nums": [3, "6"]}, "expected": {"max_gap": 3}},
        {"problem": "max-gap", "input": {"nums": [3, 6]}, "expected": {"gap": 3}}])",
                                 "j.json", false);
    const solve_options options;
    const case_outcome passed = judge_case(cases[0], options);
    CHECK(passed.status == case_status::passed);
    CHECK(passed.checked);
    CHECK(passed.actual["max_gap"] == 3);

    const case_outcome failed = judge_case(cases[1], options);
    CHECK(failed.status == case_status::failed);
    CHECK(failed.message == "max_gap: expected 4, got 3");

    const case_outcome unchecked = judge_case(cases[2], options);
    CHECK(unchecked.status == case_status::passed);
    CHECK(!unchecked.checked);

    const case_outcome error = judge_case(cases[3], options);
    CHECK(error.status == case_status::error);
    CHECK(error.message ==
          "input.nums[1]: expected an integer in the signed 64-bit range, got \"6\"");
    CHECK(error.actual.is_null());

    const case_outcome bad = judge_case(cases[4], options);
    CHECK(bad.status == case_status::error);
    CHECK(bad.message.rfind("bad expected answer: expected.gap: unknown field", 0) == 0);
    CHECK(case_status_name(bad.status) == "error");
}
