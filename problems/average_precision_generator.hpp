// Description: a seeded synthetic input of the average-precision problem, for benchmarks and
// tests: jittered true positives, duplicates, clutter and some difficult boxes.
// Status: used by bench/average_precision_bench.cpp and tests/formats/ap_json_test.cpp.
#pragma once

#include <cstdint>
#include <string>

namespace algojudge {

// A seeded synthetic input: `images` images, about `detections` detections and
// `ground_truth` boxes over `classes` classes, with jittered true positives, clutter and some
// difficult boxes, rendered as the problem's JSON text.
struct ap_generator_options {
    std::size_t images = 1000;
    std::size_t classes = 20;
    std::size_t ground_truth = 6900;
    std::size_t detections = 10000;
    std::uint64_t seed = 1;
};
std::string generate_ap_json(const ap_generator_options& options);

}  // namespace algojudge
