// Description: the knapsack problem's JSON edge. Input {"kind", "capacity", "weights",
// "values", "counts"? (bounded only), "method"? ("1d" | "2d" | "both"), "fill"? ("at-most" |
// "exact")}, output {"best_value": V | null, "total_weight": W, "chosen": [{"item", "count"}]}.
// Memory needed is estimated before solving and refused above solve_options::memory_limit_bytes.
// The checker compares best_value exactly and validates `chosen` as a certificate against the
// input (never against the expected chosen items: ties allow several optimal sets).
// Format reference: docs/knapsack.md.
// Status: tested in tests/knapsack_test.cpp and tests/cli/knapsack_tests.cmake.
#pragma once

#include "problems/problem.hpp"

namespace algojudge {

json solve_knapsack(const json& input, const solve_options& options);
extern const text_io knapsack_text;  // the plain text of judge's --io text (knapsack_text.cpp)
check_result check_knapsack(const check_args& args);

}  // namespace algojudge
