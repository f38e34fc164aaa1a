// Description: object-detection average precision, PASCAL VOC style: per class, detections by
// descending score (ties keep input order) each take the best-IoU box of their image; past the
// threshold a difficult box ignores them, a free box makes a TP, a taken one a FP. AP by the
// VOC2007 11-point, VOC2010+ all-point ("area") and 101-point methods, and their mean.
// A sweep over several IoU thresholds shares each class's IoUs and score sort; on request, each
// false positive is told apart as a duplicate, a localisation, a confusion or background.
// Time: O(D + G + sum over (image, class) of D_ic * G_ic); linear radix sort by score; two
// threads from 100 000 detections, bit-identical. Memory: O(D + G) indices.
// Status: property-tested against an all-pairs matcher, the sweep against one run per threshold,
// the error split against a brute-force classifier; every published VOC-tool number reproduced
// (tests/algorithms/average_precision_test.cpp). Details: docs/average-precision.md.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace algojudge {

struct box {
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;  // x1 <= x2, y1 <= y2
};

struct ground_truth_box {
    std::uint32_t image = 0;     // index into detection_set::images
    std::uint32_t class_id = 0;  // index into detection_set::classes
    box bbox;
    bool difficult = false;
};

struct detection {
    std::uint32_t image = 0;
    std::uint32_t class_id = 0;
    double score = 0;
    box bbox;
};

// A whole evaluation input, with image and class names interned to dense ids.
struct detection_set {
    std::vector<std::string> images;
    std::vector<std::string> classes;
    std::vector<ground_truth_box> ground_truth;
    std::vector<detection> detections;  // input order (it breaks score ties)
};

// Conventions on which well-known tools differ (docs/average-precision.md).
struct ap_conventions {
    double iou_threshold = 0.5;
    bool pixel_plus_one = false;    // width = x2 - x1 + 1, as the VOC devkit
    bool strict_greater = false;    // match when IoU > threshold instead of >=
    bool numpy_thresholds = false;  // 11-point thresholds as numpy.arange(0, 1.1, 0.1) makes them
};

struct pr_point {
    double recall = 0;
    double precision = 0;
};

// Why the false positives of a class are false (docs/average-precision.md, "Error analysis"),
// taken in this order, the first rule that holds: duplicate + localisation + confusion +
// background = fp. Detections are taken by descending score, as the matching takes them.
struct ap_errors {
    std::size_t duplicate = 0;     // its best box passes the threshold but is already matched
    std::size_t localisation = 0;  // IoU >= 0.1 with a non-difficult box of its class still free
    std::size_t confusion = 0;     // passes the threshold with a box of another class
    std::size_t background = 0;    // none of these
    std::size_t missed = 0;        // non-difficult boxes no detection matched: num_gt - tp
};
inline constexpr double localisation_min_iou = 0.1;

struct class_ap {
    std::size_t num_gt = 0;  // non-difficult ground-truth boxes
    std::size_t num_difficult = 0;
    std::size_t num_detections = 0;  // all detections of the class, ignored ones included
    std::size_t tp = 0;
    std::size_t fp = 0;
    // nullopt when the class has no non-difficult ground truth: no AP, left out of the mean.
    std::optional<double> ap_11point, ap_area, ap_101point;
    std::vector<pr_point> curve;       // one point per counted (TP or FP) detection, in score order
    std::vector<double> curve_scores;  // with ap_analysis::curve_scores: parallel to `curve`
    std::optional<ap_errors> errors;   // when ap_analysis::errors asked for them
};

struct ap_result {
    std::vector<class_ap> classes;  // indexed like detection_set::classes
    std::optional<double> map_11point, map_area, map_101point;
    std::size_t detections_without_ground_truth_image = 0;  // images with no GT at all
};

// What to compute beyond the APs.
struct ap_analysis {
    bool errors = false;        // fill class_ap::errors (a pass over each false positive's image)
    bool curve_scores = false;  // fill class_ap::curve_scores (a score per curve point)
};

double iou(const box& a, const box& b, bool pixel_plus_one);
// Constraints: ids in range, scores not NaN, fewer than 2^32 boxes and detections.
// Complexity: as above; two threads from detail::ap_parallel_min_detections detections on (if
// the machine has two cores).
ap_result evaluate_average_precision(const detection_set& set, const ap_conventions& conventions,
                                     const ap_analysis& analysis = {});
// One result per threshold (conventions.iou_threshold is not used), each equal to
// evaluate_average_precision at that threshold. Shared between thresholds: the bucketing, each
// class's boxes grouped by image, each detection's best box and its IoU (the argmax does not
// depend on the threshold), and the sort by score. Per threshold: the claiming of boxes (who
// takes a box depends on which detections pass), the curve and the APs.
// Constraints: thresholds not empty. Complexity: as one run, plus O(D) time per further
// threshold; memory: one set of curves per threshold.
// Example: const std::vector<double> t = {0.5, 0.75};
//          evaluate_average_precision_sweep(set, conventions, t)[1].map_area  // mAP at 0.75
std::vector<ap_result> evaluate_average_precision_sweep(const detection_set& set,
                                                        const ap_conventions& conventions,
                                                        std::span<const double> thresholds,
                                                        const ap_analysis& analysis = {});

// A sweep's APs averaged over its thresholds: per class (nullopt for a class without AP, which
// has none at any threshold) and the mAPs (the mean of the mAPs = the mean of the class means).
struct ap_values {
    std::optional<double> ap_11point, ap_area, ap_101point;
};
struct ap_sweep_mean {
    std::vector<ap_values> classes;  // indexed like detection_set::classes
    ap_values map;
};
// Constraints: `sweep` not empty, its results of one set.
ap_sweep_mean mean_over_thresholds(std::span<const ap_result> sweep);

// AP from a raw curve (recall non-decreasing).
double ap_11point(std::span<const pr_point> curve, bool numpy_thresholds);
double ap_area(std::span<const pr_point> curve);
double ap_101point(std::span<const pr_point> curve);
// What the methods are made of, for plots: the 11 (recall threshold, interpolated precision)
// samples whose mean is ap_11point, and the precision envelope (envelope[i] = the highest
// precision at curve[i] or later) whose area is ap_area.
std::array<pr_point, 11> eleven_point_samples(std::span<const pr_point> curve,
                                              bool numpy_thresholds);
std::vector<double> precision_envelope(std::span<const pr_point> curve);

namespace detail {

inline constexpr std::size_t ap_parallel_min_detections = 100000;
inline constexpr unsigned ap_max_threads = 2;

// evaluate_average_precision on up to `max_threads` threads (at least 1), whatever the size.
ap_result evaluate_average_precision(const detection_set& set, const ap_conventions& conventions,
                                     unsigned max_threads);
std::vector<ap_result> evaluate_average_precision_sweep(const detection_set& set,
                                                        const ap_conventions& conventions,
                                                        std::span<const double> thresholds,
                                                        const ap_analysis& analysis,
                                                        unsigned max_threads);

}  // namespace detail

}  // namespace algojudge
