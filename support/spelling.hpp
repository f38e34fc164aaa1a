// Description: "did you mean" for names typed by hand (problems, commands, options): the
// candidate closest by edit distance, when it is close enough to be a typo (ninja's
// SpellcheckString).
// nearest_names() ranks names read from files (class names, image ids) for warnings: the same
// name written another way ("Cat" and "cat", "1" and "000001") first.
// Status: tested in tests/support/spelling_test.cpp.
#pragma once

#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace algojudge {

// Levenshtein distance: insertions, deletions and substitutions of one byte.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `name`, or "" when even that one differs in more than a third of
// its letters (at least 2 edits are always allowed).
std::string_view closest_name(std::string_view name, std::span<const std::string_view> candidates);

// `name` as it compares loosely: ASCII letters in lower case, spaces, '_' and '-' dropped, and
// leading zeros dropped from each run of digits: "Traffic_Light" -> "trafficlight",
// "IMG_0007" -> "img7", "000001" -> "1".
std::string loose_name(std::string_view name);

// Up to `limit` of `candidates` nearest to `name`: first those equal to it loosely (in their
// order), then the rest by edit distance of their loose forms, then by edit distance, then
// in their order. Complexity: O(sum of |name| * |candidate|) and O(candidates) memory.
// Example: nearest_names("Cat", {"dog", "cat", "car"}, 2) == {"cat", "car"}.
std::vector<std::string_view> nearest_names(std::string_view name,
                                            std::span<const std::string_view> candidates,
                                            std::size_t limit);

}  // namespace algojudge
