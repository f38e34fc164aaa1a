// Description: readers of the well-known detection formats into a detection_set:
// PASCAL VOC (XML annotation folder + per-class results files comp4_det_test_<class>.txt with
// lines `image score x1 y1 x2 y2`) and COCO (instances JSON + results list, bbox as x, y, w, h,
// category ids mapped to names). Boxes are returned as [x1, y1, x2, y2].
// Errors: case_file_error with a one-line message naming the file and the line (VOC results,
// "file:12: ...") or the element/JSON path (XML, COCO), e.g. "instances.json:
// annotations[3].category_id: unknown category 91".
// Status: interface only here; implemented and tested on the ap2 branch.
#pragma once

#include <filesystem>

#include "algorithms/average_precision.hpp"
#include "problems/cases.hpp"

namespace algojudge {

// Ground truth from every *.xml in `annotations_dir` (file stem or <filename> stem = image id,
// <object><name>, <difficult>, <bndbox>), detections from every comp*_det_*_<class>.txt in
// `results_dir`.
detection_set load_voc(const std::filesystem::path& annotations_dir,
                       const std::filesystem::path& results_dir);

// Ground truth from a COCO instances file (images, categories, annotations with iscrowd
// treated as difficult), detections from a COCO results list [{image_id, category_id, bbox,
// score}].
detection_set load_coco(const std::filesystem::path& instances_json,
                        const std::filesystem::path& results_json);

}  // namespace algojudge
