// Description: the terminal table of `algojudge ap`, and the number formats it shares with the
// HTML report: one row per class in name order, both APs, their difference and the verdict.
// Status: tested in tests/reports/ap_table_test.cpp and tests/cli/ap_tests.cmake.
#pragma once

#include <optional>
#include <string>

#include "algorithms/average_precision.hpp"

namespace algojudge {

// "26.84" for 0.2684; "-" when there is no AP (a class without non-difficult ground truth).
std::string ap_percent(const std::optional<double>& value);
// area - 11-point in points, signed ("+1.73", "+0.00", never "-0.00"); "-" without both.
std::string ap_difference(const std::optional<double>& area, const std::optional<double>& eleven);

std::string render_ap_table(const detection_set& set, const ap_result& result,
                            const ap_conventions& conventions, bool use_colour);

}  // namespace algojudge
