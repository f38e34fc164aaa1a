// Description: the average-precision problem's JSON edge. Input: ap_json_fields (formats/ap_json);
// output {"classes": {name: {"num_gt", "num_difficult", "num_detections", "tp", "fp",
// "ap_11point", "ap_area", "ap_101point"}}, "map_11point", "map_area", "map_101point"}, null
// where a class has no non-difficult ground truth. The checker compares counts exactly and APs
// within the case's tolerance (default 1e-9); keys it does not expect in a class are not read.
// `ap --json` adds errors, curves and sweeps (ap_result_detailed_json, ap_sweep_json).
// Reference: docs/average-precision.md.
// Status: tested in tests/problems/average_precision_test.cpp and tests/cli/ap_tests.cmake.
#pragma once

#include <span>
#include <string>

#include "algorithms/average_precision.hpp"
#include "problems/problem.hpp"

namespace algojudge {

// The output object for a result of `set` (class names from the set). `run average-precision`
// and the case checker use this form; it has no errors, curves or settings.
json ap_result_json(const detection_set& set, const ap_result& result);

// `ap --json`'s form of a result: ap_result_json's keys in their (sorted) order, then in each
// class "errors" {"duplicate", "localisation", "confusion", "background", "missed"} when the
// result has them and, with `curves`, "curve" {"recall": [...], "precision": [...], "score":
// [...]} (one entry per curve point).
nlohmann::ordered_json ap_result_detailed_json(const detection_set& set, const ap_result& result,
                                               bool curves);
// A sweep: {"sweep": [{"iou": t, ...ap_result_detailed_json...}, ...], "mean_over_iou":
// {"classes": {name: {"ap_101point", "ap_11point", "ap_area"}}, "map_101point", "map_11point",
// "map_area"}}, null where a class has no AP.
nlohmann::ordered_json ap_sweep_json(const detection_set& set, std::span<const double> thresholds,
                                     std::span<const ap_result> sweep, bool curves);

json solve_average_precision(const json& input, const solve_options& options);
check_result check_average_precision(const check_args& args);

// The fast path (problem::fast): formats/ap_json's simdjson reader, which `ap` uses too.
extern const typed_reader average_precision_fast;

}  // namespace algojudge
