// Description: generated cases: a problem's generator makes the input from a seed, the reference
// solver fills in the expected answer. Case number k of a run with seed S is made from seed
// S + k alone, so `--seed S+k --count 1` makes that case again. Used by `algojudge gen`.
// Status: tested in tests/judging/generated_cases_test.cpp and tests/cli/gen_tests.cmake.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "problems/problem.hpp"

namespace algojudge {

struct generated_case {
    std::string name;  // "max-gap-seed1"
    json input;
    json expected;
};

// The case made by `settings` from `seed`; the solver's input_error (a table over the memory
// limit, say) travels up naming the case.
generated_case generate_case(const problem& chosen, const generator_settings& settings,
                             std::uint64_t seed, const solve_options& options);

// {"problem":...,"name":...,"input":...,"expected":...} on one line, compact, in that order.
std::string case_line(const problem& chosen, const generated_case& made);

}  // namespace algojudge
