#include "algorithms/coco_eval.hpp"

#include <algorithm>
#include <bit>
#include <cassert>
#include <exception>
#include <numeric>
#include <thread>
#include <utility>

namespace algojudge {

namespace {

// np.spacing(1): pycocotools adds it to tp + fp before dividing.
constexpr double numpy_eps = 2.220446049250313e-16;
constexpr std::size_t max_detections = 100;  // maxDets[-1]: what each image keeps per class
// Area ranges [low, high], both ends included (32^2 is small and medium): 1e5 ** 2 = 1e10.
constexpr std::array<std::array<double, 2>, coco_area_count> area_ranges{
    {{0.0, 1e10}, {0.0, 32.0 * 32.0}, {32.0 * 32.0, 96.0 * 96.0}, {96.0 * 96.0, 1e10}}};
constexpr std::uint16_t all_thresholds = (1u << coco_iou_count) - 1;

// numpy.linspace(start, stop, n): start + i * step with step = (stop - start) / (n - 1), the
// last value set to stop exactly.
template <std::size_t n>
std::array<double, n> linspace(double start, double stop) {
    std::array<double, n> values{};
    const double step = (stop - start) / static_cast<double>(n - 1);
    for (std::size_t i = 0; i + 1 < n; ++i)
        values[i] = static_cast<double>(i) * step + start;
    values[n - 1] = stop;
    return values;
}

// Bit a set when `area` falls outside area_ranges[a].
std::uint8_t outside_ranges(double area) {
    std::uint8_t mask = 0;
    for (std::size_t a = 0; a < coco_area_count; ++a)
        if (area < area_ranges[a][0] || area > area_ranges[a][1])
            mask = static_cast<std::uint8_t>(mask | (1u << a));
    return mask;
}

// Sort key for "descending score": ascending keys, -0.0 tied with 0.0 as numpy compares them.
std::uint64_t descending_score_key(double score) {
    const auto bits = std::bit_cast<std::uint64_t>(score == 0 ? 0.0 : score);
    const std::uint64_t ascending = (bits >> 63) != 0 ? ~bits : bits | (std::uint64_t{1} << 63);
    return ~ascending;
}

// Stable counting sort of `order` by key(i) < bucket_count.
template <class Key>
void counting_sort(std::vector<std::uint32_t>& order, std::vector<std::uint32_t>& scratch,
                   std::size_t bucket_count, Key key) {
    std::vector<std::uint32_t> next(bucket_count + 1, 0);
    for (std::uint32_t i : order)
        ++next[key(i) + 1];
    std::partial_sum(next.begin(), next.end(), next.begin());
    scratch.resize(order.size());
    for (std::uint32_t i : order)
        scratch[next[key(i)]++] = i;
    order.swap(scratch);
}

// Compact copies, bucketed by class (the class itself is then implied by the bucket).
struct det_record {
    coco_box bbox;
    double score = 0;
    std::uint32_t image = 0;
};

struct gt_record {
    coco_box bbox;
    double area = 0;
    std::int64_t id = 0;
    std::uint32_t image = 0;
    bool crowd = false;
};

template <class Record>
struct class_buckets {
    std::vector<Record> records;             // by class, in sequence order within a class
    std::vector<std::uint32_t> class_begin;  // class_count + 1 offsets into records
    std::span<Record> of_class(std::size_t k) {
        return std::span(records).subspan(class_begin[k], class_begin[k + 1] - class_begin[k]);
    }
};

// Items 0..count-1 in order; item i becomes make(i) in bucket class_of(i), or is dropped when
// class_of(i) >= class_count. One sequential read, writes into one stream per class.
template <class Record, class ClassOf, class Make>
class_buckets<Record> bucket_by_class(std::size_t count, std::uint32_t class_count,
                                      ClassOf class_of, Make make) {
    class_buckets<Record> buckets;
    buckets.class_begin.assign(class_count + 1, 0);
    for (std::size_t i = 0; i < count; ++i)
        if (const std::uint32_t k = class_of(i); k < class_count) ++buckets.class_begin[k + 1];
    std::partial_sum(buckets.class_begin.begin(), buckets.class_begin.end(),
                     buckets.class_begin.begin());
    std::vector<std::uint32_t> next(buckets.class_begin.begin(), buckets.class_begin.end() - 1);
    buckets.records.resize(buckets.class_begin.back());
    for (std::size_t i = 0; i < count; ++i)
        if (const std::uint32_t k = class_of(i); k < class_count)
            buckets.records[next[k]++] = make(i);
    return buckets;
}

// Stable sort of one class's records by image: counting when a pass over image_count counters
// costs less than a comparison sort (a counter step is far cheaper than a comparison).
template <class Record>
void sort_by_image(std::span<Record> records, std::uint32_t image_count,
                   std::vector<std::uint32_t>& counts, std::vector<Record>& scratch) {
    if (records.size() < 2) return;
    if (records.size() * 32 < image_count) {
        std::stable_sort(records.begin(), records.end(),
                         [](const Record& a, const Record& b) { return a.image < b.image; });
        return;
    }
    counts.assign(image_count + 1, 0);
    for (const Record& r : records)
        ++counts[r.image + 1];
    std::partial_sum(counts.begin(), counts.end(), counts.begin());
    scratch.resize(records.size());
    for (const Record& r : records)
        scratch[counts[r.image]++] = r;
    std::copy(scratch.begin(), scratch.end(), records.begin());
}

class_buckets<det_record> bucket_detections(const coco_eval_input& input) {
    const auto& dets = input.detections;
    for ([[maybe_unused]] const coco_detection& det : dets)
        assert(det.image < input.image_count && det.class_id < input.class_count);
    return bucket_by_class<det_record>(
        dets.size(), input.class_count, [&](std::size_t i) { return dets[i].class_id; },
        [&](std::size_t i) {
            return det_record{dets[i].bbox, dets[i].score, dets[i].image};
        });
}

// pycocotools lists annotation ids image by image (ascending image id), in file order within
// an image, then loads each id from a dict keyed by id, where the last annotation of an id
// wins; each loaded annotation goes to its own (image, class). Without repeated ids this is
// plain file order within each (image, class).
class_buckets<gt_record> bucket_ground_truth(const coco_eval_input& input) {
    const auto& gts = input.ground_truth;
    const auto n = static_cast<std::uint32_t>(gts.size());
    auto listed = [&](std::uint32_t i) {
        return gts[i].image < input.image_count && gts[i].class_id < input.class_count;
    };
    auto record = [&](std::uint32_t i) {
        const coco_ground_truth& g = gts[i];
        return gt_record{g.bbox, g.area, g.id, g.image, g.iscrowd};
    };
    // Ids rising in file order (the usual case) cannot repeat; otherwise look.
    const bool rising =
        std::adjacent_find(gts.begin(), gts.end(),
                           [](const auto& a, const auto& b) { return b.id <= a.id; }) == gts.end();
    std::vector<std::pair<std::int64_t, std::uint32_t>> by_id;
    bool repeated = false;
    if (!rising) {
        by_id.resize(n);
        for (std::uint32_t i = 0; i < n; ++i)
            by_id[i] = {gts[i].id, i};
        std::sort(by_id.begin(), by_id.end());
        repeated = std::adjacent_find(by_id.begin(), by_id.end(), [](const auto& a, const auto& b) {
                       return a.first == b.first;
                   }) != by_id.end();
    }
    if (!repeated) {
        return bucket_by_class<gt_record>(
            n, input.class_count,
            [&](std::size_t i) {
                const auto j = static_cast<std::uint32_t>(i);
                return listed(j) ? gts[j].class_id : coco_unlisted;
            },
            [&](std::size_t i) { return record(static_cast<std::uint32_t>(i)); });
    }
    // last_of[i]: the last annotation with gts[i].id.
    std::vector<std::uint32_t> last_of(n);
    for (std::size_t run = 0; run < by_id.size();) {
        std::size_t end = run;
        while (end < by_id.size() && by_id[end].first == by_id[run].first)
            ++end;
        for (std::size_t i = run; i < end; ++i)
            last_of[by_id[i].second] = by_id[end - 1].second;
        run = end;
    }
    std::vector<std::uint32_t> order, scratch;
    for (std::uint32_t i = 0; i < n; ++i)
        if (listed(i)) order.push_back(i);
    counting_sort(order, scratch, input.image_count, [&](std::uint32_t i) { return gts[i].image; });
    for (std::uint32_t& i : order)
        i = last_of[i];
    return bucket_by_class<gt_record>(
        order.size(), input.class_count,
        [&](std::size_t j) { return listed(order[j]) ? gts[order[j]].class_id : coco_unlisted; },
        [&](std::size_t j) { return record(order[j]); });
}

struct gt_entry {
    coco_box bbox;
    std::uint8_t ignored = 0;  // bit a: crowd, or area outside area_ranges[a]
    bool crowd = false;
    bool id_zero = false;  // a match with it leaves the detection's match id 0: unmatched
};

struct candidate {
    std::uint32_t gt = 0;
    std::uint16_t reach = 0;  // bit t: IoU >= the t-th limit
    double iou = 0;
};

// Buffers reused across the (image, class) pairs of one thread.
struct match_workspace {
    std::vector<std::pair<std::uint64_t, std::uint32_t>> ranked;  // (score key, position)
    std::vector<gt_entry> gts;
    std::vector<candidate> candidates;
    std::vector<std::uint32_t> candidate_begin;
    std::vector<std::uint16_t> matched;  // per ground truth, bit t: taken at threshold t
    std::vector<std::uint32_t> counts;
    std::vector<det_record> det_scratch;
    std::vector<gt_record> gt_scratch;
};

// The (image, class)'s ground truth as gt_entry values, counted into out.num_gt per range.
void load_ground_truth(std::span<const gt_record> gt_records, std::vector<gt_entry>& gts,
                       coco_class_matches& out) {
    gts.clear();
    for (const gt_record& g : gt_records) {
        gt_entry entry;
        entry.bbox = g.bbox;
        entry.crowd = g.crowd;
        entry.ignored = g.crowd ? std::uint8_t{0xF} : outside_ranges(g.area);
        entry.id_zero = g.id == 0;
        gts.push_back(entry);
        for (std::size_t a = 0; a < coco_area_count; ++a)
            if (!(entry.ignored >> a & 1u)) ++out.num_gt[a];
    }
}

// Ranks the detections, highest score first, ties in listing order, and appends the best
// max_detections to `out`, each unmatched (a FP in the ranges its area falls in). Returns how
// many it kept.
std::size_t rank_detections(std::span<const det_record> dets, match_workspace& work,
                            coco_class_matches& out) {
    auto& ranked = work.ranked;
    ranked.clear();
    for (std::uint32_t i = 0; i < dets.size(); ++i)
        ranked.emplace_back(descending_score_key(dets[i].score), i);
    if (ranked.size() > 1) std::sort(ranked.begin(), ranked.end());
    const std::size_t kept = std::min(ranked.size(), max_detections);

    const std::size_t first = out.outcomes.size();
    out.outcomes.resize(first + kept);
    for (std::size_t d = 0; d < kept; ++d) {
        const det_record& det = dets[ranked[d].second];
        out.scores.push_back(det.score);
        const std::uint8_t outside = outside_ranges(det.bbox.w * det.bbox.h);
        coco_outcome& outcome = out.outcomes[first + d];
        for (std::size_t a = 0; a < coco_area_count; ++a)
            outcome.fp[a] = (outside >> a & 1u) ? 0 : all_thresholds;
    }
    return kept;
}

// Per kept detection, the boxes it reaches at some threshold (IoU >= the lowest limit), best
// first: by IoU, and on equal IoU the later box first, as pycocotools' `>=` scan prefers it.
// Detection d's are work.candidates[work.candidate_begin[d], work.candidate_begin[d + 1]).
void find_candidates(std::span<const det_record> dets, std::size_t kept,
                     const std::array<double, coco_iou_count>& limits, match_workspace& work) {
    const auto& gts = work.gts;
    auto& candidates = work.candidates;
    auto& candidate_begin = work.candidate_begin;
    candidates.clear();
    candidate_begin.assign(kept + 1, 0);
    for (std::size_t d = 0; d < kept; ++d) {
        const coco_box& box = dets[work.ranked[d].second].bbox;
        const std::size_t begin = candidates.size();
        for (std::uint32_t g = 0; g < gts.size(); ++g) {
            const double iou = coco_iou(box, gts[g].bbox, gts[g].crowd);
            if (!(iou >= limits[0])) continue;
            std::uint16_t reach = 0;
            for (std::size_t t = 0; t < coco_iou_count; ++t)
                if (iou >= limits[t]) reach = static_cast<std::uint16_t>(reach | (1u << t));
            candidates.push_back({g, reach, iou});
            for (std::size_t i = candidates.size() - 1; i > begin; --i) {  // insertion sort
                const candidate& before = candidates[i - 1];
                const candidate& after = candidates[i];
                if (before.iou > after.iou || (before.iou == after.iou && before.gt > after.gt))
                    break;
                std::swap(candidates[i - 1], candidates[i]);
            }
        }
        candidate_begin[d + 1] = static_cast<std::uint32_t>(candidates.size());
    }
}

// At threshold t a detection takes the first box in candidate order that reaches t and is free
// at t, the regular boxes of the range before the ignored ones (a regular match is never given
// up for an ignored box; a crowd box is always free). All ten thresholds go together as bits:
// each box takes the thresholds still open that it reaches and has free. `outcomes`: the kept
// detections' entries, as rank_detections preset them.
void assign_matches(std::span<coco_outcome> outcomes, match_workspace& work) {
    const auto& gts = work.gts;
    const auto& candidates = work.candidates;
    const auto& candidate_begin = work.candidate_begin;
    auto& matched = work.matched;
    for (std::size_t a = 0; a < coco_area_count; ++a) {
        matched.assign(gts.size(), 0);
        for (std::size_t d = 0; d < outcomes.size(); ++d) {
            const auto cands =
                std::span(candidates)
                    .subspan(candidate_begin[d], candidate_begin[d + 1] - candidate_begin[d]);
            if (cands.empty()) continue;  // unmatched at every threshold: as preset
            coco_outcome& outcome = outcomes[d];
            const bool outside = outcome.fp[a] == 0;
            unsigned open = all_thresholds, tp = 0, id_zero = 0;
            for (const candidate& c : cands) {
                if (gts[c.gt].ignored >> a & 1u) continue;
                const unsigned take = open & c.reach & ~unsigned{matched[c.gt]};
                if (take == 0) continue;
                matched[c.gt] = static_cast<std::uint16_t>(matched[c.gt] | take);
                open &= ~take;
                (gts[c.gt].id_zero ? id_zero : tp) |= take;
            }
            for (const candidate& c : cands) {
                if (open == 0) break;
                if (!(gts[c.gt].ignored >> a & 1u)) continue;
                const unsigned free = gts[c.gt].crowd ? all_thresholds : ~unsigned{matched[c.gt]};
                const unsigned take = open & c.reach & free;
                matched[c.gt] = static_cast<std::uint16_t>(matched[c.gt] | take);
                open &= ~take;  // matched to an ignored box: ignored
            }
            // A match with id 0 reads as unmatched: a FP, or ignored outside the range.
            outcome.tp[a] = static_cast<std::uint16_t>(tp);
            outcome.fp[a] = static_cast<std::uint16_t>(outside ? 0 : open | id_zero);
        }
    }
}

// evaluateImg for one (image, class), for the four area ranges at once. `dets` and `gts` are
// in pycocotools' listing order.
void match_image(std::span<const det_record> dets, std::span<const gt_record> gt_records,
                 const std::array<double, coco_iou_count>& thresholds, match_workspace& work,
                 coco_class_matches& out) {
    load_ground_truth(gt_records, work.gts, out);
    if (dets.empty()) return;
    const std::size_t first = out.outcomes.size();
    const std::size_t kept = rank_detections(dets, work, out);
    if (work.gts.empty()) return;  // every detection unmatched: as preset

    std::array<double, coco_iou_count> limits{};  // pycocotools' min(t, 1 - 1e-10)
    for (std::size_t t = 0; t < coco_iou_count; ++t)
        limits[t] = std::min(thresholds[t], 1 - 1e-10);
    find_candidates(dets, kept, limits, work);
    if (work.candidates.empty()) return;
    assign_matches(std::span(out.outcomes).subspan(first, kept), work);

    for (std::size_t d = 0; d < kept && d < 10; ++d) {
        const std::uint16_t tp = out.outcomes[first + d].tp[0];
        for (std::size_t t = 0; t < coco_iou_count; ++t) {
            const std::uint32_t hit = tp >> t & 1u;
            out.tp_top10[t] += hit;
            if (d == 0) out.tp_top1[t] += hit;
        }
    }
}

// Runs work(begin, end) over [0, weights.size()) cut into up to two contiguous ranges of about
// equal weight, the second on a helper thread; a failure on either is rethrown here.
template <class Work>
void run_split(std::span<const std::size_t> weights, unsigned max_threads, Work work) {
    const std::size_t n = weights.size();
    if (max_threads < 2 || n < 2) {
        work(std::size_t{0}, n);
        return;
    }
    const std::size_t total = std::accumulate(weights.begin(), weights.end(), std::size_t{0});
    std::size_t cut = 0, sum = 0;
    while (cut < n && 2 * (sum + weights[cut]) <= total)
        sum += weights[cut++];
    cut = std::clamp<std::size_t>(cut, 1, n - 1);
    std::exception_ptr helper_error;
    std::thread helper([&] {
        try {
            work(cut, n);
        } catch (...) {
            helper_error = std::current_exception();
        }
    });
    try {
        work(std::size_t{0}, cut);
    } catch (...) {
        helper.join();
        throw;
    }
    helper.join();
    if (helper_error) std::rethrow_exception(helper_error);
}

// Interpolated precision of one class in one area range (maxDets 100), [threshold][recall].
using precision_table = std::array<coco_curve, coco_iou_count>;

struct class_tables {
    std::array<precision_table, coco_area_count> precision{};
    std::array<std::array<double, coco_iou_count>, coco_area_count> recall{};  // maxDets 100
    std::array<double, coco_iou_count> recall_top1{}, recall_top10{};          // area all
};

// Sorts (key, position) pairs by key, stably: byte-wise LSD radix passes (a pass is skipped where
// every key has the same byte), or a comparison sort on small inputs, where position breaks ties.
void sort_by_key(std::vector<std::pair<std::uint64_t, std::uint32_t>>& items,
                 std::vector<std::pair<std::uint64_t, std::uint32_t>>& scratch) {
    if (items.size() < 256) {
        std::sort(items.begin(), items.end());
        return;
    }
    std::array<std::array<std::uint32_t, 256>, 8> counts{};
    for (const auto& item : items)
        for (std::size_t pass = 0; pass < 8; ++pass)
            ++counts[pass][item.first >> (8 * pass) & 0xFF];
    scratch.resize(items.size());
    for (std::size_t pass = 0; pass < 8; ++pass) {
        auto& count = counts[pass];
        if (std::find(count.begin(), count.end(), items.size()) != count.end()) continue;
        std::uint32_t sum = 0;
        for (auto& c : count)
            sum += std::exchange(c, sum);  // counts become bucket starts
        for (const auto& item : items)
            scratch[count[item.first >> (8 * pass) & 0xFF]++] = item;
        items.swap(scratch);
    }
}

struct accumulate_workspace {
    std::vector<std::pair<std::uint64_t, std::uint32_t>> ranked, scratch;  // (key, position)
    std::vector<coco_outcome> sorted;                                      // in score order
    std::array<std::vector<double>, coco_iou_count> tp_precision;          // at each TP
};

// The class's outcomes into work.sorted, by descending score; stable: position breaks ties,
// as mergesort does.
void sort_outcomes_by_score(const coco_class_matches& matches, accumulate_workspace& work) {
    auto& ranked = work.ranked;
    ranked.resize(matches.scores.size());
    for (std::uint32_t i = 0; i < ranked.size(); ++i)
        ranked[i] = {descending_score_key(matches.scores[i]), i};
    sort_by_key(ranked, work.scratch);
    auto& sorted = work.sorted;  // one random gather, then sequential passes
    sorted.resize(ranked.size());
    for (std::size_t i = 0; i < ranked.size(); ++i)
        sorted[i] = matches.outcomes[ranked[i].second];
}

// Area range `a` of a class without ground truth in it: -1 everywhere, as pycocotools leaves it.
void mark_without_ground_truth(std::size_t a, class_tables& tables) {
    for (auto& curve : tables.precision[a])
        curve.fill(-1.0);
    tables.recall[a].fill(-1.0);
    if (a == 0) {
        tables.recall_top1.fill(-1.0);
        tables.recall_top10.fill(-1.0);
    }
}

// Precision and recall of area range `a` (num_gt > 0 boxes in it) from work.sorted.
void accumulate_range(std::size_t a, std::uint32_t num_gt, const coco_class_matches& matches,
                      const std::array<double, coco_recall_count>& recall_points,
                      accumulate_workspace& work, class_tables& tables) {
    const auto& sorted = work.sorted;
    const auto npig = static_cast<double>(num_gt);
    std::array<std::uint32_t, coco_iou_count> tp_count{}, fp_count{};
    // No more TPs than regular boxes (each TP takes one) nor than detections.
    for (auto& list : work.tp_precision)
        list.resize(std::min<std::size_t>(num_gt, sorted.size()));
    for (const coco_outcome& outcome : sorted) {
        const unsigned fp = outcome.fp[a];
        for (std::size_t t = 0; t < coco_iou_count; ++t)
            fp_count[t] += fp >> t & 1u;
        for (unsigned tp = outcome.tp[a]; tp != 0; tp &= tp - 1) {
            const auto t = static_cast<std::size_t>(std::countr_zero(tp));
            const auto tps = static_cast<double>(tp_count[t] + 1);
            work.tp_precision[t][tp_count[t]++] =
                tps / (static_cast<double>(fp_count[t]) + tps + numpy_eps);
        }
    }
    // first_tp[r]: 1-based count of the first TP whose recall reaches recall_points[r].
    std::array<std::uint32_t, coco_recall_count> first_tp{};
    std::uint32_t k = 1;
    for (std::size_t r = 0; r < coco_recall_count; ++r) {
        while (k <= num_gt && static_cast<double>(k) / npig < recall_points[r])
            ++k;
        first_tp[r] = k;  // num_gt + 1 when never reached
    }
    for (std::size_t t = 0; t < coco_iou_count; ++t) {
        auto& list = work.tp_precision[t];
        list.resize(tp_count[t]);
        for (std::size_t i = list.size(); i-- > 1;)
            list[i - 1] = std::max(list[i - 1], list[i]);
        for (std::size_t r = 0; r < coco_recall_count; ++r)
            tables.precision[a][t][r] = first_tp[r] <= list.size() ? list[first_tp[r] - 1] : 0.0;
        tables.recall[a][t] = static_cast<double>(tp_count[t]) / npig;
        if (a == 0) {
            tables.recall_top1[t] = static_cast<double>(matches.tp_top1[t]) / npig;
            tables.recall_top10[t] = static_cast<double>(matches.tp_top10[t]) / npig;
        }
    }
}

// accumulate() for one class. Precision is flat at ignored detections and falls at each false
// positive, so the envelope's value at any recall is the best precision among the true positives
// from there on, and pycocotools' left search at recall r lands on the first TP k with
// k / num_gt >= r: both are read off the precision at each TP.
void accumulate_class(const coco_class_matches& matches,
                      const std::array<double, coco_recall_count>& recall_points,
                      accumulate_workspace& work, class_tables& tables) {
    sort_outcomes_by_score(matches, work);
    for (std::size_t a = 0; a < coco_area_count; ++a) {
        if (matches.num_gt[a] == 0) {
            mark_without_ground_truth(a, tables);
        } else {
            accumulate_range(a, matches.num_gt[a], matches, recall_points, work, tables);
        }
    }
}

// numpy's pairwise_sum: 8 running partial sums up to 128 values, halves (cut at a multiple of
// 8) beyond.
double pairwise_sum(std::span<const double> values) {
    const std::size_t n = values.size();
    if (n < 8) {
        double sum = 0.;
        for (double v : values)
            sum += v;
        return sum;
    }
    if (n <= 128) {
        std::array<double, 8> partial{};
        std::copy_n(values.begin(), 8, partial.begin());
        std::size_t i = 8;
        for (; i < n - n % 8; i += 8)
            for (std::size_t j = 0; j < 8; ++j)
                partial[j] += values[i + j];
        double sum = ((partial[0] + partial[1]) + (partial[2] + partial[3])) +
                     ((partial[4] + partial[5]) + (partial[6] + partial[7]));
        for (; i < n; ++i)
            sum += values[i];
        return sum;
    }
    std::size_t half = n / 2;
    half -= half % 8;
    return pairwise_sum(values.first(half)) + pairwise_sum(values.subspan(half));
}

double mean_or_minus_one(std::span<const double> values) {
    if (values.empty()) return -1;
    return detail::numpy_sum(values) / static_cast<double>(values.size());
}

}  // namespace

namespace detail {

double numpy_sum(std::span<const double> values) {
    // np.add.reduce on a contiguous array: pairwise sums over blocks of its buffer size (8192
    // values), the block sums added in order to the identity 0.
    constexpr std::size_t block = 8192;
    double sum = 0;
    for (std::size_t i = 0; i < values.size(); i += block)
        sum += pairwise_sum(values.subspan(i, std::min(block, values.size() - i)));
    return sum;
}

}  // namespace detail

std::array<double, coco_iou_count> coco_iou_thresholds() {
    return linspace<coco_iou_count>(0.5, 0.95);
}

std::array<double, coco_recall_count> coco_recall_thresholds() {
    return linspace<coco_recall_count>(0.0, 1.0);
}

double coco_iou(const coco_box& detection, const coco_box& ground_truth, bool crowd) {
    // maskApi.c's operations in its order: right edges as w + x, union as (da + ga) - i.
    const coco_box& d = detection;
    const coco_box& g = ground_truth;
    const double w = std::min(d.w + d.x, g.w + g.x) - std::max(d.x, g.x);
    if (w <= 0) return 0;
    const double h = std::min(d.h + d.y, g.h + g.y) - std::max(d.y, g.y);
    if (h <= 0) return 0;
    const double intersection = w * h;
    const double detection_area = d.w * d.h;
    const double union_area = crowd ? detection_area : detection_area + g.w * g.h - intersection;
    return intersection / union_area;
}

coco_matches match_coco(const coco_eval_input& input, unsigned max_threads) {
    class_buckets<det_record> dets;
    class_buckets<gt_record> gts;
    const std::array<std::size_t, 2> sizes{input.detections.size(), input.ground_truth.size()};
    run_split(sizes, max_threads, [&](std::size_t first, std::size_t last) {
        if (first == 0) dets = bucket_detections(input);
        if (last == 2) gts = bucket_ground_truth(input);
    });
    const auto thresholds = coco_iou_thresholds();
    coco_matches matches;
    matches.classes.resize(input.class_count);
    std::vector<std::size_t> weights(input.class_count);
    for (std::size_t k = 0; k < input.class_count; ++k)
        weights[k] = dets.of_class(k).size() + gts.of_class(k).size();
    run_split(weights, max_threads, [&](std::size_t class_first, std::size_t class_last) {
        match_workspace work;
        for (std::size_t k = class_first; k < class_last; ++k) {
            const std::span<det_record> class_dets = dets.of_class(k);
            const std::span<gt_record> class_gts = gts.of_class(k);
            sort_by_image(class_dets, input.image_count, work.counts, work.det_scratch);
            sort_by_image(class_gts, input.image_count, work.counts, work.gt_scratch);
            coco_class_matches& out = matches.classes[k];
            out.scores.reserve(class_dets.size());
            out.outcomes.reserve(class_dets.size());
            std::size_t i = 0, j = 0;
            while (i < class_dets.size() || j < class_gts.size()) {
                const std::uint32_t image =
                    std::min(i < class_dets.size() ? class_dets[i].image : UINT32_MAX,
                             j < class_gts.size() ? class_gts[j].image : UINT32_MAX);
                std::size_t i_next = i, j_next = j;
                while (i_next < class_dets.size() && class_dets[i_next].image == image)
                    ++i_next;
                while (j_next < class_gts.size() && class_gts[j_next].image == image)
                    ++j_next;
                match_image(class_dets.subspan(i, i_next - i), class_gts.subspan(j, j_next - j),
                            thresholds, work, out);
                i = i_next;
                j = j_next;
            }
        }
    });
    return matches;
}

namespace {

constexpr std::ptrdiff_t every_threshold = -2;  // a slice over all ten IoU thresholds

// The index of IoU threshold `value`, or -1 when no threshold equals it exactly.
std::ptrdiff_t threshold_index(double value) {
    const auto thresholds = coco_iou_thresholds();
    const auto* found = std::find(thresholds.begin(), thresholds.end(), value);
    return found == thresholds.end() ? -1 : found - thresholds.begin();
}

// The six AP numbers of the summary or of one class, each mean(area range, threshold slice):
// AP over all thresholds, at .50 and at .75 (area all), then AP small, medium and large.
template <class Numbers, class Mean>
void fill_ap(Numbers& out, std::ptrdiff_t t50, std::ptrdiff_t t75, Mean mean) {
    out.ap = mean(0, every_threshold);
    out.ap50 = mean(0, t50);
    out.ap75 = mean(0, t75);
    out.ap_small = mean(1, every_threshold);
    out.ap_medium = mean(2, every_threshold);
    out.ap_large = mean(3, every_threshold);
}

// summarize(): each number is np.mean over the entries > -1 of a slice of precision
// [T, R, K] or recall [T, K], taken in that (C) order; the slice at IoU .50 or .75 exists
// only where a threshold equals it exactly (t50, t75: -1 otherwise).
coco_summary summarize(const coco_matches& matches, const std::vector<class_tables>& tables,
                       std::ptrdiff_t t50, std::ptrdiff_t t75) {
    const std::size_t class_count = matches.classes.size();
    std::vector<double> values;
    auto precision_mean = [&](std::size_t a, std::ptrdiff_t only_t) {
        values.clear();
        for (std::size_t t = 0; t < coco_iou_count; ++t) {
            if (only_t != every_threshold && static_cast<std::ptrdiff_t>(t) != only_t) continue;
            for (std::size_t r = 0; r < coco_recall_count; ++r)
                for (std::size_t k = 0; k < class_count; ++k)
                    if (matches.classes[k].num_gt[a] > 0)
                        values.push_back(tables[k].precision[a][t][r]);
        }
        return mean_or_minus_one(values);
    };
    auto recall_mean = [&](auto recall_of) {
        values.clear();
        for (std::size_t t = 0; t < coco_iou_count; ++t)
            for (std::size_t k = 0; k < class_count; ++k) {
                const double recall = recall_of(tables[k])[t];
                if (recall > -1) values.push_back(recall);
            }
        return mean_or_minus_one(values);
    };
    coco_summary s;
    fill_ap(s, t50, t75, precision_mean);
    s.ar1 = recall_mean([](const class_tables& c) { return c.recall_top1; });
    s.ar10 = recall_mean([](const class_tables& c) { return c.recall_top10; });
    s.ar100 = recall_mean([](const class_tables& c) { return c.recall[0]; });
    s.ar_small = recall_mean([](const class_tables& c) { return c.recall[1]; });
    s.ar_medium = recall_mean([](const class_tables& c) { return c.recall[2]; });
    s.ar_large = recall_mean([](const class_tables& c) { return c.recall[3]; });
    return s;
}

// One class's own numbers and curves, as summarize() reads them over its slice alone.
coco_class_result class_result(const coco_class_matches& matches, const class_tables& c,
                               std::ptrdiff_t t50, std::ptrdiff_t t75) {
    coco_class_result out;
    out.num_gt = matches.num_gt[0];
    std::vector<double> values;
    auto table_mean = [&](std::size_t a, std::ptrdiff_t only_t) {
        if (matches.num_gt[a] == 0) return -1.0;
        values.clear();
        for (std::size_t t = 0; t < coco_iou_count; ++t)
            if (only_t == every_threshold || static_cast<std::ptrdiff_t>(t) == only_t)
                values.insert(values.end(), c.precision[a][t].begin(), c.precision[a][t].end());
        return mean_or_minus_one(values);
    };
    fill_ap(out, t50, t75, table_mean);
    out.ar100 = out.num_gt == 0 ? -1.0 : mean_or_minus_one(c.recall[0]);
    const coco_curve minus_one = [] {
        coco_curve curve;
        curve.fill(-1.0);
        return curve;
    }();
    out.precision50 = t50 >= 0 ? c.precision[0][static_cast<std::size_t>(t50)] : minus_one;
    out.precision75 = t75 >= 0 ? c.precision[0][static_cast<std::size_t>(t75)] : minus_one;
    for (std::size_t r = 0; r < coco_recall_count; ++r) {
        std::array<double, coco_iou_count> column{};
        for (std::size_t t = 0; t < coco_iou_count; ++t)
            column[t] = c.precision[0][t][r];
        out.precision_mean[r] = detail::numpy_sum(column) / static_cast<double>(coco_iou_count);
    }
    return out;
}

}  // namespace

coco_eval_result accumulate_coco(const coco_matches& matches, unsigned max_threads) {
    const std::size_t class_count = matches.classes.size();
    const auto recall_points = coco_recall_thresholds();
    std::vector<class_tables> tables(class_count);
    std::vector<std::size_t> weights(class_count);
    for (std::size_t k = 0; k < class_count; ++k)
        weights[k] = matches.classes[k].scores.size() + 1;
    run_split(weights, max_threads, [&](std::size_t class_first, std::size_t class_last) {
        accumulate_workspace work;
        for (std::size_t k = class_first; k < class_last; ++k)
            accumulate_class(matches.classes[k], recall_points, work, tables[k]);
    });

    const std::ptrdiff_t t50 = threshold_index(0.5), t75 = threshold_index(0.75);
    coco_eval_result result;
    result.summary = summarize(matches, tables, t50, t75);
    result.classes.resize(class_count);
    for (std::size_t k = 0; k < class_count; ++k)
        result.classes[k] = class_result(matches.classes[k], tables[k], t50, t75);
    return result;
}

coco_eval_result evaluate_coco(const coco_eval_input& input) {
    const bool threaded = input.detections.size() >= detail::coco_parallel_min_detections &&
                          std::thread::hardware_concurrency() >= 2;  // asked only when big
    const unsigned threads = threaded ? 2 : 1;
    return accumulate_coco(match_coco(input, threads), threads);
}

}  // namespace algojudge
