// Description: runs one case: solve its input, check the result against the expected answer.
// Every failure mode becomes a status with a one-line message; nothing escapes as an exception.
// Status: tested in tests/judging/run_case_test.cpp and the CLI tests.
#pragma once

#include <string>

#include "judging/case_files.hpp"

namespace algojudge {

enum class case_status {
    passed,  // accepted, or ran without an expected answer to compare with
    failed,  // wrong answer
    error,   // could not run (bad input, limits) or the expected answer is malformed
};

struct case_outcome {
    case_status status = case_status::passed;
    bool checked = false;  // false when the case had no expected answer
    std::string message;   // the first difference, or the error; empty when passed and checked
    double seconds = 0;    // time spent solving (not checking)
    json actual;           // the solver's output; null on error
};

case_outcome judge_case(const test_case& c, const solve_options& options);

// "passed", "failed", "error".
std::string_view case_status_name(case_status status);

}  // namespace algojudge
