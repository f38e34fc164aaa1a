// Description: the knapsack problem's JSON edge. Input: knapsack_fields; output {"best_value",
// "total_weight", "chosen": [{"item", "count"}]}. Tables over the memory limit are refused before
// solving. The checker compares best_value exactly and validates `chosen` as a certificate
// against the input (ties allow several optimal sets). Reference: docs/knapsack.md.
// Status: tested in tests/problems/knapsack_test.cpp and tests/cli/knapsack_tests.cmake.
#pragma once

#include "problems/problem.hpp"

namespace algojudge {

inline constexpr json_field knapsack_fields[] = {
    {"kind"},          {"capacity"},         {"weights"},
    {"values"},        {"counts", {}, true}, {"method", {}, true},
    {"fill", {}, true}};

json solve_knapsack(const json& input, const solve_options& options);
extern const text_io knapsack_text;  // the plain text of judge's --io text (knapsack_text.cpp)
check_result check_knapsack(const check_args& args);
// The fast path (problem::fast): weights, values and counts scanned as plain integers without a
// DOM, the rest and every check as the json path's; declines anything else.
extern const typed_reader knapsack_fast;
// --kind, --n, --capacity, --max-weight, --max-value, --max-count, --fill (docs/gen.md).
extern const generator knapsack_generator;

}  // namespace algojudge
