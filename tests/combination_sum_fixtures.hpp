// Shared by the combination-sum tests (tests/algorithms, tests/problems): a query in one line.
#pragma once

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "algorithms/combination_sum.hpp"

namespace algojudge::testing {

using combination = std::vector<std::int64_t>;

inline combination_sum_query make_query(std::vector<std::int64_t> candidates, std::int64_t target,
                                        bool reuse, std::optional<std::uint64_t> k = std::nullopt) {
    combination_sum_query query;
    query.candidates = std::move(candidates);
    query.target = target;
    query.reuse = reuse;
    query.k = k;
    return query;
}

}  // namespace algojudge::testing
