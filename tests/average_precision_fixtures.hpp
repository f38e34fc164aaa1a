// Shared by the average-precision tests (tests/algorithms, tests/formats, tests/problems):
// set builders, the obviously correct all-pairs evaluation, comparisons bit for bit.
#pragma once

#include <unistd.h>

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <fstream>
#include <future>
#include <random>
#include <string>
#include "algorithms/average_precision.hpp"
#include "judging/case_files.hpp"
#include "problems/average_precision.hpp"

namespace algojudge::testing {

namespace fs = std::filesystem;

inline const fs::path data_dir = fs::path(ALGOJUDGE_TEST_DATA_DIR) / "ap";

// A small set built by hand: names are interned in order of first use.
struct set_maker {
    detection_set set;
    std::uint32_t id(std::vector<std::string>& names, const std::string& name) {
        auto found = std::find(names.begin(), names.end(), name);
        if (found != names.end()) return static_cast<std::uint32_t>(found - names.begin());
        names.push_back(name);
        return static_cast<std::uint32_t>(names.size() - 1);
    }
    set_maker& gt(const std::string& image, const std::string& cls, box b, bool difficult = false) {
        set.ground_truth.push_back({id(set.images, image), id(set.classes, cls), b, difficult});
        return *this;
    }
    set_maker& det(const std::string& image, const std::string& cls, double score, box b) {
        set.detections.push_back({id(set.images, image), id(set.classes, cls), score, b});
        return *this;
    }
};

inline ap_result evaluate(const detection_set& set, double threshold = 0.5) {
    ap_conventions conventions;
    conventions.iou_threshold = threshold;
    return evaluate_average_precision(set, conventions);
}

inline constexpr box unit{0, 0, 10, 10};
inline constexpr box far_away{100, 100, 110, 110};

// ---- an obviously correct evaluator: every detection against every box ----

struct naive_class {
    std::size_t num_gt = 0, tp = 0, fp = 0;
    std::optional<double> ap_11, ap_area, ap_101;
    std::vector<pr_point> curve;
    ap_errors errors;  // the rules of ap_errors applied literally, every box looked at
};

// Which rule of ap_errors a false positive falls under; `used` marks the boxes matched so far.
inline void naive_classify(const detection_set& set, const ap_conventions& c, const detection& det,
                           bool duplicate, const std::vector<bool>& used, ap_errors& errors) {
    auto passes = [&](double overlap) {
        return c.strict_greater ? overlap > c.iou_threshold : overlap >= c.iou_threshold;
    };
    bool localisation = false, confusion = false;
    for (std::size_t g = 0; g < set.ground_truth.size(); ++g) {
        const ground_truth_box& b = set.ground_truth[g];
        if (b.image != det.image) continue;
        const double overlap = iou(det.bbox, b.bbox, c.pixel_plus_one);
        if (b.class_id == det.class_id && !b.difficult && !used[g] && overlap >= 0.1) {
            localisation = true;
        }
        if (b.class_id != det.class_id && passes(overlap)) confusion = true;
    }
    ++(duplicate      ? errors.duplicate
       : localisation ? errors.localisation
       : confusion    ? errors.confusion
                      : errors.background);
}

inline double naive_interpolated(const std::vector<pr_point>& curve, int steps, bool numpy) {
    double sum = 0;
    for (int i = 0; i <= steps; ++i) {
        const double t = numpy ? i * (1.0 / steps) : static_cast<double>(i) / steps;
        double best = 0;
        for (const pr_point& p : curve)
            if (p.recall >= t) best = std::max(best, p.precision);
        sum += best;
    }
    return sum / (steps + 1);
}

inline double naive_area(const std::vector<pr_point>& curve) {
    // Each recall step times the best precision at that recall or beyond.
    double area = 0, previous_recall = 0;
    for (std::size_t i = 0; i < curve.size(); ++i) {
        double best = 0;
        for (std::size_t j = i; j < curve.size(); ++j)
            best = std::max(best, curve[j].precision);
        area += (curve[i].recall - previous_recall) * best;
        previous_recall = curve[i].recall;
    }
    return area;
}

inline std::vector<naive_class> naive_evaluate(const detection_set& set, const ap_conventions& c) {
    std::vector<naive_class> out(set.classes.size());
    for (std::uint32_t k = 0; k < set.classes.size(); ++k) {
        std::vector<std::size_t> order;
        for (std::size_t i = 0; i < set.detections.size(); ++i)
            if (set.detections[i].class_id == k) order.push_back(i);
        // Insertion sort by descending score: stable by construction.
        for (std::size_t i = 1; i < order.size(); ++i)
            for (std::size_t j = i;
                 j > 0 && set.detections[order[j - 1]].score < set.detections[order[j]].score; --j)
                std::swap(order[j - 1], order[j]);
        for (const ground_truth_box& g : set.ground_truth)
            if (g.class_id == k && !g.difficult) ++out[k].num_gt;
        std::vector<bool> used(set.ground_truth.size(), false);
        std::vector<pr_point>& curve = out[k].curve;
        for (std::size_t d : order) {
            const detection& det = set.detections[d];
            double best = -1;
            std::size_t best_box = SIZE_MAX;
            for (std::size_t g = 0; g < set.ground_truth.size(); ++g) {
                const ground_truth_box& box_g = set.ground_truth[g];
                if (box_g.image != det.image || box_g.class_id != k) continue;
                const double overlap = iou(det.bbox, box_g.bbox, c.pixel_plus_one);
                if (overlap > best) {
                    best = overlap;
                    best_box = g;
                }
            }
            const bool hit = best_box != SIZE_MAX &&
                             (c.strict_greater ? best > c.iou_threshold : best >= c.iou_threshold);
            if (hit && set.ground_truth[best_box].difficult) continue;
            if (hit && !used[best_box]) {
                used[best_box] = true;
                ++out[k].tp;
            } else {
                ++out[k].fp;
                naive_classify(set, c, det, hit, used, out[k].errors);
            }
            if (out[k].num_gt > 0) {
                curve.push_back(
                    {static_cast<double>(out[k].tp) / static_cast<double>(out[k].num_gt),
                     static_cast<double>(out[k].tp) / static_cast<double>(out[k].tp + out[k].fp)});
            }
        }
        out[k].errors.missed = out[k].num_gt - out[k].tp;
        if (out[k].num_gt > 0) {
            out[k].ap_11 = naive_interpolated(curve, 10, c.numpy_thresholds);
            out[k].ap_area = naive_area(curve);
            out[k].ap_101 = naive_interpolated(curve, 100, false);
        }
    }
    return out;
}

inline detection_set random_set(std::mt19937_64& random, std::size_t images, std::size_t classes,
                                std::size_t boxes, std::size_t detections) {
    auto pick = [&](std::size_t n) {
        return static_cast<std::uint32_t>(
            std::uniform_int_distribution<std::size_t>(0, n - 1)(random));
    };
    auto random_box = [&] {
        // Small integer grid: equal IoUs and equal scores happen often.
        const double x = pick(8), y = pick(8);
        return box{x, y, x + 1 + pick(6), y + 1 + pick(6)};
    };
    detection_set set;
    for (std::size_t i = 0; i < images; ++i)
        set.images.push_back(fmt::format("img{}", i));
    for (std::size_t i = 0; i < classes; ++i)
        set.classes.push_back(fmt::format("c{}", i));
    for (std::size_t i = 0; i < boxes; ++i)
        set.ground_truth.push_back({pick(images), pick(classes), random_box(), pick(5) == 0});
    for (std::size_t i = 0; i < detections; ++i)
        set.detections.push_back({pick(images), pick(classes), pick(6) / 5.0, random_box()});
    return set;
}

inline std::string read_file(const fs::path& file) {
    std::ifstream in(file);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

inline json load_json(const fs::path& file) {
    return json::parse(read_file(file));
}

// A file in the temp folder, its name unique to this process: ctest runs tests in parallel,
// and other builds' tests may run beside them.
inline std::string write_temp(const std::string& name, const std::string& text) {
    const fs::path file = fs::temp_directory_path() /
                          ("algojudge_ap_test_" + std::to_string(::getpid()) + "_" + name);
    std::ofstream(file) << text;
    return file.string();
}

inline bool same_bits(std::optional<double> a, std::optional<double> b) {
    return a.has_value() == b.has_value() &&
           (!a || std::bit_cast<std::uint64_t>(*a) == std::bit_cast<std::uint64_t>(*b));
}

inline bool same_curve(const std::vector<pr_point>& a, const std::vector<pr_point>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](pr_point x, pr_point y) {
        return same_bits(x.recall, y.recall) && same_bits(x.precision, y.precision);
    });
}

