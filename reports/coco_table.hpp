// Description: the COCO protocol's reports: the twelve summary lines in the layout pycocotools'
// COCOeval.summarize() prints them, a per-class table (AP, AP50, AP75, APs, APm, APl, AR100) in
// class order (ascending category id for COCO files), and the "coco" / "coco_classes" JSON
// objects of `algojudge ap --json` with their keys in the documented order.
// Status: tested in tests/reports/coco_table_test.cpp and tests/cli/ap_coco_tests.cmake.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "algorithms/coco_eval.hpp"

namespace algojudge {

// The twelve lines, e.g. " Average Precision  (AP) @[ IoU=0.50:0.95 | area=   all | maxDets=100
// ] = 0.372" (one line each; -1 prints as -1.000, as pycocotools does).
std::string render_coco_summary(const coco_summary& summary);

// "0.372" for 0.372; no_ap_word ("n/a", as the VOC table) for -1 (no ground truth in that range).
std::string coco_number(double value);

// `class_names[c]` names result.classes[c].
std::string render_coco_table(const std::vector<std::string>& class_names,
                              const coco_eval_result& result, bool use_colour);

// {"AP", "AP50", "AP75", "APs", "APm", "APl", "AR1", "AR10", "AR100", "ARs", "ARm", "ARl"}.
nlohmann::ordered_json coco_summary_json(const coco_summary& summary);
// {"<name>": {"AP", "AP50", "AP75", "APs", "APm", "APl", "AR100"}} in class order.
nlohmann::ordered_json coco_classes_json(const std::vector<std::string>& class_names,
                                         const coco_eval_result& result);

}  // namespace algojudge
