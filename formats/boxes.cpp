#include "formats/boxes.hpp"

#include <cmath>

#include <fmt/format.h>

namespace algojudge {

std::string box_defect(const std::array<double, 4>& corners,
                       const std::array<const char*, 4>& names) {
    for (std::size_t i = 0; i < 4; ++i) {
        // x + width can overflow when a box is given as corner and size.
        if (!std::isfinite(corners[i])) {
            return fmt::format("{} ({}) is not a finite number", names[i], corners[i]);
        }
    }
    for (std::size_t low = 0; low < 2; ++low) {
        const std::size_t high = low + 2;
        if (corners[high] < corners[low]) {
            return fmt::format("{} ({}) is less than {} ({})", names[high], corners[high],
                               names[low], corners[low]);
        }
    }
    const double width = corners[2] - corners[0];
    const double height = corners[3] - corners[1];
    if (!std::isfinite(width) || !std::isfinite(height) || !std::isfinite(width * height)) {
        return "the box is too large: its area is not a finite number";
    }
    return "";
}

}  // namespace algojudge
