// Description: a list of thresholds from the command line: one number ("0.5"), a list
// ("0.5,0.75") or a range ("0.5:0.95:0.05": start:stop:step, stop included). Range values are
// start + i * step rounded to 12 decimals, so 0.5:0.95:0.05 gives exactly 0.5, 0.55, ..., 0.95
// (the nearest doubles to those decimals) and not 0.6000000000000001.
// Status: tested in tests/support/threshold_list_test.cpp.
#pragma once

#include <string_view>
#include <vector>

namespace algojudge {

inline constexpr std::size_t max_thresholds = 1000;

// The thresholds of `spec`, increasing, each in [low, high]; usage_error naming `option`
// ("--iou: expected ..., got ...") for anything else.
// Example: parse_threshold_list("0.5:0.95:0.05", "--iou", 0, 1).size() == 10
std::vector<double> parse_threshold_list(std::string_view spec, std::string_view option, double low,
                                         double high);

}  // namespace algojudge
