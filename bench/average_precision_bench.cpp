// Average precision: the evaluation on the issue-5 set (1 and 2 threads) against the previous
// evaluation through input indices, per-(image, class) matching against matching over every box
// of the class, an IoU sweep against one run per threshold, the error split's cost, and the
// simdjson On-Demand reader against nlohmann's DOM. Figures:
// docs/performance.md.
//
// Also the seeded generator of big inputs (`algojudge ap` reads what it writes):
//   average_precision_bench --generate FILE [--images N] [--classes N] [--ground-truth N]
//                           [--detections N] [--seed S]
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cassert>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <optional>
#include <string>
#include <vector>

#include "algorithms/average_precision.hpp"
#include "formats/ap_json.hpp"
#include "problems/average_precision.hpp"
#include "problems/average_precision_generator.hpp"
#include "support/errors.hpp"

namespace {

using namespace algojudge;

// The issue-5 proportions: 69 ground-truth boxes per 100 detections, 10 detections an image.
std::string generate_bench_input(std::size_t detections) {
    generator_settings settings(average_precision_generator);
    settings.set("detections", std::to_string(detections));
    settings.set("ground-truth", std::to_string(detections * 69 / 100));
    settings.set("images", std::to_string(std::max<std::size_t>(1, detections / 10)));
    settings.set("classes", "20");
    settings.set("ties", "0");
    settings.set("difficult", "0.08");
    prng random(42);
    return average_precision_generator.generate(settings, random).dump();
}

const std::string& generated_text(std::size_t detections) {
    static std::size_t cached_size = 0;
    static std::string cached;
    if (cached_size != detections) {
        cached = generate_bench_input(detections);
        cached_size = detections;
    }
    return cached;
}

std::string generated_file(std::size_t detections) {
    const std::string file = (std::filesystem::temp_directory_path() /
                              ("algojudge_ap_bench_" + std::to_string(detections) + ".json"))
                                 .string();
    if (!std::filesystem::exists(file)) std::ofstream(file) << generated_text(detections);
    return file;
}

// The baseline matcher: each detection scans every box of its class (all images), as a
// careless implementation would; same counts, quadratic work.
std::size_t match_over_class(const detection_set& set, double threshold) {
    std::size_t tp = 0;
    std::vector<char> used(set.ground_truth.size(), 0);
    for (const detection& d : set.detections) {
        double best = -1;
        std::size_t best_box = SIZE_MAX;
        for (std::size_t g = 0; g < set.ground_truth.size(); ++g) {
            const ground_truth_box& box_g = set.ground_truth[g];
            if (box_g.class_id != d.class_id) continue;
            const double overlap = box_g.image == d.image ? iou(d.bbox, box_g.bbox, false) : 0.0;
            if (overlap > best) {
                best = overlap;
                best_box = g;
            }
        }
        if (best >= threshold && !used[best_box]) {
            used[best_box] = 1;
            ++tp;
        }
    }
    return tp;
}

// The previous evaluation, kept as the baseline of the contiguous one: detections of a class
// sorted as indices (each comparison reads a score through the 48-byte input records) and
// matched through indices into the input arrays; same results, bit for bit.
ap_result evaluate_through_indices(const detection_set& set, const ap_conventions& conventions) {
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
            const bool true_positive = passes && !matched[best];
            if (true_positive) matched[best] = 1;
            ++(true_positive ? out.tp : out.fp);
            const auto tp = static_cast<double>(out.tp);
            const auto counted = static_cast<double>(out.tp + out.fp);
            if (has_positives)
                out.curve.push_back({tp / static_cast<double>(out.num_gt), tp / counted});
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

    // The means over classes are left out: the same code makes them in both evaluations.
    return result;
}

bool same_bits(const std::optional<double>& a, const std::optional<double>& b) {
    return a.has_value() == b.has_value() && (!a || std::memcmp(&*a, &*b, sizeof(double)) == 0);
}

// Whether two results agree bit for bit, curves included (the means are not compared).
bool identical(const ap_result& a, const ap_result& b) {
    if (a.classes.size() != b.classes.size() ||
        a.detections_without_ground_truth_image != b.detections_without_ground_truth_image) {
        return false;
    }
    for (std::size_t k = 0; k < a.classes.size(); ++k) {
        const class_ap& x = a.classes[k];
        const class_ap& y = b.classes[k];
        if (x.num_gt != y.num_gt || x.num_difficult != y.num_difficult ||
            x.num_detections != y.num_detections || x.tp != y.tp || x.fp != y.fp ||
            !same_bits(x.ap_11point, y.ap_11point) || !same_bits(x.ap_area, y.ap_area) ||
            !same_bits(x.ap_101point, y.ap_101point) || x.curve.size() != y.curve.size() ||
            (!x.curve.empty() &&
             std::memcmp(x.curve.data(), y.curve.data(), x.curve.size() * sizeof(pr_point)) != 0)) {
            return false;
        }
    }
    return true;
}

// The issue-5 set (1.0M detections, 0.69M boxes, 20 classes, 100k images), read once.
const detection_set& big_set() {
    static const detection_set set = load_ap_json_file(generated_file(1000000)).set;
    return set;
}

// Evaluation alone on the issue-5 set, on 1 or 2 threads (the argument); the result is first
// checked against the baseline's, bit for bit.
void bm_evaluate_big(benchmark::State& state) {
    const detection_set& set = big_set();
    const ap_conventions conventions;
    const auto threads = static_cast<unsigned>(state.range(0));
    if (!identical(detail::evaluate_average_precision(set, conventions, threads),
                   evaluate_through_indices(set, conventions))) {
        state.SkipWithError("results differ from the baseline's");
        return;
    }
    for (auto _ : state)
        benchmark::DoNotOptimize(detail::evaluate_average_precision(set, conventions, threads));
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(set.detections.size()));
}
BENCHMARK(bm_evaluate_big)
    ->ArgName("threads")
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

