// Description: the combination-sum problem's JSON edge. Input {"candidates": [int >= 1],
// "target": int >= 0, "reuse": bool, "k"?: int >= 0, "limit"?: int >= 0 (default 100000),
// "count_only"?: bool}; output {"count": N, "combinations": [[...], ...], "truncated": bool}
// (only {"count": N} with count_only), N a JSON integer when it fits in 64 bits unsigned, else a
// decimal string. The checker compares combinations as multisets, names missing, extra and
// invalid ones, and compares the exact count. Format reference: docs/combination-sum.md.
// Status: tested in tests/combination_sum_test.cpp and tests/cli/combination_sum_tests.cmake.
#pragma once

#include <string>

#include "problems/problem.hpp"

namespace algojudge {

json solve_combination_sum(const json& input, const solve_options& options);
// The same output as solve_combination_sum, written directly as compact JSON text: rendering
// millions of combinations through json values costs far more than finding them.
std::string solve_combination_sum_text(const json& input, const solve_options& options);
extern const text_io
    combination_sum_text;  // the plain text of judge's --io text (combination_sum_text.cpp)
check_result check_combination_sum(const check_args& args);

}  // namespace algojudge
