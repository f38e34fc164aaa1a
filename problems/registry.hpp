// Description: the table of every problem algojudge knows, and lookup by name with a
// "did you mean" suggestion for near misses.
// Status: tested in tests/problems/registry_test.cpp.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "problems/problem.hpp"

namespace algojudge {

// Every problem, in the order `algojudge list` shows them.
std::span<const problem> all_problems();

// nullptr when no problem has that name.
const problem* find_problem(std::string_view name);

// The known name closest to `name` by edit distance, or "" when none is close enough to be a
// plausible typo.
std::string_view closest_problem_name(std::string_view name);

// The problem called `name`, or an input_error at `path`:
// unknown problem "maxgap" (did you mean "max-gap"?).
const problem& problem_named(std::string_view name, const std::string& path);

}  // namespace algojudge