void bm_evaluate_big_through_indices_baseline(benchmark::State& state) {
    const detection_set& set = big_set();
    const ap_conventions conventions;
    for (auto _ : state)
        benchmark::DoNotOptimize(evaluate_through_indices(set, conventions));
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(set.detections.size()));
}
BENCHMARK(bm_evaluate_big_through_indices_baseline)->Unit(benchmark::kMillisecond)->UseRealTime();

// The COCO thresholds 0.50:0.95 on the issue-5 set, one thread: one sweep (IoUs and the sort
// shared) against ten separate runs; the sweep's results are first checked against the runs'.
const std::vector<double> coco_thresholds = {0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95};

std::vector<ap_result> separate_runs(const detection_set& set) {
    std::vector<ap_result> runs;
    for (double threshold : coco_thresholds) {
        ap_conventions conventions;
        conventions.iou_threshold = threshold;
        runs.push_back(
            detail::evaluate_average_precision_sweep(set, conventions, {&threshold, 1}, {}, 1)
                .front());
    }
    return runs;
}

void bm_sweep_big(benchmark::State& state) {
    const detection_set& set = big_set();
    const std::vector<ap_result> sweep =
        detail::evaluate_average_precision_sweep(set, {}, coco_thresholds, {}, 1);
    const std::vector<ap_result> runs = separate_runs(set);
    for (std::size_t t = 0; t < runs.size(); ++t) {
        if (!identical(sweep[t], runs[t])) {
            state.SkipWithError("the sweep differs from the separate runs");
            return;
        }
    }
    for (auto _ : state) {
        benchmark::DoNotOptimize(
            detail::evaluate_average_precision_sweep(set, {}, coco_thresholds, {}, 1));
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(set.detections.size()));
}
BENCHMARK(bm_sweep_big)->Unit(benchmark::kMillisecond)->UseRealTime();

void bm_sweep_big_separate_runs_baseline(benchmark::State& state) {
    const detection_set& set = big_set();
    for (auto _ : state)
        benchmark::DoNotOptimize(separate_runs(set));
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(set.detections.size()));
}
BENCHMARK(bm_sweep_big_separate_runs_baseline)->Unit(benchmark::kMillisecond)->UseRealTime();

