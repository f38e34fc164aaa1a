#include "formats/boxes.hpp"

#include <cmath>

#include <fmt/format.h>

namespace algojudge {

std::string box_defect(const std::array<double, 4>& corners) {
    static constexpr std::array<const char*, 4> names = {"x1", "y1", "x2", "y2"};
    for (std::size_t i = 0; i < 4; ++i) {
        // x + width can overflow when a box is given as corner and size.
        if (!std::isfinite(corners[i])) {
            return fmt::format("{} ({}) is not a finite number", names[i], corners[i]);
        }
    }
    if (corners[2] < corners[0]) {
        return fmt::format("x2 ({}) is less than x1 ({})", corners[2], corners[0]);
    }
    if (corners[3] < corners[1]) {
        return fmt::format("y2 ({}) is less than y1 ({})", corners[3], corners[1]);
    }
    const double width = corners[2] - corners[0];
    const double height = corners[3] - corners[1];
    if (!std::isfinite(width) || !std::isfinite(height) || !std::isfinite(width * height)) {
        return "the box is too large: its area is not a finite number";
    }
    return "";
}

}  // namespace algojudge
