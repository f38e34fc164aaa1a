// Description: the one entry to every detection format: which format a set of paths is in
// (named, or sniffed from the paths where unambiguous), and load_detections() for any of them.
// Usage errors (a FILE and folders at once, a missing half) are usage_error.
// Status: tested in tests/formats/detection_input_test.cpp and tests/cli/ap_formats_tests.cmake.
#pragma once

#include <string>

#include "formats/coco_protocol.hpp"
#include "formats/detection_builder.hpp"
#include "formats/text_folders.hpp"
#include "formats/yolo.hpp"

namespace algojudge {

struct detection_source {
    std::string file;                      // the AP JSON form: one file
    std::string format;                    // "json", "text", "voc", "coco"; empty: sniffed
    std::string ground_truth;              // text folder, VOC XML folder or COCO instances file
    std::string detections;                // text folder, VOC results folder or COCO results file
    box_layout layout = box_layout::xyxy;  // text boxes
    bool layout_given = false;             // --box was given: only text formats take it
    std::string class_names;               // --names: names of numeric class ids (text, yolo)
    yolo_score score = yolo_score::last;   // where YOLO detection lines have their confidence
    bool score_given = false;              // --yolo-score was given: only yolo takes it
    std::string image_sizes;               // yolo: `image width height` lines
    bool needs_pixels = false;             // the +1 pixel IoU or COCO's area ranges are asked for
};

// The format of `source`: its own when named ("json", "text", "voc", "coco", "yolo"; yolo is
// never sniffed), else json for a FILE, coco for a ground-truth file, voc for a folder holding
// .xml files, text for other folders. usage_error for options the format does not take, and
// for yolo asked for pixels without image sizes.
std::string detection_format(const detection_source& source);

// Which halves of `source` are text files whose boxes were read in `source.layout`.
struct text_box_halves {
    bool ground_truth = false;
    bool detections = false;
};
text_box_halves text_boxes_of(const detection_source& source);

ap_input load_detections(const detection_source& source);

struct detection_inputs {
    ap_input input;            // the VOC protocol's
    coco_protocol_input coco;  // the COCO protocol's (formats/coco_protocol.hpp)
};

// Both protocols' inputs; COCO files are parsed once for the two.
detection_inputs load_detections_with_coco(const detection_source& source);

}  // namespace algojudge
