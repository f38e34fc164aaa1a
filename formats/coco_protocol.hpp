// Description: the input of the COCO protocol (algorithms/coco_eval.hpp) for every detection
// format. COCO files give it their own numbering (images by ascending image id, classes by
// ascending category id, as pycocotools visits them), annotation `area`, `iscrowd` and `id`
// (formats/coco.hpp reads both views in one pass). Other formats derive it from their
// detection_set: images and classes in the set's order, a ground-truth box's area its w*h, no
// crowd (a `difficult` box stays an ordinary one), annotation ids 1..n in order.
// Status: tested in tests/formats/coco_protocol_test.cpp and tests/cli/ap_coco_tests.cmake.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "algorithms/average_precision.hpp"
#include "algorithms/coco_eval.hpp"

namespace algojudge {

struct coco_protocol_input {
    std::uint32_t image_count = 0;
    std::vector<std::string> class_names;         // by COCO class index
    std::vector<std::uint32_t> set_class;         // COCO class index -> detection_set class
    std::vector<coco_ground_truth> ground_truth;  // annotation file order
    std::vector<coco_detection> detections;       // results file order

    coco_eval_input view() const {
        return {image_count, static_cast<std::uint32_t>(class_names.size()), ground_truth,
                detections};
    }
};

// The COCO protocol's view of a non-COCO set (see above).
// Example: evaluate_coco(coco_protocol_from(load_voc(gt, det)).view()).summary.ap
coco_protocol_input coco_protocol_from(const detection_set& set);

}  // namespace algojudge
