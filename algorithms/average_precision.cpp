#include "algorithms/average_precision.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <numeric>

namespace algojudge {

namespace {

// 11-point (or 101-point) interpolation: the mean over thresholds t of the highest precision
// at recall >= t (0 when the curve never reaches t). `threshold(i)` gives the i-th t.
template <class Threshold>
double interpolated_ap(std::span<const pr_point> curve, int steps, Threshold threshold) {
    // Suffix maxima of precision: best[i] = max precision over curve[i..].
    std::vector<double> best(curve.size() + 1, 0.0);
    for (std::size_t i = curve.size(); i-- > 0;) {
        best[i] = std::max(best[i + 1], curve[i].precision);
    }
    double sum = 0;
    std::size_t first = 0;  // first point with recall >= t; t grows, recall is non-decreasing
    for (int i = 0; i <= steps; ++i) {
        const double t = threshold(i);
        while (first < curve.size() && curve[first].recall < t)
            ++first;
        sum += best[first];
    }
    return sum / (steps + 1);
}

}  // namespace

double iou(const box& a, const box& b, bool pixel_plus_one) {
    const double extra = pixel_plus_one ? 1.0 : 0.0;
    const double overlap_w = std::min(a.x2, b.x2) - std::max(a.x1, b.x1) + extra;
    const double overlap_h = std::min(a.y2, b.y2) - std::max(a.y1, b.y1) + extra;
    if (overlap_w <= 0 || overlap_h <= 0) return 0.0;
    const double intersection = overlap_w * overlap_h;
    const double area_a = (a.x2 - a.x1 + extra) * (a.y2 - a.y1 + extra);
    const double area_b = (b.x2 - b.x1 + extra) * (b.y2 - b.y1 + extra);
    const double union_area = area_a + area_b - intersection;
    if (union_area <= 0) return 0.0;  // two degenerate boxes
    return intersection / union_area;
}

double ap_11point(std::span<const pr_point> curve, bool numpy_thresholds) {
    if (numpy_thresholds) {
        // numpy.arange(0, 1.1, 0.1) computes i * 0.1: 0.30000000000000004, 0.6000000000000001...
        return interpolated_ap(curve, 10, [](int i) { return i * 0.1; });
    }
    return interpolated_ap(curve, 10, [](int i) { return i / 10.0; });
}

double ap_101point(std::span<const pr_point> curve) {
    return interpolated_ap(curve, 100, [](int i) { return i / 100.0; });
}

double ap_area(std::span<const pr_point> curve) {
    // VOC2010+: precision made monotone from the right, then summed over the recall steps.
    // Sentinels (recall 0, precision 0) in front and (recall 1, precision 0) behind as the
    // devkit adds them; the envelope runs from the right, so the front sentinel takes the max.
    const std::size_t n = curve.size();
    std::vector<double> envelope(n + 2, 0.0);
    for (std::size_t i = 0; i < n; ++i)
        envelope[i + 1] = curve[i].precision;
    for (std::size_t i = n + 1; i-- > 0;)
        envelope[i] = std::max(envelope[i], envelope[i + 1]);
    auto recall_at = [&](std::size_t i) {
        if (i == 0) return 0.0;
        if (i == n + 1) return 1.0;
        return curve[i - 1].recall;
    };
    double area = 0;
    for (std::size_t i = 0; i + 1 < n + 2; ++i) {
        const double step = recall_at(i + 1) - recall_at(i);
        if (step != 0) area += step * envelope[i + 1];
    }
    return area;
}

ap_result evaluate_average_precision(const detection_set& set, const ap_conventions& conventions) {
    const std::size_t num_classes = set.classes.size();
    const std::size_t num_images = set.images.size();
    ap_result result;
    result.classes.resize(num_classes);

    // Bucket ground truth and detections by class (counting sort keeps input order).
    std::vector<std::size_t> gt_start(num_classes + 1, 0), det_start(num_classes + 1, 0);
    std::vector<char> image_has_gt(num_images, 0);
    for (const ground_truth_box& g : set.ground_truth) {
        assert(g.class_id < num_classes && g.image < num_images);
        ++gt_start[g.class_id + 1];
        image_has_gt[g.image] = 1;
        class_ap& c = result.classes[g.class_id];
        if (g.difficult) {
            ++c.num_difficult;
        } else {
            ++c.num_gt;
        }
    }
    for (const detection& d : set.detections) {
        assert(d.class_id < num_classes && d.image < num_images);
        ++det_start[d.class_id + 1];
        if (!image_has_gt[d.image]) ++result.detections_without_ground_truth_image;
    }
    std::partial_sum(gt_start.begin(), gt_start.end(), gt_start.begin());
    std::partial_sum(det_start.begin(), det_start.end(), det_start.begin());
    std::vector<std::uint32_t> gt_by_class(set.ground_truth.size());
    std::vector<std::uint32_t> det_by_class(set.detections.size());
    {
        std::vector<std::size_t> next(gt_start.begin(), gt_start.end() - 1);
        for (std::size_t i = 0; i < set.ground_truth.size(); ++i) {
            gt_by_class[next[set.ground_truth[i].class_id]++] = static_cast<std::uint32_t>(i);
        }
        next.assign(det_start.begin(), det_start.end() - 1);
        for (std::size_t i = 0; i < set.detections.size(); ++i) {
            det_by_class[next[set.detections[i].class_id]++] = static_cast<std::uint32_t>(i);
        }
    }

    // Per image, the class's ground truth: a range [image_first, image_end) of `image_boxes`.
    constexpr std::uint32_t none = UINT32_MAX;
    std::vector<std::uint32_t> image_first(num_images, none), image_count(num_images, 0);
    std::vector<std::uint32_t> image_boxes;
    std::vector<char> matched;

    for (std::size_t class_id = 0; class_id < num_classes; ++class_id) {
        class_ap& out = result.classes[class_id];
        const std::span<const std::uint32_t> gts(gt_by_class.data() + gt_start[class_id],
                                                 gt_start[class_id + 1] - gt_start[class_id]);
        const std::span<std::uint32_t> dets(det_by_class.data() + det_start[class_id],
                                            det_start[class_id + 1] - det_start[class_id]);
        out.num_detections = dets.size();

        // Group the class's boxes by image (two passes of a counting sort over touched images).
        for (std::uint32_t g : gts)
            ++image_count[set.ground_truth[g].image];
        std::uint32_t offset = 0;
        for (std::uint32_t g : gts) {
            const std::uint32_t image = set.ground_truth[g].image;
            if (image_first[image] == none) {
                image_first[image] = offset;
                offset += image_count[image];
                image_count[image] = 0;  // refilled below as the insertion cursor
            }
        }
        image_boxes.resize(gts.size());
        for (std::uint32_t g : gts) {
            const std::uint32_t image = set.ground_truth[g].image;
            image_boxes[image_first[image] + image_count[image]++] = g;
        }
        matched.assign(gts.size(), 0);

        std::stable_sort(dets.begin(), dets.end(), [&](std::uint32_t a, std::uint32_t b) {
            return set.detections[a].score > set.detections[b].score;
        });

        const bool has_positives = out.num_gt > 0;
        if (has_positives) out.curve.reserve(dets.size());
        for (std::uint32_t d : dets) {
            const detection& det = set.detections[d];
            double best_iou = -1;
            std::uint32_t best = none;
            if (image_first[det.image] != none) {
                const std::uint32_t first = image_first[det.image];
                const std::uint32_t end = first + image_count[det.image];
                for (std::uint32_t k = first; k < end; ++k) {
                    const double overlap = iou(det.bbox, set.ground_truth[image_boxes[k]].bbox,
                                               conventions.pixel_plus_one);
                    if (overlap > best_iou) {  // the first of equal overlaps wins, as argmax
                        best_iou = overlap;
                        best = k;
                    }
                }
            }
            const bool passes = best != none && (conventions.strict_greater
                                                     ? best_iou > conventions.iou_threshold
                                                     : best_iou >= conventions.iou_threshold);
            if (passes && set.ground_truth[image_boxes[best]].difficult) continue;  // ignored
            if (passes && !matched[best]) {
                matched[best] = 1;
                ++out.tp;
            } else {
                ++out.fp;
            }
            if (has_positives) {
                out.curve.push_back(
                    {static_cast<double>(out.tp) / static_cast<double>(out.num_gt),
                     static_cast<double>(out.tp) / static_cast<double>(out.tp + out.fp)});
            }
        }
        for (std::uint32_t g : gts) {
            image_first[set.ground_truth[g].image] = none;
            image_count[set.ground_truth[g].image] = 0;
        }
        if (has_positives) {
            out.ap_11point = ap_11point(out.curve, conventions.numpy_thresholds);
            out.ap_area = ap_area(out.curve);
            out.ap_101point = ap_101point(out.curve);
        }
    }

    double sum_11 = 0, sum_area = 0, sum_101 = 0;
    std::size_t counted = 0;
    for (const class_ap& c : result.classes) {
        if (!c.ap_area) continue;
        sum_11 += *c.ap_11point;
        sum_area += *c.ap_area;
        sum_101 += *c.ap_101point;
        ++counted;
    }
    if (counted > 0) {
        const auto n = static_cast<double>(counted);
        result.map_11point = sum_11 / n;
        result.map_area = sum_area / n;
        result.map_101point = sum_101 / n;
    }
    return result;
}

}  // namespace algojudge