// Checks `fast` against the all-pairs evaluation: counts and curves exactly, APs to rounding.
inline void check_against_naive(const detection_set& set, const ap_conventions& c,
                                const ap_result& fast) {
    const std::vector<naive_class> slow = naive_evaluate(set, c);
    REQUIRE(fast.classes.size() == slow.size());
    for (std::size_t k = 0; k < slow.size(); ++k) {
        CAPTURE(k);
        CHECK(fast.classes[k].num_gt == slow[k].num_gt);
        CHECK(fast.classes[k].tp == slow[k].tp);
        CHECK(fast.classes[k].fp == slow[k].fp);
        CHECK(same_curve(fast.classes[k].curve, slow[k].curve));
        REQUIRE(fast.classes[k].ap_area.has_value() == slow[k].ap_area.has_value());
        if (!slow[k].ap_area) continue;
        CHECK(*fast.classes[k].ap_11point == doctest::Approx(*slow[k].ap_11).epsilon(1e-12));
        CHECK(*fast.classes[k].ap_area == doctest::Approx(*slow[k].ap_area).epsilon(1e-12));
        CHECK(*fast.classes[k].ap_101point == doctest::Approx(*slow[k].ap_101).epsilon(1e-12));
    }
    std::vector<bool> image_has_gt(set.images.size(), false);
    for (const ground_truth_box& g : set.ground_truth)
        image_has_gt[g.image] = true;
    const auto without = std::count_if(set.detections.begin(), set.detections.end(),
                                       [&](const detection& d) { return !image_has_gt[d.image]; });
    CHECK(fast.detections_without_ground_truth_image == static_cast<std::size_t>(without));
}

