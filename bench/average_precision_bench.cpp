// Average precision: per-(image, class) matching against matching over every box of the class,
// and the simdjson On-Demand reader against nlohmann's DOM. Figures: docs/performance.md.
//
// Also the seeded generator of big inputs (`algojudge ap` reads what it writes):
//   average_precision_bench --generate FILE [--images N] [--classes N] [--ground-truth N]
//                           [--detections N] [--seed S]
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

#include "algorithms/average_precision.hpp"
#include "problems/average_precision.hpp"

namespace {

using namespace algojudge;

ap_generator_options bench_options(std::size_t detections) {
    ap_generator_options options;
    options.detections = detections;
    options.ground_truth = detections * 69 / 100;
    options.images = std::max<std::size_t>(1, detections / 10);
    options.classes = 20;
    options.seed = 42;
    return options;
}

const std::string& generated_text(std::size_t detections) {
    static std::size_t cached_size = 0;
    static std::string cached;
    if (cached_size != detections) {
        cached = generate_ap_json(bench_options(detections));
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

void bm_evaluate_per_image(benchmark::State& state) {
    const auto d = static_cast<std::size_t>(state.range(0));
    const ap_input input = parse_ap_input(json::parse(generated_text(d)));
    for (auto _ : state)
        benchmark::DoNotOptimize(evaluate_average_precision(input.set, input.conventions));
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(bm_evaluate_per_image)->Arg(2000)->Arg(20000)->Unit(benchmark::kMillisecond);

void bm_match_over_class_baseline(benchmark::State& state) {
    const auto d = static_cast<std::size_t>(state.range(0));
    const ap_input input = parse_ap_input(json::parse(generated_text(d)));
    for (auto _ : state)
        benchmark::DoNotOptimize(match_over_class(input.set, 0.5));
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(bm_match_over_class_baseline)->Arg(2000)->Arg(20000)->Unit(benchmark::kMillisecond);

void bm_read_simdjson_on_demand(benchmark::State& state) {
    const std::string file = generated_file(static_cast<std::size_t>(state.range(0)));
    for (auto _ : state)
        benchmark::DoNotOptimize(load_ap_json_file(file));
    state.SetBytesProcessed(state.iterations() *
                            static_cast<std::int64_t>(std::filesystem::file_size(file)));
}
BENCHMARK(bm_read_simdjson_on_demand)->Arg(100000)->Unit(benchmark::kMillisecond);

void bm_read_nlohmann_dom(benchmark::State& state) {
    const std::string file = generated_file(static_cast<std::size_t>(state.range(0)));
    for (auto _ : state) {
        std::ifstream in(file);
        const std::string text((std::istreambuf_iterator<char>(in)), {});
        benchmark::DoNotOptimize(parse_ap_input(json::parse(text)));
    }
    state.SetBytesProcessed(state.iterations() *
                            static_cast<std::int64_t>(std::filesystem::file_size(file)));
}
BENCHMARK(bm_read_nlohmann_dom)->Arg(100000)->Unit(benchmark::kMillisecond);

// `--generate FILE [--images N] ...`: 0 on success, 2 on a usage error.
int generate(int argc, char** argv) {
    ap_generator_options options;
    std::string file;
    for (int i = 1; i < argc; ++i) {
        const std::string flag = argv[i];
        if (i + 1 >= argc) {
            std::fprintf(stderr, "average_precision_bench: %s needs a value\n", flag.c_str());
            return 2;
        }
        const std::string value = argv[++i];
        char* end = nullptr;
        const unsigned long long number = std::strtoull(value.c_str(), &end, 10);
        const bool numeric = !value.empty() && *end == '\0';
        if (flag == "--generate") {
            file = value;
        } else if (numeric && flag == "--images") {
            options.images = number;
        } else if (numeric && flag == "--classes") {
            options.classes = number;
        } else if (numeric && flag == "--ground-truth") {
            options.ground_truth = number;
        } else if (numeric && flag == "--detections") {
            options.detections = number;
        } else if (numeric && flag == "--seed") {
            options.seed = number;
        } else {
            std::fprintf(stderr, "average_precision_bench: bad option %s %s\n", flag.c_str(),
                         value.c_str());
            return 2;
        }
    }
    std::ofstream out(file, std::ios::binary);
    out << generate_ap_json(options);
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
