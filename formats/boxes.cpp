#include "formats/boxes.hpp"

#include <fmt/format.h>

namespace algojudge {

std::string box_defect(const std::array<double, 4>& corners) {
    if (corners[2] < corners[0]) {
        return fmt::format("x2 ({}) is less than x1 ({})", corners[2], corners[0]);
    }
    if (corners[3] < corners[1]) {
        return fmt::format("y2 ({}) is less than y1 ({})", corners[3], corners[1]);
    }
    return "";
}

}  // namespace algojudge
