// Description: combination-sum's input, read and validated field by field; shared by the solver
// (combination_sum.cpp) and the checker (combination_sum_check.cpp).
#pragma once

#include <cstdint>

#include "algorithms/combination_sum.hpp"
#include "problems/problem.hpp"

namespace algojudge::detail {

struct combination_sum_input {
    combination_sum_query query;
    std::uint64_t limit = 100'000;  // combinations listed at most, unless input.limit says
    bool count_only = false;
};

// The fields of combination_sum_fields, or input_error naming the first bad one by its path.
combination_sum_input read_combination_sum_input(const json& input);

}  // namespace algojudge::detail
