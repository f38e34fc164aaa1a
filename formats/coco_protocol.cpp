#include "formats/coco_protocol.hpp"

namespace algojudge {

coco_protocol_input coco_protocol_from(const detection_set& set) {
    coco_protocol_input input;
    input.image_count = static_cast<std::uint32_t>(set.images.size());
    input.class_names = set.classes;
    input.set_class.resize(set.classes.size());
    for (std::size_t i = 0; i < set.classes.size(); ++i)
        input.set_class[i] = static_cast<std::uint32_t>(i);
    input.ground_truth.reserve(set.ground_truth.size());
    std::int64_t id = 0;
    for (const ground_truth_box& gt : set.ground_truth) {
        const coco_box bbox{gt.bbox.x1, gt.bbox.y1, gt.bbox.x2 - gt.bbox.x1,
                            gt.bbox.y2 - gt.bbox.y1};
        input.ground_truth.push_back({static_cast<std::uint32_t>(gt.image),
                                      static_cast<std::uint32_t>(gt.class_id), bbox,
                                      bbox.w * bbox.h, false, ++id});
    }
    input.detections.reserve(set.detections.size());
    for (const detection& d : set.detections) {
        input.detections.push_back(
            {static_cast<std::uint32_t>(d.image),
             static_cast<std::uint32_t>(d.class_id),
             {d.bbox.x1, d.bbox.y1, d.bbox.x2 - d.bbox.x1, d.bbox.y2 - d.bbox.y1},
             d.score});
    }
    return input;
}

}  // namespace algojudge
