#include "problems/average_precision_generator.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include <fmt/format.h>

namespace algojudge {

namespace {

constexpr generator_option average_precision_options[] = {
    {"images", option_kind::integer, "3", "how many images", {}, 1, 100000000, true},
    {"classes", option_kind::integer, "2", "how many classes", {}, 1, 100, true},
    {"ground-truth",
     option_kind::integer,
     "8",
     "how many ground-truth boxes",
     {},
     0,
     100000000,
     true},
    {"detections", option_kind::integer, "12", "how many detections", {}, 0, 100000000, true},
    {"difficult", option_kind::fraction, "0.1", "share of ground-truth boxes marked difficult"},
    {"ties", option_kind::fraction, "0.2",
     "share of detections that reuse an earlier detection's score"},
};

constexpr std::int64_t image_width = 10000;  // in tenths of a pixel
constexpr std::int64_t image_height = 8000;
constexpr std::int64_t full_score = 10000;  // scores in ten-thousandths

struct truth_box {
    std::int64_t image = 0, class_id = 0;
    std::array<std::int64_t, 4> corners{};  // tenths of a pixel
};

json box_json(const std::array<std::int64_t, 4>& corners) {
    json box = json::array();
    for (std::int64_t tenths : corners)
        box.push_back(static_cast<double>(tenths) / 10.0);
    return box;
}

std::string image_name(std::int64_t image) {
    return fmt::format("img{:06}", image);
}

std::string class_name(std::int64_t class_id) {
    return fmt::format("class{:02}", class_id);
}

// A box of 8 to 300 pixels a side on whole pixels, inside the image.
std::array<std::int64_t, 4> random_box(prng& random) {
    const std::int64_t width = random.between(8, 300) * 10;
    const std::int64_t height = random.between(8, 300) * 10;
    const std::int64_t x = random.between(0, (image_width - width) / 10) * 10;
    const std::int64_t y = random.between(0, (image_height - height) / 10) * 10;
    return {x, y, x + width, y + height};
}

json generate_average_precision(const generator_settings& settings, prng& random) {
    const std::int64_t images = settings.integer("images");
    const std::int64_t classes = settings.integer("classes");
    const auto ground_truth = static_cast<std::size_t>(settings.integer("ground-truth"));
    const auto detections = static_cast<std::size_t>(settings.integer("detections"));
    const double difficult = settings.fraction("difficult");
    const double ties = settings.fraction("ties");

    std::vector<truth_box> truth;
    truth.reserve(ground_truth);
    json truth_json = json::array();
    for (std::size_t i = 0; i < ground_truth; ++i) {
        truth_box box;
        box.image = random.between(0, images - 1);
        box.class_id = random.between(0, classes - 1);
        box.corners = random_box(random);
        truth.push_back(box);
        truth_json.push_back({{"image", image_name(box.image)},
                              {"class", class_name(box.class_id)},
                              {"bbox", box_json(box.corners)},
                              {"difficult", random.chance(difficult)}});
    }

    std::vector<std::int64_t> scores;
    scores.reserve(detections);
    json detection_json = json::array();
    for (std::size_t i = 0; i < detections; ++i) {
        std::int64_t image = 0;
        std::int64_t class_id = 0;
        std::array<std::int64_t, 4> corners{};
        std::int64_t score = 0;
        if (!truth.empty() && random.chance(0.6)) {  // near a true box, maybe a duplicate
            const truth_box& near = truth[random.below(truth.size())];
            image = near.image;
            class_id = random.chance(0.9) ? near.class_id : random.between(0, classes - 1);
            const std::int64_t width = near.corners[2] - near.corners[0];
            const std::int64_t height = near.corners[3] - near.corners[1];
            const std::int64_t jitter = random.between(20, 350);  // thousandths of a side
            corners[0] = near.corners[0] + random.between(-jitter, jitter) * width / 1000;
            corners[1] = near.corners[1] + random.between(-jitter, jitter) * height / 1000;
            corners[2] = corners[0] + width * random.between(1000 - jitter, 1000 + jitter) / 1000;
            corners[3] = corners[1] + height * random.between(1000 - jitter, 1000 + jitter) / 1000;
            score = std::min(full_score, random.between(2000, full_score) * (1200 - jitter) / 1000);
        } else {  // clutter
            image = random.between(0, images - 1);
            class_id = random.between(0, classes - 1);
            corners = random_box(random);
            score = random.between(0, 7000);
        }
        if (!scores.empty() && random.chance(ties)) score = scores[random.below(scores.size())];
        scores.push_back(score);
        detection_json.push_back(
            {{"image", image_name(image)},
             {"class", class_name(class_id)},
             {"score", static_cast<double>(score) / static_cast<double>(full_score)},
             {"bbox", box_json(corners)}});
    }
    return {{"iou_threshold", 0.5}, {"ground_truth", truth_json}, {"detections", detection_json}};
}

}  // namespace

const generator average_precision_generator{average_precision_options, generate_average_precision};

}  // namespace algojudge
