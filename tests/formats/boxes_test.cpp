#include "formats/boxes.hpp"

#include <doctest/doctest.h>

#include <limits>

using namespace algojudge;

TEST_CASE("box_defect: ordered and degenerate boxes have none") {
    CHECK(box_defect({0, 0, 0, 0}) == "");
    CHECK(box_defect({1, 2, 3, 4}) == "");
    CHECK(box_defect({5, 5, 5, 9}) == "");  // zero width
    CHECK(box_defect({5, 5, 9, 5}) == "");  // zero height
    CHECK(box_defect({-10, -20, -1, -2}) == "");
    CHECK(box_defect({-1e150, -1e150, 1e150, 1e150}) == "");  // a huge area, still finite
    // Corners whose width, height or area overflow would give NaN IoUs: refused.
    const double big = std::numeric_limits<double>::max();
    CHECK(box_defect({-big, -big, big, big}) ==
          "the box is too large: its area is not a finite number");
}

TEST_CASE("box_defect: x2 below x1, then y2 below y1, with the numbers") {
    CHECK(box_defect({7, 0, 3, 1}) == "x2 (3) is less than x1 (7)");
    CHECK(box_defect({0, 7, 1, 3}) == "y2 (3) is less than y1 (7)");
    CHECK(box_defect({1.5, 0, 1.25, 0}) == "x2 (1.25) is less than x1 (1.5)");
    CHECK(box_defect({0, -1, 0, -2.5}) == "y2 (-2.5) is less than y1 (-1)");
    // Both wrong: x is named first.
    CHECK(box_defect({7, 7, 3, 3}) == "x2 (3) is less than x1 (7)");
    // The smallest step is still a defect, and shown so it can be told apart.
    CHECK(box_defect({0.30000000000000004, 0, 0.3, 1}) ==
          "x2 (0.3) is less than x1 (0.30000000000000004)");
}

TEST_CASE("to_box keeps the corners in order x1, y1, x2, y2") {
    const box b = to_box({1, 2, 3, 4});
    CHECK(b.x1 == 1);
    CHECK(b.y1 == 2);
    CHECK(b.x2 == 3);
    CHECK(b.y2 == 4);
}
