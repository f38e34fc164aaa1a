// Description: the terminal tables `algojudge ap` adds to its per-class table: an IoU sweep
// (11-point and area AP per class at each threshold, their mean over the thresholds, the mAP
// rows) and the false positives split by cause (--errors). Rows in class-name order.
// Status: tested in tests/reports/ap_sweep_table_test.cpp and tests/cli/ap_output_tests.cmake.
#pragma once

#include <span>
#include <string>

#include "algorithms/average_precision.hpp"

namespace algojudge {

// `sweep[t]` is the result at `thresholds[t]`; conventions for the heading (not its threshold).
std::string render_ap_sweep_table(const detection_set& set, std::span<const double> thresholds,
                                  std::span<const ap_result> sweep,
                                  const ap_conventions& conventions, bool use_colour);

// One row per class with errors (evaluated with ap_analysis::errors), then the totals.
std::string render_ap_errors_table(const detection_set& set, const ap_result& result,
                                   double threshold, bool use_colour);

}  // namespace algojudge
