// Description: the max-gap problem's JSON edge. Input: max_gap_fields; output {"max_gap": G,
// "between": [a, b] | null}. The checker compares max_gap exactly and validates `between` as a
// certificate: two neighbours of the input, b - a == max_gap. Reference: docs/max-gap.md.
// Status: tested in tests/problems/max_gap_test.cpp and tests/cli/commands_tests.cmake.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "problems/generator.hpp"
#include "problems/problem.hpp"

namespace algojudge {

inline constexpr json_field max_gap_fields[] = {{"nums", "[int64]"}};

json solve_max_gap(const json& input, const solve_options& options);
extern const text_io max_gap_text;  // the plain text of judge's --io text (max_gap_text.cpp)
check_result check_max_gap(const check_args& args);
// --n, --min, --max, --shape uniform|clustered|duplicates|progression|extremes (docs/gen.md).
extern const generator max_gap_generator;

// The fast path (problem::fast): `{"nums": [integers]}` with only whitespace around its tokens
// and plain integers (no fraction or exponent) in the int64 range; nullopt for anything else,
// valid or not, which the json reader then handles. One pass, no DOM: memory is the numbers.
std::optional<std::vector<std::int64_t>> read_max_gap_text(std::string_view text);
extern const typed_reader max_gap_fast;

}  // namespace algojudge
