#include "formats/boxes.hpp"

#include <fmt/format.h>

namespace algojudge {

std::string box_defect(const std::array<double, 4>& corners,
                       const std::array<const char*, 4>& names) {
    for (std::size_t low = 0; low < 2; ++low) {
        const std::size_t high = low + 2;
        if (corners[high] < corners[low]) {
            return fmt::format("{} ({}) is less than {} ({})", names[high], corners[high],
                               names[low], corners[low]);
        }
    }
    return "";
}

}  // namespace algojudge
