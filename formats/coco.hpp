// Description: COCO: ground truth from an instances file (`images` id/file_name, `categories`
// id/name, `annotations` image_id/category_id/bbox [x, y, w, h]/iscrowd; iscrowd = 1 becomes
// `difficult`), detections from a results list [{image_id, category_id, bbox, score}]. Classes
// are the categories in file order; images are named by file_name (or their id). Errors name
// the file and the JSON path. Reference: docs/average-precision-formats.md.
// load_coco_files() also gives the COCO protocol's view of the same files (annotation `area`,
// default w*h; `id`, default the position from 1; `iscrowd`), read once for both protocols.
// Annotations and results must name listed images and categories (a clear error otherwise:
// pycocotools crashes on such results; an unknown category names the ids the file has).
// Status: tested in tests/formats/coco_test.cpp.
#pragma once

#include <filesystem>

#include "algorithms/average_precision.hpp"
#include "formats/coco_protocol.hpp"

namespace algojudge {

// Example: load_coco("instances_val2017.json", "detections_val2017_results.json").
detection_set load_coco(const std::filesystem::path& instances_json,
                        const std::filesystem::path& results_json);

struct coco_files {
    detection_set set;             // the VOC protocol's view: file order
    coco_protocol_input protocol;  // the COCO protocol's view: ranked by id
};

coco_files load_coco_files(const std::filesystem::path& instances_json,
                           const std::filesystem::path& results_json);

}  // namespace algojudge
