#include "problems/average_precision_generator.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>
#include <random>
#include <vector>

#include <fmt/format.h>

namespace algojudge {

std::string generate_ap_json(const ap_generator_options& options) {
    std::mt19937_64 random(options.seed);
    auto uniform = [&](double low, double high) {
        return std::uniform_real_distribution<double>(low, high)(random);
    };
    auto pick = [&](std::size_t count) {
        return std::uniform_int_distribution<std::size_t>(0, count - 1)(random);
    };
    const std::size_t images = std::max<std::size_t>(1, options.images);
    const std::size_t classes = std::max<std::size_t>(1, options.classes);
    struct gt {
        std::size_t image, class_id;
        std::array<double, 4> corners;
    };
    std::vector<gt> truth;
    truth.reserve(options.ground_truth);
    std::string out;
    out.reserve((options.ground_truth + options.detections) * 110 + 64);
    auto append_box = [&](const std::array<double, 4>& c) {
        fmt::format_to(std::back_inserter(out), "[{:.1f},{:.1f},{:.1f},{:.1f}]", c[0], c[1], c[2],
                       c[3]);
    };
    out += "{\"iou_threshold\":0.5,\n\"ground_truth\":[\n";
    for (std::size_t i = 0; i < options.ground_truth; ++i) {
        gt g{pick(images), pick(classes), {}};
        const double w = uniform(8, 300), h = uniform(8, 300);
        const double x = std::round(uniform(0, 1000 - w)), y = std::round(uniform(0, 800 - h));
        g.corners = {x, y, std::round(x + w), std::round(y + h)};
        truth.push_back(g);
        fmt::format_to(std::back_inserter(out),
                       "{}{{\"image\":\"img{:06}\",\"class\":\"class{:02}\",\"bbox\":",
                       i == 0 ? "" : ",\n", g.image, g.class_id);
        append_box(g.corners);
        fmt::format_to(std::back_inserter(out), ",\"difficult\":{}}}",
                       uniform(0, 1) < 0.08 ? "true" : "false");
    }
    out += "],\n\"detections\":[\n";
    for (std::size_t i = 0; i < options.detections; ++i) {
        std::size_t image = 0, class_id = 0;
        std::array<double, 4> corners{};
        double score = 0;
        if (!truth.empty() && uniform(0, 1) < 0.6) {  // near a true box, maybe a duplicate
            const gt& g = truth[pick(truth.size())];
            image = g.image;
            class_id = uniform(0, 1) < 0.9 ? g.class_id : pick(classes);
            const double w = g.corners[2] - g.corners[0], h = g.corners[3] - g.corners[1];
            const double jitter = uniform(0.02, 0.35);
            corners = {g.corners[0] + uniform(-jitter, jitter) * w,
                       g.corners[1] + uniform(-jitter, jitter) * h, 0, 0};
            corners[2] = corners[0] + w * uniform(1 - jitter, 1 + jitter);
            corners[3] = corners[1] + h * uniform(1 - jitter, 1 + jitter);
            score = std::min(1.0, uniform(0.2, 1.0) * (1.2 - jitter));
        } else {  // clutter
            image = pick(images);
            class_id = pick(classes);
            const double w = uniform(8, 300), h = uniform(8, 300);
            corners[0] = uniform(0, 1000 - w);
            corners[1] = uniform(0, 800 - h);
            corners[2] = corners[0] + w;
            corners[3] = corners[1] + h;
            score = uniform(0, 0.7);
        }
        fmt::format_to(std::back_inserter(out),
                       "{}{{\"image\":\"img{:06}\",\"class\":\"class{:02}\",\"score\":{:.4f},"
                       "\"bbox\":",
                       i == 0 ? "" : ",\n", image, class_id, score);
        append_box(corners);
        out += '}';
    }
    out += "]}\n";
    return out;
}

}  // namespace algojudge
