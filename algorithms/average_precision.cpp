#include "algorithms/average_precision.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <cassert>
#include <cmath>
#include <exception>
#include <memory>
#include <numeric>
#include <thread>
#include <utility>

namespace algojudge {

namespace {

// The highest precision at recall >= threshold(i) for i = 0..steps (0 when the curve never
// reaches it). From the highest threshold down, the points with recall >= t grow as a suffix of
// the curve (recall is non-decreasing): one backward pass keeps the suffix's best precision.
template <int steps, class Threshold>
std::array<double, steps + 1> interpolated_precisions(std::span<const pr_point> curve,
                                                      Threshold threshold) {
    std::array<double, steps + 1> best{};
    double suffix_best = 0;
    std::size_t suffix_start = curve.size();
    for (int i = steps; i >= 0; --i) {
        const double t = threshold(i);
        while (suffix_start > 0 && curve[suffix_start - 1].recall >= t)
            suffix_best = std::max(suffix_best, curve[--suffix_start].precision);
        best[static_cast<std::size_t>(i)] = suffix_best;
    }
    return best;
}

// 11-point (or 101-point) interpolation: the mean of those precisions.
template <int steps, class Threshold>
double interpolated_ap(std::span<const pr_point> curve, Threshold threshold) {
    double sum = 0;
    for (double precision : interpolated_precisions<steps>(curve, threshold))
        sum += precision;  // summed from the lowest t, as the mean is defined
    return sum / (steps + 1);
}

// numpy.arange(0, 1.1, 0.1) computes i * 0.1: 0.30000000000000004, 0.6000000000000001...
double eleven_point_threshold(int i, bool numpy_thresholds) {
    return numpy_thresholds ? i * 0.1 : i / 10.0;
}

// VOC2010+ area, with `envelope` as working memory (reused across classes).
double area_under_envelope(std::span<const pr_point> curve, std::vector<double>& envelope) {
    // Precision made monotone from the right, then summed over the recall steps. Sentinels
    // (recall 0, precision 0) in front and (recall 1, precision 0) behind as the devkit adds
    // them; the envelope runs from the right, so the front sentinel takes the max.
    const std::size_t n = curve.size();
    envelope.resize(n + 2);
    envelope[n + 1] = 0.0;
    for (std::size_t i = n + 1; i-- > 1;)
        envelope[i] = std::max(curve[i - 1].precision, envelope[i + 1]);
    envelope[0] = std::max(0.0, envelope[1]);
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
    return interpolated_ap<10>(
        curve, [numpy_thresholds](int i) { return eleven_point_threshold(i, numpy_thresholds); });
}

std::array<pr_point, 11> eleven_point_samples(std::span<const pr_point> curve,
                                              bool numpy_thresholds) {
    auto threshold = [numpy_thresholds](int i) {
        return eleven_point_threshold(i, numpy_thresholds);
    };
    const std::array<double, 11> precisions = interpolated_precisions<10>(curve, threshold);
    std::array<pr_point, 11> samples{};
    for (int i = 0; i <= 10; ++i)
        samples[static_cast<std::size_t>(i)] = {threshold(i),
                                                precisions[static_cast<std::size_t>(i)]};
    return samples;
}

std::vector<double> precision_envelope(std::span<const pr_point> curve) {
    std::vector<double> envelope(curve.size());
    double best = 0;
    for (std::size_t i = curve.size(); i-- > 0;) {
        best = std::max(best, curve[i].precision);
        envelope[i] = best;
    }
    return envelope;
}

double ap_101point(std::span<const pr_point> curve) {
    return interpolated_ap<100>(curve, [](int i) { return i / 100.0; });
}

double ap_area(std::span<const pr_point> curve) {
    std::vector<double> envelope;
    return area_under_envelope(curve, envelope);
}

namespace {

constexpr std::uint32_t no_box = UINT32_MAX;

// One detection of the class at hand. Its best box does not depend on the order detections are
// taken in (only claiming the box does), so it is found in input order, before the sort.
struct ranked_detection {
    std::uint64_t descending_score = 0;  // from descending_score_key
    std::uint32_t best_box = no_box;     // index into class_scratch::boxes (see rank_detections)
    std::uint32_t position = 0;          // in the class's detections, input order (padding else)
};

// An integer that falls as the score rises; equal scores (+0 and -0 too) give equal integers.
// Precondition: the score is not NaN.
std::uint64_t descending_score_key(double score) {
    constexpr std::uint64_t sign = std::uint64_t{1} << 63;
    const auto bits = std::bit_cast<std::uint64_t>(score + 0.0);  // -0 + 0 is +0
    const std::uint64_t ascending = (bits & sign) != 0 ? ~bits : bits | sign;
    return ~ascending;
}

// The score back from its key (-0 comes back as +0).
double score_of_key(std::uint64_t key) {
    constexpr std::uint64_t sign = std::uint64_t{1} << 63;
    const std::uint64_t ascending = ~key;
    return std::bit_cast<double>((ascending & sign) != 0 ? ascending & ~sign : ~ascending);
}

bool passes(double overlap, double threshold, bool strict_greater) {
    return strict_greater ? overlap > threshold : overlap >= threshold;
}

// Stable sort by descending_score (so equal scores keep input order): LSD radix sort, a byte at
// a time, skipping the bytes every key shares; `spare` is the second buffer.
void sort_by_score(std::vector<ranked_detection>& items, std::vector<ranked_detection>& spare) {
    constexpr std::size_t small = 256;  // below this, the 8 histograms cost more than they save
    if (items.size() < small) {
        std::stable_sort(items.begin(), items.end(), [](const auto& a, const auto& b) {
            return a.descending_score < b.descending_score;
        });
        return;
    }
    constexpr int bytes = 8;
    std::array<std::array<std::size_t, 256>, bytes> counts{};
    for (const ranked_detection& item : items) {
        for (int byte = 0; byte < bytes; ++byte)
            ++counts[byte][(item.descending_score >> (8 * byte)) & 0xff];
    }
    spare.resize(items.size());
    for (int byte = 0; byte < bytes; ++byte) {
        std::array<std::size_t, 256>& next = counts[byte];
        const auto digit = [byte](const ranked_detection& item) {
            return (item.descending_score >> (8 * byte)) & 0xff;
        };
        if (next[digit(items.front())] == items.size()) continue;  // one value: nothing moves
        std::size_t start = 0;
        for (std::size_t& count : next)
            start += std::exchange(count, start);
        for (const ranked_detection& item : items)
            spare[next[digit(item)]++] = item;
        items.swap(spare);
    }
}

// Gathers read the input's records at scattered, increasing indices: ask for them a few
// iterations ahead, both ends of the record (it may straddle two cache lines).
constexpr std::size_t prefetch_distance = 16;

template <class Record>
void prefetch(std::span<const Record> records, std::span<const std::uint32_t> indices,
              std::size_t i) {
    if (i + prefetch_distance >= indices.size()) return;
    const Record* record = &records[indices[i + prefetch_distance]];
    __builtin_prefetch(record);
    __builtin_prefetch(reinterpret_cast<const char*>(record) + sizeof(Record) - 1);
}

enum class box_state : unsigned char { free, matched, difficult };

struct box_range {
    std::uint32_t first = no_box;
    std::uint32_t count = 0;
};

// One worker's memory, allocated once for the biggest class and reused class after class: no
// reallocation (nor the unmapping of a big freed block) while the classes run.
struct class_scratch {
    class_scratch(std::size_t num_images, std::size_t most_boxes, std::size_t most_detections)
        : image_boxes(num_images) {
        class_ground_truth.reserve(most_boxes);
        boxes.reserve(most_boxes);
        states.reserve(most_boxes);
        initial_states.reserve(most_boxes);
        detections.reserve(most_detections);
        spare.reserve(most_detections);
        envelope.reserve(most_detections + 2);
    }
    std::vector<box_range> image_boxes;                // the class's boxes of each image
    std::vector<ground_truth_box> class_ground_truth;  // copied out in input order
    std::vector<box> boxes;                            // grouped by image
    std::vector<box_state> states;                     // parallel to `boxes`
    std::vector<box_state> initial_states;             // before any claim, for each threshold
    std::vector<ranked_detection> detections, spare;
    std::vector<double> best_iou;  // by ranked_detection::position, when not filtered
    std::vector<double> envelope;  // for area_under_envelope
};

// Every ground-truth box of every class, grouped by image: the confusion rule's other classes.
struct image_ground_truth {
    struct entry {
        box bbox;
        std::uint32_t class_id = 0;
    };
    std::vector<std::size_t> start;  // image i owns [start[i], start[i + 1])
    std::vector<entry> boxes;
    image_ground_truth(const detection_set& set) : start(set.images.size() + 1, 0) {
        for (const ground_truth_box& g : set.ground_truth)
            ++start[g.image + 1];
        std::partial_sum(start.begin(), start.end(), start.begin());
        boxes.resize(set.ground_truth.size());
        std::vector<std::size_t> next(start.begin(), start.end() - 1);
        for (const ground_truth_box& g : set.ground_truth)
            boxes[next[g.image]++] = {g.bbox, g.class_id};
    }
    std::span<const entry> of(std::uint32_t image) const {
        return {boxes.data() + start[image], start[image + 1] - start[image]};
    }
};

// Steps 1 to 3 for one class, shared by every threshold: copy the class's boxes (`gts`, input
// indices in input order) out grouped by image, find each detection's (`dets`, likewise) best
// box, sort by score. With `only_threshold`, best_box is kept only if it passes it; without,
// always, and its IoU goes to scratch.best_iou. Returns how many of the detections are on
// images without any ground truth. scratch.image_boxes stays filled until release_class.
std::size_t rank_detections(const detection_set& set, const ap_conventions& conventions,
                            std::optional<double> only_threshold,
                            std::span<const std::uint32_t> gts, std::span<const std::uint32_t> dets,
                            std::span<const char> image_has_gt, class_scratch& scratch) {
    // Copy the class's boxes out of the input once, then group them by image (images in order
    // of first appearance, boxes of an image in input order: the first of equal overlaps wins).
    std::vector<ground_truth_box>& class_gt = scratch.class_ground_truth;
    class_gt.clear();
    for (std::size_t i = 0; i < gts.size(); ++i) {
        prefetch(std::span(set.ground_truth), gts, i);
        class_gt.push_back(set.ground_truth[gts[i]]);
    }
    for (const ground_truth_box& g : class_gt)
        ++scratch.image_boxes[g.image].count;
    std::uint32_t offset = 0;
    for (const ground_truth_box& g : class_gt) {
        box_range& range = scratch.image_boxes[g.image];
        if (range.first == no_box) {
            range.first = offset;
            offset += std::exchange(range.count, 0);  // refilled below as the insertion cursor
        }
    }
    scratch.boxes.resize(class_gt.size());
    scratch.initial_states.resize(class_gt.size());
    for (const ground_truth_box& g : class_gt) {
        box_range& range = scratch.image_boxes[g.image];
        const std::uint32_t k = range.first + range.count++;
        scratch.boxes[k] = g.bbox;
        scratch.initial_states[k] = g.difficult ? box_state::difficult : box_state::free;
    }

    // Each detection's best box of its image (argmax of IoU).
    std::size_t without_ground_truth_image = 0;
    scratch.detections.clear();
    scratch.best_iou.resize(only_threshold ? 0 : dets.size());
    for (std::size_t i = 0; i < dets.size(); ++i) {
        prefetch(std::span(set.detections), dets, i);
        const detection& det = set.detections[dets[i]];
        const box_range range = scratch.image_boxes[det.image];  // count 0 if none
        if (range.count == 0 && !image_has_gt[det.image]) ++without_ground_truth_image;
        double best_iou = -1;
        std::uint32_t best = no_box;
        for (std::uint32_t k = range.first; k < range.first + range.count; ++k) {
            const double overlap = iou(det.bbox, scratch.boxes[k], conventions.pixel_plus_one);
            if (overlap > best_iou) {  // the first of equal overlaps wins, as argmax
                best_iou = overlap;
                best = k;
            }
        }
        if (only_threshold) {
            if (!passes(best_iou, *only_threshold, conventions.strict_greater)) best = no_box;
        } else {
            scratch.best_iou[i] = best_iou;
        }
        scratch.detections.push_back(
            {descending_score_key(det.score), best, static_cast<std::uint32_t>(i)});
    }
    sort_by_score(scratch.detections, scratch.spare);
    return without_ground_truth_image;
}

void release_class(class_scratch& scratch) {
    for (const ground_truth_box& g : scratch.class_ground_truth)
        scratch.image_boxes[g.image] = box_range{};
}

// Why a false positive is one, by the rules of ap_errors. `duplicate`: its best box passed the
// threshold (and was taken). scratch.states holds the claims of the detections ranked above it.
void classify_false_positive(const detection& det, bool duplicate, double threshold,
                             const ap_conventions& conventions, const class_scratch& scratch,
                             const image_ground_truth& all_boxes, ap_errors& errors) {
    if (duplicate) {
        ++errors.duplicate;
        return;
    }
    const box_range range = scratch.image_boxes[det.image];
    for (std::uint32_t k = range.first; k < range.first + range.count; ++k) {
        if (scratch.states[k] == box_state::free &&
            iou(det.bbox, scratch.boxes[k], conventions.pixel_plus_one) >= localisation_min_iou) {
            ++errors.localisation;
            return;
        }
    }
    for (const image_ground_truth::entry& other : all_boxes.of(det.image)) {
        if (other.class_id != det.class_id &&
            passes(iou(det.bbox, other.bbox, conventions.pixel_plus_one), threshold,
                   conventions.strict_greater)) {
            ++errors.confusion;
            return;
        }
    }
    ++errors.background;
}

// Step 4 at one threshold, after rank_detections: by descending score, each detection claims its
// box: a difficult one ignores it, a free one makes it a TP, a taken one (or none) a FP. Fills
// tp, fp, the curve, the APs, (with `all_boxes`) the errors and (with `scores`) the curve's
// scores of `out`; num_gt is already set.
void claim_boxes(const detection_set& set, const ap_conventions& conventions, double threshold,
                 bool filtered, std::span<const std::uint32_t> dets,
                 const image_ground_truth* all_boxes, bool scores, class_scratch& scratch,
                 class_ap& out) {
    scratch.states.assign(scratch.initial_states.begin(), scratch.initial_states.end());
    const bool has_positives = out.num_gt > 0;
    const bool record_scores = has_positives && scores;
    if (has_positives) out.curve.reserve(dets.size());
    if (record_scores) out.curve_scores.reserve(dets.size());
    ap_errors errors;
    for (const ranked_detection& det : scratch.detections) {
        const bool hit =
            det.best_box != no_box && (filtered || passes(scratch.best_iou[det.position], threshold,
                                                          conventions.strict_greater));
        if (hit && scratch.states[det.best_box] == box_state::difficult) continue;
        if (hit && scratch.states[det.best_box] == box_state::free) {
            scratch.states[det.best_box] = box_state::matched;
            ++out.tp;
        } else {
            ++out.fp;
            if (all_boxes != nullptr) {
                classify_false_positive(set.detections[dets[det.position]], hit, threshold,
                                        conventions, scratch, *all_boxes, errors);
            }
        }
        if (has_positives) {
            out.curve.push_back(
                {static_cast<double>(out.tp) / static_cast<double>(out.num_gt),
                 static_cast<double>(out.tp) / static_cast<double>(out.tp + out.fp)});
        }
        if (record_scores) out.curve_scores.push_back(score_of_key(det.descending_score));
    }
    if (has_positives) {
        out.ap_11point = ap_11point(out.curve, conventions.numpy_thresholds);
        out.ap_area = area_under_envelope(out.curve, scratch.envelope);
        out.ap_101point = ap_101point(out.curve);
    }
    if (all_boxes != nullptr) {
        errors.missed = out.num_gt - out.tp;
        out.errors = errors;
    }
}

// Records of one kind (ground truth or detections) bucketed by class, input order kept.
struct class_buckets {
    std::vector<std::size_t> start;          // class k owns [start[k], start[k + 1])
    std::unique_ptr<std::uint32_t[]> index;  // into the input array
    std::span<const std::uint32_t> of(std::size_t class_id) const {
        return {index.get() + start[class_id], start[class_id + 1] - start[class_id]};
    }
    std::size_t biggest() const {
        std::size_t most = 0;
        for (std::size_t k = 0; k + 1 < start.size(); ++k)
            most = std::max(most, start[k + 1] - start[k]);
        return most;
    }
};

// Counting sort by class; `visit` sees each record once, in input order, on the counting pass.
template <class Record, class Visit>
class_buckets bucket_by_class(const std::vector<Record>& records, std::size_t num_classes,
                              Visit visit) {
    class_buckets buckets;
    buckets.start.assign(num_classes + 1, 0);
    for (const Record& r : records) {
        assert(r.class_id < num_classes);
        ++buckets.start[r.class_id + 1];
        visit(r);
    }
    std::partial_sum(buckets.start.begin(), buckets.start.end(), buckets.start.begin());
    // Every entry is written below: no zero fill (a pass over fresh pages).
    buckets.index = std::make_unique_for_overwrite<std::uint32_t[]>(records.size());
    std::vector<std::size_t> next(buckets.start.begin(), buckets.start.end() - 1);
    for (std::size_t i = 0; i < records.size(); ++i)
        buckets.index[next[records[i].class_id]++] = static_cast<std::uint32_t>(i);
    return buckets;
}

// Runs work(0), and work(1) when `workers` is 2, on the calling thread and a helper; a failure
// (std::bad_alloc) on either is rethrown here once both have stopped.
template <class Work>
void run_workers(unsigned workers, Work work) {
    if (workers < 2) {
        work(0u);
        return;
    }
    std::exception_ptr helper_error;
    std::thread helper([&] {
        try {
            work(1u);
        } catch (...) {
            helper_error = std::current_exception();
        }
    });
    try {
        work(0u);
    } catch (...) {
        helper.join();
        throw;
    }
    helper.join();
    if (helper_error) std::rethrow_exception(helper_error);
}

// The mAPs: means over the classes with an AP.
void fill_means(ap_result& result) {
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
}

}  // namespace

namespace detail {

// Long on purpose: bucketing by class and the threaded hand-out of classes share one set of
// per-thread buffers sized for the largest class; split up, they would be passed around as a
// dozen parameters.
std::vector<ap_result> evaluate_average_precision_sweep(const detection_set& set,
                                                        const ap_conventions& conventions,
                                                        std::span<const double> thresholds,
                                                        const ap_analysis& analysis,
                                                        unsigned max_threads) {
    assert(max_threads >= 1);
    assert(!thresholds.empty());
    const std::size_t num_classes = set.classes.size();
    const std::size_t num_images = set.images.size();
    const unsigned workers = max_threads >= 2 && num_classes >= 2 ? 2 : 1;
    std::vector<ap_result> results(thresholds.size());
    ap_result& first = results.front();
    first.classes.resize(num_classes);

    // Bucket ground truth and detections by class; with two workers, one array each (the first
    // pass over freshly loaded arrays is the slow one).
    std::vector<char> image_has_gt(num_images, 0);
    class_buckets gt_buckets, det_buckets;
    const auto bucket_ground_truth = [&] {
        gt_buckets = bucket_by_class(set.ground_truth, num_classes, [&](const ground_truth_box& g) {
            assert(g.image < num_images);
            image_has_gt[g.image] = 1;
            class_ap& c = first.classes[g.class_id];
            ++(g.difficult ? c.num_difficult : c.num_gt);
        });
    };
    const auto bucket_detections = [&] {
        det_buckets = bucket_by_class(set.detections, num_classes, [&](const detection& d) {
            assert(d.image < num_images);
            (void)d;
        });
    };
    run_workers(workers, [&](unsigned worker) {
        if (worker == 0) bucket_ground_truth();
        if (worker == 1 || workers == 1) bucket_detections();
    });
    for (std::size_t t = 1; t < results.size(); ++t)
        results[t].classes = first.classes;  // the counts; nothing else is filled yet
    std::optional<image_ground_truth> all_boxes;
    if (analysis.errors) all_boxes.emplace(set);

    // Classes are independent: workers take them one at a time, biggest first, and each writes
    // only its classes' entries, so the result does not depend on the number of workers.
    std::vector<std::uint32_t> class_order(num_classes);
    std::iota(class_order.begin(), class_order.end(), 0u);
    std::stable_sort(class_order.begin(), class_order.end(), [&](std::uint32_t a, std::uint32_t b) {
        return det_buckets.of(a).size() > det_buckets.of(b).size();
    });
    std::vector<std::size_t> without_ground_truth_image(num_classes, 0);
    const std::size_t most_boxes = gt_buckets.biggest();
    const std::size_t most_detections = det_buckets.biggest();
    // One threshold: the pass test is made once, before the sort, and no IoU is kept.
    const std::optional<double> only_threshold =
        thresholds.size() == 1 ? std::optional<double>(thresholds.front()) : std::nullopt;
    std::atomic<std::size_t> next_class{0};
    run_workers(workers, [&](unsigned) {
        class_scratch scratch(num_images, most_boxes, most_detections);
        for (std::size_t i = next_class++; i < num_classes; i = next_class++) {
            const std::uint32_t class_id = class_order[i];
            const std::span<const std::uint32_t> dets = det_buckets.of(class_id);
            without_ground_truth_image[class_id] =
                rank_detections(set, conventions, only_threshold, gt_buckets.of(class_id), dets,
                                image_has_gt, scratch);
            for (std::size_t t = 0; t < thresholds.size(); ++t) {
                class_ap& out = results[t].classes[class_id];
                out.num_detections = dets.size();
                claim_boxes(set, conventions, thresholds[t], only_threshold.has_value(), dets,
                            all_boxes ? &*all_boxes : nullptr, analysis.curve_scores, scratch, out);
            }
            release_class(scratch);
        }
    });
    const std::size_t without = std::accumulate(without_ground_truth_image.begin(),
                                                without_ground_truth_image.end(), std::size_t{0});
    for (ap_result& result : results) {
        result.detections_without_ground_truth_image = without;
        fill_means(result);
    }
    return results;
}

ap_result evaluate_average_precision(const detection_set& set, const ap_conventions& conventions,
                                     unsigned max_threads) {
    const double threshold = conventions.iou_threshold;
    return std::move(
        evaluate_average_precision_sweep(set, conventions, {&threshold, 1}, {}, max_threads)
            .front());
}

}  // namespace detail

namespace {

unsigned threads_for(const detection_set& set) {
    const bool threaded = set.detections.size() >= detail::ap_parallel_min_detections &&
                          std::thread::hardware_concurrency() >= 2;  // asked only when big
    return threaded ? detail::ap_max_threads : 1;
}

}  // namespace

ap_result evaluate_average_precision(const detection_set& set, const ap_conventions& conventions,
                                     const ap_analysis& analysis) {
    const double threshold = conventions.iou_threshold;
    return std::move(detail::evaluate_average_precision_sweep(set, conventions, {&threshold, 1},
                                                              analysis, threads_for(set))
                         .front());
}

std::vector<ap_result> evaluate_average_precision_sweep(const detection_set& set,
                                                        const ap_conventions& conventions,
                                                        std::span<const double> thresholds,
                                                        const ap_analysis& analysis) {
    return detail::evaluate_average_precision_sweep(set, conventions, thresholds, analysis,
                                                    threads_for(set));
}

ap_sweep_mean mean_over_thresholds(std::span<const ap_result> sweep) {
    assert(!sweep.empty());
    const auto n = static_cast<double>(sweep.size());
    // The mean of one field over the sweep, nullopt where the first result has none.
    const auto mean = [&](auto field) -> std::optional<double> {
        if (!field(sweep.front())) return std::nullopt;
        double sum = 0;
        for (const ap_result& result : sweep)
            sum += *field(result);
        return sum / n;
    };
    ap_sweep_mean out;
    out.classes.resize(sweep.front().classes.size());
    for (std::size_t k = 0; k < out.classes.size(); ++k) {
        out.classes[k] = {mean([k](const ap_result& r) { return r.classes[k].ap_11point; }),
                          mean([k](const ap_result& r) { return r.classes[k].ap_area; }),
                          mean([k](const ap_result& r) { return r.classes[k].ap_101point; })};
    }
    out.map = {mean([](const ap_result& r) { return r.map_11point; }),
               mean([](const ap_result& r) { return r.map_area; }),
               mean([](const ap_result& r) { return r.map_101point; })};
    return out;
}

}  // namespace algojudge
