#include "problems/registry.hpp"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "formats/ap_json.hpp"
#include "problems/average_precision.hpp"
#include "problems/average_precision_generator.hpp"
#include "problems/combination_sum.hpp"
#include "problems/knapsack.hpp"
#include "problems/max_gap.hpp"
#include "support/spelling.hpp"

namespace algojudge {

namespace {

// One row per problem, as ninja's kTools[] and git's commands[]. Add a problem here.
const problem problems_table[] = {
    {"max-gap", "largest difference between neighbours in sorted order, in linear time",
     max_gap_fields, solve_max_gap, check_max_gap, &max_gap_generator, nullptr, &max_gap_text,
     false, &max_gap_fast},
    {"combination-sum", "multisets of candidates adding up to a target, listed and counted exactly",
     combination_sum_fields, solve_combination_sum, check_combination_sum,
     &combination_sum_generator, solve_combination_sum_text, &combination_sum_text},
    {"knapsack", "0-1, complete or bounded knapsack by DP (2d table or 1d array), with the items",
     knapsack_fields, solve_knapsack, check_knapsack, &knapsack_generator, nullptr, &knapsack_text,
     false, &knapsack_fast},
    {"average-precision", "per-class AP of object detections, VOC 11-point vs area (and 101-point)",
     ap_json_fields, solve_average_precision, check_average_precision, &average_precision_generator,
     nullptr, nullptr, true, &average_precision_fast},
};

}  // namespace

std::span<const problem> all_problems() {
    return problems_table;
}

const problem* find_problem(std::string_view name) {
    for (const problem& entry : problems_table) {
        if (entry.name == name) return &entry;
    }
    return nullptr;
}

std::string_view closest_problem_name(std::string_view name) {
    std::vector<std::string_view> names;
    for (const problem& entry : problems_table)
        names.push_back(entry.name);
    return closest_name(name, names);
}

const problem& problem_named(std::string_view name, const std::string& path) {
    if (const problem* found = find_problem(name)) return *found;
    std::string_view suggestion = closest_problem_name(name);
    if (!suggestion.empty()) {
        throw input_error(
            path, fmt::format("unknown problem \"{}\" (did you mean \"{}\"?)", name, suggestion));
    }
    throw input_error(path,
                      fmt::format("unknown problem \"{}\" (`algojudge list` shows them)", name));
}

std::string_view verdict_name(verdict v) {
    switch (v) {
        case verdict::accepted:
            return "accepted";
        case verdict::wrong_answer:
            return "wrong_answer";
        case verdict::bad_expected:
            return "bad_expected";
    }
    return "unknown";
}

}  // namespace algojudge
