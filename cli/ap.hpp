// `algojudge ap [FILE] [--format json|text|voc|coco] [--gt PATH --det PATH] [--iou T|T,T|A:B:STEP]
// [--pixel-plus-one] [--strict] [--numpy-thresholds] [--box xyxy|xywh] [--json] [--curves]
// [--errors] [--plot DIR] [--protocol voc|coco|both]`: per-class average precision of detections
// against ground truth, VOC 11-point and area side by side, and/or pycocotools' twelve COCO
// numbers. Formats and conventions: docs/average-precision.md.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

namespace algojudge::cli {

struct ap_options {
    std::string input;   // json: one file (positional or --input)
    std::string format;  // json, text, voc, coco, yolo; empty: detected
    std::string ground_truth;
    std::string detections;
    std::string box = "xyxy";  // text only
    bool box_given = false;
    std::string iou;  // overrides the file's: one threshold, a list or a range (a sweep)
    bool pixel_plus_one = false;
    bool strict_greater = false;
    bool numpy_thresholds = false;
    bool json = false;
    bool errors = false;  // split the false positives by cause
    bool curves = false;  // --json: each class's precision/recall points and scores
    std::string plot_dir;
    std::string protocol = "voc";  // voc, coco or both
    // Inputs (docs/average-precision-formats.md): --names FILE, --format yolo's --yolo-score
    // last|first and --image-sizes FILE; --strict-names (docs/average-precision.md).
    std::string class_names;          // names of numeric class ids
    std::string yolo_score = "last";  // yolo detections: confidence after the box or the class
    bool yolo_score_given = false;
    std::string image_sizes;    // yolo: `image width height` lines
    bool strict_names = false;  // the input checks' warnings are errors
};

void setup_ap(CLI::App& app, int& status);
int ap_main(const ap_options& options);

}  // namespace algojudge::cli
