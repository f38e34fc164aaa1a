// Description: the combination-sum problem's JSON edge. Input: combination_sum_fields; output
// {"count", "combinations", "truncated"} (count alone with count_only; a decimal string past
// 64 bits). The checker (combination_sum_check.cpp) compares combinations as multisets and the
// exact count, naming what is missing, extra or invalid. Reference: docs/combination-sum.md.
// Status: tested in tests/problems/combination_sum_test.cpp, combination_sum_check_test.cpp and
// tests/cli/combination_sum_tests.cmake.
#pragma once

#include <string>

#include "problems/problem.hpp"

namespace algojudge {

inline constexpr json_field combination_sum_fields[] = {
    {"candidates", "[int >= 1]"}, {"target"}, {"reuse"}, {"k", {}, true}, {"limit", {}, true},
    {"count_only", {}, true}};

json solve_combination_sum(const json& input, const solve_options& options);
// The same output as solve_combination_sum, written directly as compact JSON text: rendering
// millions of combinations through json values costs far more than finding them.
std::string solve_combination_sum_text(const json& input, const solve_options& options);
extern const text_io
    combination_sum_text;  // the plain text of judge's --io text (combination_sum_text.cpp)
check_result check_combination_sum(const check_args& args);
// --candidates, --max-candidate, --target, --reuse, --k (docs/gen.md).
extern const generator combination_sum_generator;

}  // namespace algojudge