// The error split's cost at IoU 0.5 on the issue-5 set, one thread (bm_evaluate_big/threads:1
// is the same run without it).
void bm_errors_big(benchmark::State& state) {
    const detection_set& set = big_set();
    const double threshold = 0.5;
    for (auto _ : state) {
        benchmark::DoNotOptimize(detail::evaluate_average_precision_sweep(set, {}, {&threshold, 1},
                                                                          {.errors = true}, 1));
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(set.detections.size()));
}
BENCHMARK(bm_errors_big)->Unit(benchmark::kMillisecond)->UseRealTime();

void bm_evaluate_per_image(benchmark::State& state) {
    const auto d = static_cast<std::size_t>(state.range(0));
    const ap_input input = read_ap_json_value(json::parse(generated_text(d)));
    for (auto _ : state)
        benchmark::DoNotOptimize(evaluate_average_precision(input.set, input.conventions));
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(bm_evaluate_per_image)->Arg(2000)->Arg(20000)->Unit(benchmark::kMillisecond);

void bm_match_over_class_baseline(benchmark::State& state) {
    const auto d = static_cast<std::size_t>(state.range(0));
    const ap_input input = read_ap_json_value(json::parse(generated_text(d)));
    for (auto _ : state)
        benchmark::DoNotOptimize(match_over_class(input.set, 0.5));
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(bm_match_over_class_baseline)->Arg(2000)->Arg(20000)->Unit(benchmark::kMillisecond);

// Reads the generated file of range(0) detections with `read`, text bytes per second.
template <class Reader>
void bm_read(benchmark::State& state, Reader read) {
    const std::string file = generated_file(static_cast<std::size_t>(state.range(0)));
    for (auto _ : state)
        benchmark::DoNotOptimize(read(file));
    state.SetBytesProcessed(state.iterations() *
                            static_cast<std::int64_t>(std::filesystem::file_size(file)));
}
// 100 000 detections (15 MB), and the issue-5 size (1 000 000, 152 MB).
void both_sizes(benchmark::internal::Benchmark* benchmark) {
    benchmark->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond)->UseRealTime();
}
// What `algojudge ap` uses: simdjson On-Demand over 1 MB blocks of the file.
BENCHMARK_CAPTURE(bm_read, simdjson_blocks, [](const std::string& file) {
    return load_ap_json_file(file);
})->Apply(both_sizes);
// The same reader over the whole file at once (its fallback for errors): simdjson indexes
// the whole text.
BENCHMARK_CAPTURE(bm_read, simdjson_whole_document, [](const std::string& file) {
    return read_ap_json_whole(file);
})->Apply(both_sizes);
// The case reader: nlohmann's DOM, then validation.
BENCHMARK_CAPTURE(bm_read, nlohmann_dom,
                  [](const std::string& file) {
                      std::ifstream in(file);
                      const std::string text((std::istreambuf_iterator<char>(in)), {});
                      return read_ap_json_value(json::parse(text));
                  })
    ->Arg(100000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// `--generate FILE [--images N] ...`: 0 on success, 2 on a usage error. Every option of
// `algojudge gen average-precision` is accepted, and --seed.
int generate(int argc, char** argv) {
    generator_settings settings(average_precision_generator);
    std::uint64_t seed = 1;
    std::string file;
    try {
        for (int i = 1; i < argc; i += 2) {
            const std::string flag = argv[i];
            if (i + 1 >= argc || flag.rfind("--", 0) != 0) {
                throw usage_error(flag + ": expected --option VALUE");
            }
            const std::string value = argv[i + 1];
            if (flag == "--generate") {
                file = value;
            } else if (flag == "--seed") {
                seed = std::stoull(value);
            } else {
                settings.set(std::string_view(flag).substr(2), value);
            }
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "average_precision_bench: %s\n", e.what());
        return 2;
    }
    prng random(seed);
    std::ofstream out(file, std::ios::binary);
    out << average_precision_generator.generate(settings, random).dump() << '\n';
    out.close();
    if (!out) {
        std::fprintf(stderr, "average_precision_bench: cannot write %s\n", file.c_str());
        return 2;
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc > 1 && std::strcmp(argv[1], "--generate") == 0) return generate(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
