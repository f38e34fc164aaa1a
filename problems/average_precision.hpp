// Description: the average-precision problem's JSON edge. Input: ap_json_fields (formats/ap_json);
// output {"classes": {name: {"num_gt", "num_difficult", "num_detections", "tp", "fp",
// "ap_11point", "ap_area", "ap_101point"}}, "map_11point", "map_area", "map_101point"}, null
// where a class has no non-difficult ground truth. The checker compares counts exactly and APs
// within the case's tolerance (default 1e-9). Reference: docs/average-precision.md.
// Status: tested in tests/problems/average_precision_test.cpp and tests/cli/ap_tests.cmake.
#pragma once

#include <string>

#include "algorithms/average_precision.hpp"
#include "problems/problem.hpp"

namespace algojudge {

// The output object for a result of `set` (class names from the set).
json ap_result_json(const detection_set& set, const ap_result& result);

json solve_average_precision(const json& input, const solve_options& options);
check_result check_average_precision(const check_args& args);

// The fast path (problem::fast): formats/ap_json's simdjson reader, which `ap` uses too.
extern const typed_reader average_precision_fast;

}  // namespace algojudge
