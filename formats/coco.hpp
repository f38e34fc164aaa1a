// Description: COCO: ground truth from an instances file (`images` id/file_name, `categories`
// id/name, `annotations` image_id/category_id/bbox [x, y, w, h]/iscrowd; iscrowd = 1 becomes
// `difficult`), detections from a results list [{image_id, category_id, bbox, score}]. Classes
// are the categories in file order; images are named by file_name (or their id). Errors name
// the file and the JSON path. Reference: docs/average-precision-formats.md.
// Status: tested in tests/formats/coco_test.cpp.
#pragma once

#include <filesystem>

#include "algorithms/average_precision.hpp"

namespace algojudge {

// Example: load_coco("instances_val2017.json", "detections_val2017_results.json").
detection_set load_coco(const std::filesystem::path& instances_json,
                        const std::filesystem::path& results_json);

}  // namespace algojudge