// Whether two results agree bit for bit, curves included.
inline void check_identical(const ap_result& a, const ap_result& b) {
    CHECK(a.detections_without_ground_truth_image == b.detections_without_ground_truth_image);
    CHECK(same_bits(a.map_11point, b.map_11point));
    CHECK(same_bits(a.map_area, b.map_area));
    CHECK(same_bits(a.map_101point, b.map_101point));
    REQUIRE(a.classes.size() == b.classes.size());
    for (std::size_t k = 0; k < a.classes.size(); ++k) {
        CAPTURE(k);
        const class_ap& x = a.classes[k];
        const class_ap& y = b.classes[k];
        CHECK(x.num_gt == y.num_gt);
        CHECK(x.num_difficult == y.num_difficult);
        CHECK(x.num_detections == y.num_detections);
        CHECK(x.tp == y.tp);
        CHECK(x.fp == y.fp);
        CHECK(same_bits(x.ap_11point, y.ap_11point));
        CHECK(same_bits(x.ap_area, y.ap_area));
        CHECK(same_bits(x.ap_101point, y.ap_101point));
        CHECK(same_curve(x.curve, y.curve));
    }
}

// Scores that order badly as raw bits or as a careless key: signed zeros, subnormals, both
// signs, neighbours one ulp apart, repeated often so that ties abound.
inline double tricky_score(std::mt19937_64& random) {
    static constexpr std::array scores = {0.0, -0.0,        5e-324,      -5e-324, 1e-310,
                                          0.5, 0.5 + 1e-16, 0.5 - 1e-16, 0.7,     -0.7,
                                          1.0, -2.5,        1e300,       -1e300,  3.0};
    return scores[std::uniform_int_distribution<std::size_t>(0, scores.size() - 1)(random)];
}

}  // namespace algojudge::testing
