// Description: the one check of a box read from any format, in one wording.
// Status: tested in tests/formats/boxes_test.cpp.
#pragma once

#include <array>
#include <string>

#include "algorithms/average_precision.hpp"

namespace algojudge {

// "" when the corners {x1, y1, x2, y2} are ordered, else what is wrong with them:
// "x2 (3) is less than x1 (7)", the corners called by `names` (VOC XML: xmin, ymin, xmax, ymax).
inline constexpr std::array<const char*, 4> corner_names = {"x1", "y1", "x2", "y2"};
std::string box_defect(const std::array<double, 4>& corners,
                       const std::array<const char*, 4>& names = corner_names);

inline box to_box(const std::array<double, 4>& corners) {
    return {corners[0], corners[1], corners[2], corners[3]};
}

}  // namespace algojudge
