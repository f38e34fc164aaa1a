// Description: what every detection format reads into: a detection_set with interned image and
// class names, and the conventions the input asks for (only the AP JSON form carries any).
// Every reader (AP JSON, text folders, VOC, COCO) fills one through a detection_builder.
// Status: exercised by every format's tests (tests/formats/).
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>

#include "algorithms/average_precision.hpp"
#include "support/name_table.hpp"

namespace algojudge {

struct ap_input {
    detection_set set;
    ap_conventions conventions;
};

// Interns image and class names into the set it builds. It may start from a set read before
// (VOC XML ground truth, then per-image text detections), keeping that set's ids.
class detection_builder {
  public:
    detection_builder() = default;
    explicit detection_builder(ap_input start)
        : result_(std::move(start)),
          image_ids_(result_.set.images),
          class_ids_(result_.set.classes) {}

    std::uint32_t image(std::string_view name) {
        return image_ids_.intern(result_.set.images, name);
    }
    // The same in two steps: image_hash() starts the table lookup of a name, image() with its
    // hash finishes it once other work has hidden the memory latency.
    std::uint64_t image_hash(std::string_view name) const {
        const std::uint64_t hash = name_hash(name);
        image_ids_.prefetch(hash);
        return hash;
    }
    std::uint32_t image(std::string_view name, std::uint64_t hash) {
        return image_ids_.intern(result_.set.images, name, hash);
    }
    std::uint32_t class_id(std::string_view name) {
        return class_ids_.intern(result_.set.classes, name);
    }
    ap_input& result() { return result_; }
    detection_set& set() { return result_.set; }

  private:
    ap_input result_;
    name_table image_ids_, class_ids_;
};

}  // namespace algojudge
