// Description: shrinks a failing input while it still fails, by delta debugging over its JSON:
// removes chunks of every array (all of it, then halves, quarters, ... single elements; arrays
// of one object with the same length, such as knapsack's weights, values and counts, first
// together, then each alone), moves integers towards zero by bisection (reals to 0, then to a
// whole number), turns true into false and drops object keys. Passes repeat until none changes
// anything or the deadline passes. Problem knowledge stays in the predicate: a candidate the
// problem refuses (a knapsack with fewer values than weights, a weight of 0) is simply "does
// not fail", so the problem's own validation keeps every step valid.
// Time: each accepted step restarts the scan of the arrays; in all O(size^2) predicate calls
// at worst, about 64 per integer. Memory: one copy of the input per candidate.
// Status: tested in tests/judging/shrink_test.cpp; end to end through stress in
// tests/cli/stress_tests.cmake.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>

#include "support/json_input.hpp"

namespace algojudge {

struct shrink_result {
    json input;                // the smallest failing input found (the original when none was)
    std::size_t steps = 0;     // candidates accepted (each one still failed)
    std::size_t tried = 0;     // candidates handed to the predicate
    bool out_of_time = false;  // the deadline stopped it before a full pass changed nothing
};

// True when `candidate` still fails the same way; false for any other outcome, including an
// input the problem refuses. Called from the calling thread only, one candidate at a time.
using still_fails = std::function<bool(const json& candidate)>;

// Constraints: `failing` is an object or array that fails. Example: shrinking {"nums": [5, 9,
// 200, 3]} with "fails when some number is above 100" gives {"nums": [101]}.
shrink_result shrink_input(const json& failing, const still_fails& fails,
                           std::chrono::steady_clock::time_point deadline);

}  // namespace algojudge
