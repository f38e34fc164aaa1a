// Description: a count with its noun in the right number, for messages and table labels.
// Status: tested (tests/support/counted_test.cpp).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace algojudge {

// "1 file", "3 files"; the plural is the singular with an "s" unless given.
// Example: counted(2, "class", "classes") == "2 classes".
std::string counted(std::size_t count, std::string_view singular, std::string_view plural = {});

}  // namespace algojudge
