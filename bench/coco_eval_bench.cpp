// COCO evaluation (pycocotools' COCOeval, bbox) on a seeded COCO-like set at the size of
// issue 12: 1.0M detections, 315k ground-truth boxes, 50k images, 80 classes. The two halves
// (match, accumulate) are timed apart, on one and two threads. Figures: docs/performance.md.
// `coco_eval_bench --generate DIR` writes the same set as DIR/instances.json and
// DIR/results.json (image ids 1..50000, category ids 1..80) for timing `algojudge ap` end to end.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "algorithms/coco_eval.hpp"
#include "support/random.hpp"

namespace {

using namespace algojudge;

// splitmix64 outputs used directly (not prng): the set stays the one docs/performance.md timed.
struct splitmix_draws {
    std::uint64_t state;
    std::uint64_t next() { return algojudge::splitmix64(state); }
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
    splitmix_draws rng{seed};
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

namespace {

bool write_file(const std::filesystem::path& file, const fmt::memory_buffer& text) {
    std::FILE* out = std::fopen(file.string().c_str(), "wb");
    if (out == nullptr) return false;
    const bool written = std::fwrite(text.data(), 1, text.size(), out) == text.size();
    return std::fclose(out) == 0 && written;
}

// The issue's set as COCO files: image index i has id i + 1, class c has category id c + 1.
int generate(const std::filesystem::path& dir) {
    const coco_like_set& set = issue_set();
    std::filesystem::create_directories(dir);
    fmt::memory_buffer text;
    auto put = [&text](std::string_view part) { text.append(part); };
    put("{\"images\":[");
    for (std::uint32_t i = 0; i < set.images; ++i)
        fmt::format_to(std::back_inserter(text), "{}{{\"id\":{},\"file_name\":\"{:06}.jpg\"}}",
                       i == 0 ? "" : ",", i + 1, i + 1);
    put("],\"categories\":[");
    for (std::uint32_t c = 0; c < set.classes; ++c)
        fmt::format_to(std::back_inserter(text), "{}{{\"id\":{},\"name\":\"class{}\"}}",
                       c == 0 ? "" : ",", c + 1, c + 1);
    put("],\"annotations\":[");
    for (std::size_t i = 0; i < set.gts.size(); ++i) {
        const coco_ground_truth& g = set.gts[i];
        fmt::format_to(std::back_inserter(text),
                       "{}{{\"id\":{},\"image_id\":{},\"category_id\":{},\"bbox\":[{},{},{},{}],"
                       "\"area\":{},\"iscrowd\":{}}}",
                       i == 0 ? "" : ",\n", g.id, g.image + 1, g.class_id + 1, g.bbox.x, g.bbox.y,
                       g.bbox.w, g.bbox.h, g.area, g.iscrowd ? 1 : 0);
    }
    put("]}\n");
    if (!write_file(dir / "instances.json", text)) return 1;
    text.clear();
    put("[");
    for (std::size_t i = 0; i < set.dets.size(); ++i) {
        const coco_detection& d = set.dets[i];
        fmt::format_to(std::back_inserter(text),
                       "{}{{\"image_id\":{},\"category_id\":{},\"bbox\":[{},{},{},{}],"
                       "\"score\":{}}}",
                       i == 0 ? "" : ",\n", d.image + 1, d.class_id + 1, d.bbox.x, d.bbox.y,
                       d.bbox.w, d.bbox.h, d.score);
    }
    put("]\n");
    if (!write_file(dir / "results.json", text)) return 1;
    const coco_summary s = evaluate_coco(set.input()).summary;
    fmt::print("wrote {} and {}; AP {} AR100 {}\n", (dir / "instances.json").string(),
               (dir / "results.json").string(), s.ap, s.ar100);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 3 && std::string_view(argv[1]) == "--generate") return generate(argv[2]);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
