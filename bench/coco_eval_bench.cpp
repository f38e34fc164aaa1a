// COCO evaluation (pycocotools' COCOeval, bbox) on a seeded COCO-like set at the size of
// issue 12: 1.0M detections, 315k ground-truth boxes, 50k images, 80 classes. The two halves
// (match, accumulate) are timed apart, on one and two threads. Figures: docs/performance.md.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "algorithms/coco_eval.hpp"

namespace {

using namespace algojudge;

struct splitmix64 {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    // In [0, n): the high half of a 32x32-bit product (Lemire's reduction, bias < n / 2^32).
    std::uint32_t below(std::uint32_t n) {
        return static_cast<std::uint32_t>(((next() >> 32) * std::uint64_t{n}) >> 32);
    }
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }  // [0, 1)
    double between(double low, double high) { return low + (high - low) * unit(); }
};

struct coco_like_set {
    std::uint32_t images = 0, classes = 0;
    std::vector<coco_ground_truth> gts;
    std::vector<coco_detection> dets;
    coco_eval_input input() const { return {images, classes, gts, dets}; }
};

double two_decimals(double v) {
    return static_cast<double>(static_cast<std::int64_t>(v * 100)) / 100;
}

// Boxes as COCO's: sizes spread over small, medium and large, the annotation area a polygon's
// (40-95% of w*h, some exactly 32^2 or 96^2), 1% crowd regions; a few classes much more frequent
// than others; two detections in three near a ground-truth box (the rest anywhere), scores with
// two decimals a third of the time (ties), the rest at full precision.
coco_like_set make_set(std::size_t detections, std::size_t ground_truth, std::uint32_t images,
                       std::uint32_t classes, std::uint64_t seed) {
    splitmix64 rng{seed};
    coco_like_set set;
    set.images = images;
    set.classes = classes;
    auto skewed_class = [&] { return std::min(rng.below(classes), rng.below(classes)); };
    set.gts.reserve(ground_truth);
    for (std::size_t i = 0; i < ground_truth; ++i) {
        coco_ground_truth g;
        g.image = rng.below(images);
        g.class_id = skewed_class();
        const double side = 4 + 300 * rng.unit() * rng.unit();
        g.bbox = {two_decimals(rng.between(0, 600)), two_decimals(rng.between(0, 400)),
                  two_decimals(side * rng.between(0.5, 1.5)),
                  two_decimals(side * rng.between(0.5, 1.5))};
        g.area = g.bbox.w * g.bbox.h * rng.between(0.4, 0.95);
        if (rng.below(50) == 0) g.area = rng.below(2) != 0 ? 1024.0 : 9216.0;
        g.iscrowd = rng.below(100) == 0;
        g.id = static_cast<std::int64_t>(i) + 1;
        set.gts.push_back(g);
    }
    set.dets.reserve(detections);
    for (std::size_t i = 0; i < detections; ++i) {
        coco_detection d;
        if (rng.below(3) != 0) {
            const coco_ground_truth& g =
                set.gts[rng.below(static_cast<std::uint32_t>(ground_truth))];
            d.image = g.image;
            d.class_id = rng.below(10) != 0 ? g.class_id : skewed_class();
            const double jitter = 0.15 * rng.unit();
            d.bbox = {two_decimals(g.bbox.x + g.bbox.w * rng.between(-jitter, jitter)),
                      two_decimals(g.bbox.y + g.bbox.h * rng.between(-jitter, jitter)),
                      two_decimals(g.bbox.w * rng.between(1 - jitter, 1 + jitter)),
                      two_decimals(g.bbox.h * rng.between(1 - jitter, 1 + jitter))};
        } else {
            d.image = rng.below(images);
            d.class_id = skewed_class();
            const double side = 4 + 300 * rng.unit() * rng.unit();
            d.bbox = {two_decimals(rng.between(0, 600)), two_decimals(rng.between(0, 400)),
                      two_decimals(side * rng.between(0.5, 1.5)),
                      two_decimals(side * rng.between(0.5, 1.5))};
        }
        d.score = rng.below(3) == 0 ? two_decimals(rng.unit()) : rng.unit();
        set.dets.push_back(d);
    }
    return set;
}

const coco_like_set& issue_set() {
    static const coco_like_set set = make_set(1'000'000, 315'000, 50'000, 80, 12);
    return set;
}

void bm_match(benchmark::State& state) {
    const auto input = issue_set().input();
    const auto threads = static_cast<unsigned>(state.range(0));
    for (auto _ : state)
        benchmark::DoNotOptimize(match_coco(input, threads));
    state.SetItemsProcessed(state.iterations() *
                            static_cast<std::int64_t>(input.detections.size()));
}

void bm_accumulate(benchmark::State& state) {
    const auto threads = static_cast<unsigned>(state.range(0));
    const coco_matches matches = match_coco(issue_set().input(), threads);
    for (auto _ : state)
        benchmark::DoNotOptimize(accumulate_coco(matches, threads));
}

void bm_evaluate(benchmark::State& state) {
    const auto input = issue_set().input();
    for (auto _ : state)
        benchmark::DoNotOptimize(evaluate_coco(input));
    const auto s = evaluate_coco(input).summary;
    state.counters["AP"] = s.ap;  // a sanity check that the set is not degenerate
    state.counters["AR100"] = s.ar100;
}

BENCHMARK(bm_match)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(bm_accumulate)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(bm_evaluate)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
