// Description: the bbox evaluation of pycocotools' COCOeval with default parameters, number for
// number: IoU thresholds .50:.05:.95, area ranges all/small/medium/large (ground truth by its
// `area` field, detections by w*h), at most 1/10/100 detections per image and class, precision
// interpolated at 101 recall points, and the twelve summary statistics (docs/average-precision.md, "The COCO protocol").
// Each (image, class) computes its IoU matrix once and walks the ten thresholds together, once
// per area range; each class is then sorted by score once and its curves are read off its TPs.
// Time: O(D log D + G log G + I + C + sum over (image, class) of D_ic * G_ic). Memory: O(D + G).
// Status: equal to pycocotools' output on generated sets and property-tested against a direct
// transliteration of its loops (tests/algorithms/coco_eval_test.cpp).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace algojudge {

inline constexpr std::size_t coco_iou_count = 10;      // .50, .55, ..., .95
inline constexpr std::size_t coco_recall_count = 101;  // 0, .01, ..., 1
inline constexpr std::size_t coco_area_count = 4;      // all, small, medium, large
// An annotation whose image or category is not in the ground truth's lists: never evaluated,
// but its id still takes part in the id quirks (see coco_ground_truth::id).
inline constexpr std::uint32_t coco_unlisted = UINT32_MAX;

struct coco_box {
    double x = 0, y = 0, w = 0, h = 0;  // COCO's [x, y, width, height]
};

struct coco_ground_truth {
    // Images are numbered by ascending COCO image id and classes by ascending category id:
    // pycocotools visits them in that order, and it breaks score ties across images.
    std::uint32_t image = 0;     // < image_count, or coco_unlisted
    std::uint32_t class_id = 0;  // < class_count, or coco_unlisted
    coco_box bbox;
    double area = 0;  // the annotation's `area` field, not bbox w*h
    bool iscrowd = false;
    // The annotation id, resolved as pycocotools' dict does: every annotation sharing an id is
    // replaced by the last one in file order (which then counts once per sharer), and an id of
    // 0 leaves its matches counted as false positives. Give ids as in the file.
    std::int64_t id = 0;
};

struct coco_detection {
    std::uint32_t image = 0;     // < image_count
    std::uint32_t class_id = 0;  // < class_count
    coco_box bbox;
    double score = 0;  // not NaN
};

struct coco_eval_input {
    std::uint32_t image_count = 0;
    std::uint32_t class_count = 0;
    std::span<const coco_ground_truth> ground_truth;  // annotation file order
    std::span<const coco_detection> detections;       // results file order (it breaks ties)
};

// The twelve numbers of COCOeval.summarize(), in its order; -1 where pycocotools gives -1.
struct coco_summary {
    double ap = -1, ap50 = -1, ap75 = -1, ap_small = -1, ap_medium = -1, ap_large = -1;
    double ar1 = -1, ar10 = -1, ar100 = -1, ar_small = -1, ar_medium = -1, ar_large = -1;
};

using coco_curve = std::array<double, coco_recall_count>;

struct coco_class_result {
    // -1 when the class has no non-crowd ground truth in that area range (left out of means).
    double ap = -1, ap50 = -1, ap75 = -1, ap_small = -1, ap_medium = -1, ap_large = -1;
    double ar100 = -1;
    std::uint32_t num_gt = 0;  // non-crowd ground truth (area all)
    // Interpolated precision at coco_recall_thresholds() (area all, maxDets 100): at IoU .50,
    // at .75, and the mean over the ten thresholds. All -1 when num_gt == 0.
    coco_curve precision50{}, precision75{}, precision_mean{};
};

struct coco_eval_result {
    coco_summary summary;
    std::vector<coco_class_result> classes;  // indexed by class
};

// The thresholds as numpy.linspace makes them (the ninth IoU threshold is 0.8999999999999999).
std::array<double, coco_iou_count> coco_iou_thresholds();
std::array<double, coco_recall_count> coco_recall_thresholds();

// pycocotools' bbox IoU (maskApi.c bbIou): against a crowd region, intersection over the
// detection's area.
double coco_iou(const coco_box& detection, const coco_box& ground_truth, bool crowd);

// Constraints: ids in range (or coco_unlisted for ground truth), scores not NaN, fewer than 2^32
// boxes and detections. An empty detection list gives 0 for every class with ground truth.
// Complexity: as above; two threads from detail::coco_parallel_min_detections detections on.
// Example: evaluate_coco({1, 1, gts, dets}).summary.ap
coco_eval_result evaluate_coco(const coco_eval_input& input);

// ---- The two halves of evaluate_coco, apart so that a benchmark can time each ----

// What a detection became at each threshold of one area range: bit t of `tp` (or `fp`) set when
// it is a true (or false) positive at coco_iou_thresholds()[t]; neither bit when ignored.
struct coco_outcome {
    std::array<std::uint16_t, coco_area_count> tp{}, fp{};
};

struct coco_class_matches {
    std::array<std::uint32_t, coco_area_count> num_gt{};  // non-ignored ground truth per range
    // True positives among each image's best 1 and best 10 detections (area all).
    std::array<std::uint32_t, coco_iou_count> tp_top1{}, tp_top10{};
    // The detections kept (each image's best 100), in pycocotools' concatenation order: by
    // image, then by descending score; scores[i] and outcomes[i] describe the same detection.
    std::vector<double> scores;
    std::vector<coco_outcome> outcomes;
};

struct coco_matches {
    std::vector<coco_class_matches> classes;  // indexed by class
};

// Complexity: O(D log D + G log G + I + C + sum of D_ic * G_ic), on up to max_threads threads.
coco_matches match_coco(const coco_eval_input& input, unsigned max_threads = 1);
// Complexity: O(D log D + C * 4 * 10 * 101), on up to max_threads threads.
coco_eval_result accumulate_coco(const coco_matches& matches, unsigned max_threads = 1);

namespace detail {

inline constexpr std::size_t coco_parallel_min_detections = 100000;

// The sum np.mean takes: numpy's pairwise summation within blocks of 8192 values, so that
// means agree with pycocotools' to the last bit.
double numpy_sum(std::span<const double> values);

}  // namespace detail

}  // namespace algojudge
