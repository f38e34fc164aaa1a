#include "algorithms/average_precision.hpp"

#include <algorithm>
#include <atomic>
#include <bit>
#include <cassert>
#include <cmath>
#include <exception>
#include <numeric>
#include <thread>

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

namespace {

constexpr std::uint32_t no_box = UINT32_MAX;

// A detection of the class at hand, copied out of the input: its box and where its image's
// boxes of the class lie in class_scratch::boxes.
struct detection_record {
    box bbox;
    std::uint32_t first_box = no_box;
    std::uint32_t box_count = 0;
};

// The order detections are taken in: descending score, then input order. `position` is the
// detection's place among its class's detections, which follow input order.
struct detection_key {
    std::uint64_t descending_score = 0;
    std::uint32_t position = 0;
    friend bool operator<(const detection_key& a, const detection_key& b) {
        if (a.descending_score != b.descending_score) {
            return a.descending_score < b.descending_score;
        }
        return a.position < b.position;
    }
};

// An integer that falls as the score rises; equal scores (+0 and -0 too) give equal integers.
// Precondition: the score is not NaN.
std::uint64_t descending_score_key(double score) {
    constexpr std::uint64_t sign = std::uint64_t{1} << 63;
    const auto bits = std::bit_cast<std::uint64_t>(score + 0.0);  // -0 + 0 is +0
    const std::uint64_t ascending = (bits & sign) != 0 ? ~bits : bits | sign;
    return ~ascending;
}

enum class box_state : unsigned char { free, matched, difficult };

// One worker's memory, sized once and reused class after class.
struct class_scratch {
    explicit class_scratch(std::size_t num_images)
        : image_first(num_images, no_box), image_count(num_images, 0) {}
    std::vector<std::uint32_t> image_first, image_count;  // the class's boxes of each image
    std::vector<ground_truth_box> class_ground_truth;     // copied out in input order
    std::vector<box> boxes;                               // grouped by image
    std::vector<box_state> states;                        // parallel to `boxes`
    std::vector<detection_record> detections;             // the class's, in input order
    std::vector<detection_key> order;
};

// Matches one class's detections (`dets`, input indices in input order) against its ground
// truth (`gts`, likewise) and fills tp, fp and the curve of `out`; num_gt is already set.
void match_class(const detection_set& set, const ap_conventions& conventions,
                 std::span<const std::uint32_t> gts, std::span<const std::uint32_t> dets,
                 class_scratch& scratch, class_ap& out) {
    // Copy the class's boxes out of the input once, then group them by image (images in order
    // of first appearance, boxes of an image in input order: the first of equal overlaps wins).
    std::vector<ground_truth_box>& class_gt = scratch.class_ground_truth;
    class_gt.resize(gts.size());
    for (std::size_t i = 0; i < gts.size(); ++i)
        class_gt[i] = set.ground_truth[gts[i]];
    for (const ground_truth_box& g : class_gt)
        ++scratch.image_count[g.image];
    std::uint32_t offset = 0;
    for (const ground_truth_box& g : class_gt) {
        if (scratch.image_first[g.image] == no_box) {
            scratch.image_first[g.image] = offset;
            offset += scratch.image_count[g.image];
            scratch.image_count[g.image] = 0;  // refilled below as the insertion cursor
        }
    }
    scratch.boxes.resize(class_gt.size());
    scratch.states.resize(class_gt.size());
    for (const ground_truth_box& g : class_gt) {
        const std::uint32_t k = scratch.image_first[g.image] + scratch.image_count[g.image]++;
        scratch.boxes[k] = g.bbox;
        scratch.states[k] = g.difficult ? box_state::difficult : box_state::free;
    }

    // Copy the detections out with their image's box range, and sort their keys.
    scratch.detections.resize(dets.size());
    scratch.order.resize(dets.size());
    for (std::size_t i = 0; i < dets.size(); ++i) {
        const detection& d = set.detections[dets[i]];
        scratch.detections[i] = {d.bbox, scratch.image_first[d.image],
                                 scratch.image_count[d.image]};
        scratch.order[i] = {descending_score_key(d.score), static_cast<std::uint32_t>(i)};
    }
    std::sort(scratch.order.begin(), scratch.order.end());

    const bool has_positives = out.num_gt > 0;
    if (has_positives) out.curve.reserve(dets.size());
    for (const detection_key& key : scratch.order) {
        const detection_record& det = scratch.detections[key.position];
        double best_iou = -1;
        std::uint32_t best = no_box;
        for (std::uint32_t k = det.first_box; k < det.first_box + det.box_count; ++k) {
            const double overlap = iou(det.bbox, scratch.boxes[k], conventions.pixel_plus_one);
            if (overlap > best_iou) {  // the first of equal overlaps wins, as argmax
                best_iou = overlap;
                best = k;
            }
        }
        const bool passes =
            best != no_box && (conventions.strict_greater ? best_iou > conventions.iou_threshold
                                                          : best_iou >= conventions.iou_threshold);
        if (passes && scratch.states[best] == box_state::difficult) continue;  // ignored
        if (passes && scratch.states[best] == box_state::free) {
            scratch.states[best] = box_state::matched;
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
    for (const ground_truth_box& g : class_gt) {
        scratch.image_first[g.image] = no_box;
        scratch.image_count[g.image] = 0;
    }
}

}  // namespace

namespace detail {

ap_result evaluate_average_precision(const detection_set& set, const ap_conventions& conventions,
                                     unsigned max_threads) {
    assert(max_threads >= 1);
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

    // Classes are independent: workers take them one at a time, biggest first, and each writes
    // only its classes' entries, so the result does not depend on the number of workers.
    std::vector<std::uint32_t> class_order(num_classes);
    std::iota(class_order.begin(), class_order.end(), 0u);
    std::stable_sort(class_order.begin(), class_order.end(), [&](std::uint32_t a, std::uint32_t b) {
        return det_start[a + 1] - det_start[a] > det_start[b + 1] - det_start[b];
    });
    std::atomic<std::size_t> next_class{0};
    auto work = [&] {
        class_scratch scratch(num_images);
        for (std::size_t i = next_class++; i < num_classes; i = next_class++) {
            const std::uint32_t class_id = class_order[i];
            class_ap& out = result.classes[class_id];
            const std::span<const std::uint32_t> gts(gt_by_class.data() + gt_start[class_id],
                                                     gt_start[class_id + 1] - gt_start[class_id]);
            const std::span<const std::uint32_t> dets(
                det_by_class.data() + det_start[class_id],
                det_start[class_id + 1] - det_start[class_id]);
            out.num_detections = dets.size();
            match_class(set, conventions, gts, dets, scratch, out);
            if (out.num_gt > 0) {
                out.ap_11point = ap_11point(out.curve, conventions.numpy_thresholds);
                out.ap_area = ap_area(out.curve);
                out.ap_101point = ap_101point(out.curve);
            }
        }
    };
    if (max_threads >= 2 && num_classes >= 2) {
        // A failure (std::bad_alloc) on the helper is handed back to the caller's thread.
        std::exception_ptr helper_error;
        std::thread helper([&] {
            try {
                work();
            } catch (...) {
                helper_error = std::current_exception();
                next_class = num_classes;  // the caller's thread stops early too
            }
        });
        try {
            work();
        } catch (...) {
            next_class = num_classes;
            helper.join();
            throw;
        }
        helper.join();
        if (helper_error) std::rethrow_exception(helper_error);
    } else {
        work();
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

}  // namespace detail

ap_result evaluate_average_precision(const detection_set& set, const ap_conventions& conventions) {
    const bool big = set.detections.size() >= detail::ap_parallel_min_detections;
    const unsigned threads =
        big && std::thread::hardware_concurrency() >= 2 ? detail::ap_max_threads : 1;
    return detail::evaluate_average_precision(set, conventions, threads);
}

}  // namespace algojudge
