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

namespace algojudge {

namespace {

// One row per problem, as ninja's kTools[] and git's commands[]. Add a problem here.
const problem problems_table[] = {
    {"max-gap", "largest difference between neighbours in sorted order, in linear time",
     max_gap_fields, solve_max_gap, check_max_gap, &max_gap_generator},
    {"combination-sum", "multisets of candidates adding up to a target, listed and counted exactly",
     combination_sum_fields, solve_combination_sum, check_combination_sum,
     &combination_sum_generator, solve_combination_sum_text},
    {"knapsack", "0-1, complete or bounded knapsack by DP (2d table or 1d array), with the items",
     knapsack_fields, solve_knapsack, check_knapsack, &knapsack_generator},
    {"average-precision", "per-class AP of object detections, VOC 11-point vs area (and 101-point)",
     ap_json_fields, solve_average_precision, check_average_precision,
     &average_precision_generator},
};

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t above = row[j];
            std::size_t substitution = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, substitution});
            diagonal = above;
        }
    }
    return row[b.size()];
}

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
    std::string_view best;
    std::size_t best_distance = 0;
    for (const problem& entry : problems_table) {
        std::size_t distance = edit_distance(name, entry.name);
        if (best.empty() || distance < best_distance) {
            best = entry.name;
            best_distance = distance;
        }
    }
    // A typo, not a different word: at most a third of the name may change.
    if (best.empty() || best_distance > std::max<std::size_t>(2, best.size() / 3)) return {};
    return best;
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
