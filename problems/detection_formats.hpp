// Description: detection-evaluation inputs in the formats of well-known tools, read into a
// detection_set: PASCAL VOC (XML annotation folder + per-class results files) and COCO
// (instances JSON + results list). Format reference: docs/average-precision-formats.md.
// Every failure is a case_file_error whose one-line message starts with the file and names
// the line (text, XML) or the JSON path: `dog.xml: line 14: object 2: bndbox: xmax 3 < xmin 9`.
// Status: tested in tests/detection_formats_test.cpp.
#pragma once

#include <filesystem>

#include "algorithms/average_precision.hpp"
#include "problems/cases.hpp"

namespace algojudge {

// PASCAL VOC: ground truth from `annotations_dir` (one XML file per image, image id = file
// stem; `<object>` with `<name>`, optional `<difficult>`, `<bndbox>` xmin/ymin/xmax/ymax),
// detections from the VOC results files in `results_dir` (`<prefix>_det_<set>_<class>.txt`
// such as `comp4_det_test_dog.txt`, lines `image score x1 y1 x2 y2`).
// Example: load_voc("VOC2007/Annotations", "results/VOC2007/Main").
detection_set load_voc(const std::filesystem::path& annotations_dir,
                       const std::filesystem::path& results_dir);

// The ground-truth half of load_voc: appends every annotation in `annotations_dir` to `set`,
// reusing the image and class ids already in it, so detections from another format can be
// added before or after (`--format voc --det` with per-image text files).
void load_voc_annotations(const std::filesystem::path& annotations_dir, detection_set& set);

// The detection half of load_voc: appends the detections of every VOC results file in
// `results_dir` to `set` (class taken from the file name, image ids interned as for GT).
void load_voc_results(const std::filesystem::path& results_dir, detection_set& set);

// COCO: ground truth from an instances file (`images` id/file_name, `categories` id/name,
// `annotations` image_id/category_id/bbox [x, y, w, h]/iscrowd; iscrowd = 1 becomes
// `difficult`), detections from a results list [{image_id, category_id, bbox, score}].
// Classes are the categories in file order; images are named by file_name (or their id).
// Example: load_coco("instances_val2017.json", "detections_val2017_results.json").
detection_set load_coco(const std::filesystem::path& instances_json,
                        const std::filesystem::path& results_json);

}  // namespace algojudge
