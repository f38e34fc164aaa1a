// Description: PASCAL VOC: ground truth from an annotation folder (one XML file per image,
// image id = file stem; `<object>` with `<name>`, optional `<difficult>`, `<bndbox>`
// xmin/ymin/xmax/ymax), detections from the VOC results files of a folder
// (`<prefix>_det_<set>_<class>.txt` such as `comp4_det_test_dog.txt`, lines
// `image score x1 y1 x2 y2`). Errors name the file and the line:
// `dog.xml: line 14: object 2: bndbox: xmax (3) is less than xmin (9)`. Reference:
// docs/average-precision-formats.md. Status: tested in tests/formats/voc_test.cpp.
#pragma once

#include <filesystem>

#include "formats/detection_builder.hpp"

namespace algojudge {

// Each half appends to `builder`, so the other half may come from another format.
void read_voc_annotations(detection_builder& builder, const std::filesystem::path& dir);
void read_voc_results(detection_builder& builder, const std::filesystem::path& dir);

// Example: load_voc("VOC2007/Annotations", "results/VOC2007/Main").
detection_set load_voc(const std::filesystem::path& annotations_dir,
                       const std::filesystem::path& results_dir);

}  // namespace algojudge
