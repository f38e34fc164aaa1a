// Description: the terminal tables `algojudge ap` adds to its per-class table: an IoU sweep
// (11-point and area AP per class at each threshold, their mean over the thresholds, the mAP
// rows) and the false positives split by cause (--errors), whose cells the HTML report shares.
// Rows in natural order of class names.
// Status: tested in tests/reports/ap_sweep_table_test.cpp and tests/cli/ap_output_tests.cmake.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "algorithms/average_precision.hpp"

namespace algojudge {

// `sweep[t]` is the result at `thresholds[t]`; conventions for the heading (not its threshold).
std::string render_ap_sweep_table(const detection_set& set, std::span<const double> thresholds,
                                  std::span<const ap_result> sweep,
                                  const ap_conventions& conventions, bool use_colour);

// The false-positive split as cells, for the terminal table and the HTML report alike: a row
// per class with errors (evaluated with ap_analysis::errors), in natural order, and the totals.
struct ap_error_summary {
    std::string heading;  // "false positives by cause at IoU 0.5 (localisation: ...)"
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> total;  // "all classes"
};
ap_error_summary summarise_ap_errors(const detection_set& set, const ap_result& result,
                                     double threshold);

// One row per class with errors (evaluated with ap_analysis::errors), then the totals.
std::string render_ap_errors_table(const detection_set& set, const ap_result& result,
                                   double threshold, bool use_colour);

}  // namespace algojudge
