// Description: "did you mean" for names typed by hand (problems, commands, options): the
// candidate closest by edit distance, when it is close enough to be a typo (ninja's
// SpellcheckString).
// Status: tested in tests/support/spelling_test.cpp.
#pragma once

#include <initializer_list>
#include <span>
#include <string_view>

namespace algojudge {

// Levenshtein distance: insertions, deletions and substitutions of one byte.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `name`, or "" when even that one differs in more than a third of
// its letters (at least 2 edits are always allowed).
std::string_view closest_name(std::string_view name, std::span<const std::string_view> candidates);

}  // namespace algojudge
