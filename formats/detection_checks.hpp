// Description: the checks that keep a mismatch between files from giving a quietly wrong AP:
// detection classes without any ground truth (numbers against names, "Cat" against "cat"),
// detections on images without ground truth ("1" against "000001"), text boxes read in the
// wrong convention, and an empty ground truth. The first three come back as warnings, one
// sentence each, which `ap` prints on stderr and puts under "warnings" in --json (and
// --strict-names turns into an error); an empty ground truth is an input_error.
// Thresholds and wording: docs/average-precision.md#warnings.
// Status: tested in tests/formats/detection_checks_test.cpp and tests/cli/ap_checks_tests.cmake.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "algorithms/average_precision.hpp"
#include "formats/detection_input.hpp"

namespace algojudge {

// Warn when more than this share of the detections lie on images without any ground truth, or
// when one such image is named like a ground-truth image ("1" and "000001", spelling.hpp's
// loose_name).
inline constexpr double images_without_ground_truth_share = 0.1;
// Boxes read as corner + size warn when at least this share of them (and at least
// min_boxes_for_layout_check boxes) also read as ordered corners, as every box of a file of
// corners does; a file of x y width height has far fewer (width >= x and height >= y).
inline constexpr double xywh_also_corners_share = 0.9;
inline constexpr std::size_t min_boxes_for_layout_check = 10;
// At most this many classes get a warning of their own; the rest share one.
inline constexpr std::size_t max_class_warnings = 5;

struct detection_check_options {
    text_box_halves xywh;         // the halves whose text boxes were read with --box xywh
    bool coco_image_ids = false;  // images are COCO ids, matched by the reader already
};

// Every warning about `set`, in a fixed order: classes, images, boxes.
struct detection_warning_list {
    std::vector<std::string> warnings;
    bool about_images = false;  // one is image_warnings': it says what ap's note would
};
detection_warning_list detection_warnings(const detection_set& set,
                                          const detection_check_options& options);

// The warnings of each kind, for tests.
std::vector<std::string> class_warnings(const detection_set& set);
std::vector<std::string> image_warnings(const detection_set& set, bool suggest_images);
std::vector<std::string> layout_warnings(const detection_set& set, text_box_halves xywh);

// input_error "<option>: <the first warning> (and N more)" unless `warnings` is empty.
void refuse_warnings(const std::vector<std::string>& warnings, std::string_view option);

// input_error when `set` has no ground-truth box, saying what the ground-truth input of
// `source` holds: no files of its kind, files only in a subfolder ("give --gt DIR/sub"), or
// files without a box.
void require_ground_truth(const detection_set& set, const detection_source& source);

}  // namespace algojudge
