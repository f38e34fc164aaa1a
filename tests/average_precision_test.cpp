#include "algorithms/average_precision.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <fstream>
#include <future>
#include <random>
#include <string>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "problems/average_precision.hpp"
#include "problems/cases.hpp"

namespace {

using namespace algojudge;
namespace fs = std::filesystem;

const fs::path data_dir = fs::path(ALGOJUDGE_TEST_DATA_DIR) / "ap";

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

ap_result evaluate(const detection_set& set, double threshold = 0.5) {
    ap_conventions conventions;
    conventions.iou_threshold = threshold;
    return evaluate_average_precision(set, conventions);
}

constexpr box unit{0, 0, 10, 10};
constexpr box far_away{100, 100, 110, 110};

// ---- an obviously correct evaluator: every detection against every box ----

struct naive_class {
    std::size_t num_gt = 0, tp = 0, fp = 0;
    std::optional<double> ap_11, ap_area, ap_101;
    std::vector<pr_point> curve;
};

double naive_interpolated(const std::vector<pr_point>& curve, int steps, bool numpy) {
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

double naive_area(const std::vector<pr_point>& curve) {
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

std::vector<naive_class> naive_evaluate(const detection_set& set, const ap_conventions& c) {
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
            }
            if (out[k].num_gt > 0) {
                curve.push_back(
                    {static_cast<double>(out[k].tp) / static_cast<double>(out[k].num_gt),
                     static_cast<double>(out[k].tp) / static_cast<double>(out[k].tp + out[k].fp)});
            }
        }
        if (out[k].num_gt > 0) {
            out[k].ap_11 = naive_interpolated(curve, 10, c.numpy_thresholds);
            out[k].ap_area = naive_area(curve);
            out[k].ap_101 = naive_interpolated(curve, 100, false);
        }
    }
    return out;
}

detection_set random_set(std::mt19937_64& random, std::size_t images, std::size_t classes,
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

std::string read_file(const fs::path& file) {
    std::ifstream in(file);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

json load_json(const fs::path& file) {
    return json::parse(read_file(file));
}

std::string write_temp(const std::string& name, const std::string& text) {
    const fs::path file = fs::temp_directory_path() / ("algojudge_ap_test_" + name);
    std::ofstream(file) << text;
    return file.string();
}

bool same_bits(std::optional<double> a, std::optional<double> b) {
    return a.has_value() == b.has_value() &&
           (!a || std::bit_cast<std::uint64_t>(*a) == std::bit_cast<std::uint64_t>(*b));
}

bool same_curve(const std::vector<pr_point>& a, const std::vector<pr_point>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](pr_point x, pr_point y) {
        return same_bits(x.recall, y.recall) && same_bits(x.precision, y.precision);
    });
}

// Checks `fast` against the all-pairs evaluation: counts and curves exactly, APs to rounding.
void check_against_naive(const detection_set& set, const ap_conventions& c, const ap_result& fast) {
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
void check_identical(const ap_result& a, const ap_result& b) {
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
double tricky_score(std::mt19937_64& random) {
    static constexpr std::array scores = {0.0, -0.0,        5e-324,      -5e-324, 1e-310,
                                          0.5, 0.5 + 1e-16, 0.5 - 1e-16, 0.7,     -0.7,
                                          1.0, -2.5,        1e300,       -1e300,  3.0};
    return scores[std::uniform_int_distribution<std::size_t>(0, scores.size() - 1)(random)];
}

}  // namespace

TEST_CASE("iou: continuous and +1 pixel") {
    CHECK(iou(unit, unit, false) == 1.0);
    CHECK(iou(unit, far_away, false) == 0.0);
    CHECK(iou({0, 0, 10, 10}, {5, 0, 15, 10}, false) == doctest::Approx(50.0 / 150.0));
    // +1: widths 11, overlap 6 x 11 = 66, union 121 + 121 - 66.
    CHECK(iou({0, 0, 10, 10}, {5, 0, 15, 10}, true) == doctest::Approx(66.0 / 176.0));
    // Touching edges overlap by nothing, or by one pixel column with +1.
    CHECK(iou({0, 0, 10, 10}, {10, 0, 20, 10}, false) == 0.0);
    CHECK(iou({0, 0, 10, 10}, {10, 0, 20, 10}, true) == doctest::Approx(11.0 / 231.0));
    // Degenerate boxes never divide by zero.
    CHECK(iou({1, 1, 1, 1}, {1, 1, 1, 1}, false) == 0.0);
}

TEST_CASE("ap of raw curves") {
    const std::vector<pr_point> none;
    CHECK(ap_11point(none, false) == 0.0);
    CHECK(ap_area(none) == 0.0);
    CHECK(ap_101point(none) == 0.0);
    const std::vector<pr_point> perfect = {{0.5, 1.0}, {1.0, 1.0}};
    CHECK(ap_11point(perfect, false) == doctest::Approx(1.0));
    CHECK(ap_area(perfect) == doctest::Approx(1.0));
    CHECK(ap_101point(perfect) == doctest::Approx(1.0));
    // TP, FP, TP over 2 boxes: recall 0.5 at precision 1, recall 1 at precision 2/3.
    const std::vector<pr_point> curve = {{0.5, 1.0}, {0.5, 0.5}, {1.0, 2.0 / 3}};
    CHECK(ap_area(curve) == doctest::Approx(0.5 * 1.0 + 0.5 * 2.0 / 3));
    CHECK(ap_11point(curve, false) == doctest::Approx((6 * 1.0 + 5 * 2.0 / 3) / 11));
    CHECK(ap_101point(curve) == doctest::Approx((51 * 1.0 + 50 * 2.0 / 3) / 101));
}

TEST_CASE("numpy thresholds: recall exactly 0.6 misses 0.6000000000000001") {
    const std::vector<pr_point> curve = {{0.6, 1.0}};
    CHECK(ap_11point(curve, false) == doctest::Approx(7.0 / 11));
    CHECK(ap_11point(curve, true) == doctest::Approx(6.0 / 11));
}

TEST_CASE("empty: no detections, no boxes") {
    const ap_result nothing = evaluate({});
    CHECK(nothing.classes.empty());
    CHECK_FALSE(nothing.map_area.has_value());

    set_maker m;
    m.gt("a", "dog", unit);
    const ap_result r = evaluate(m.set);
    CHECK(r.classes[0].num_gt == 1);
    CHECK(r.classes[0].tp == 0);
    CHECK(r.classes[0].fp == 0);
    CHECK(*r.classes[0].ap_11point == 0.0);
    CHECK(*r.classes[0].ap_area == 0.0);
    CHECK(*r.map_area == 0.0);
}

TEST_CASE("difficult boxes: a match is ignored, recall leaves them out") {
    set_maker m;
    m.gt("a", "dog", unit).gt("a", "dog", far_away, true);
    m.det("a", "dog", 0.9, far_away).det("a", "dog", 0.8, unit);
    const ap_result r = evaluate(m.set);
    const class_ap& dog = r.classes[0];
    CHECK(dog.num_gt == 1);
    CHECK(dog.num_difficult == 1);
    CHECK(dog.num_detections == 2);
    CHECK(dog.tp == 1);
    CHECK(dog.fp == 0);  // the detection on the difficult box counts as nothing
    REQUIRE(dog.curve.size() == 1);
    CHECK(*dog.ap_area == 1.0);
    CHECK(*dog.ap_11point == doctest::Approx(1.0));

    // A class whose boxes are all difficult has no AP and stays out of the mean.
    set_maker only_difficult;
    only_difficult.gt("a", "cat", unit, true).det("a", "cat", 0.5, unit);
    const ap_result r2 = evaluate(only_difficult.set);
    CHECK(r2.classes[0].num_gt == 0);
    CHECK_FALSE(r2.classes[0].ap_area.has_value());
    CHECK_FALSE(r2.map_area.has_value());
}

TEST_CASE("duplicates: the second detection of a matched box is a false positive") {
    set_maker m;
    m.gt("a", "dog", unit).gt("a", "dog", far_away);
    m.det("a", "dog", 0.9, unit).det("a", "dog", 0.8, {0, 0, 10, 9}).det("a", "dog", 0.7, far_away);
    const ap_result r = evaluate(m.set);
    const class_ap& dog = r.classes[0];
    CHECK(dog.tp == 2);
    CHECK(dog.fp == 1);
    // Curve: (0.5, 1), (0.5, 0.5), (1, 2/3). The envelope is 1 up to recall 0.5, then 2/3.
    CHECK(*dog.ap_area == doctest::Approx(0.5 + 0.5 * 2.0 / 3));
    CHECK(*dog.ap_11point == doctest::Approx((6 + 5 * 2.0 / 3) / 11));
}

TEST_CASE("the best box wins even when it is taken: VOC does not fall back to the next") {
    set_maker m;
    m.gt("a", "dog", {0, 0, 10, 10}).gt("a", "dog", {0, 0, 10, 12});
    // Both detections overlap the first box best; the second one is a FP although the
    // second box would pass the threshold.
    m.det("a", "dog", 0.9, {0, 0, 10, 10}).det("a", "dog", 0.8, {0, 0, 10, 10});
    const ap_result r = evaluate(m.set);
    const class_ap& dog = r.classes[0];
    CHECK(dog.tp == 1);
    CHECK(dog.fp == 1);
}

TEST_CASE("ties keep input order") {
    // Two detections with equal scores: FP first then TP gives a lower AP than TP first.
    set_maker fp_first, tp_first;
    fp_first.gt("a", "dog", unit).det("b", "dog", 0.5, unit).det("a", "dog", 0.5, unit);
    tp_first.gt("a", "dog", unit).det("a", "dog", 0.5, unit).det("b", "dog", 0.5, unit);
    CHECK(*evaluate(fp_first.set).classes[0].ap_area == doctest::Approx(0.5));
    CHECK(*evaluate(tp_first.set).classes[0].ap_area == doctest::Approx(1.0));
}

TEST_CASE("classes without ground truth and images without ground truth") {
    set_maker m;
    m.gt("a", "dog", unit);
    m.det("a", "dog", 0.9, unit).det("a", "cat", 0.8, unit).det("z", "dog", 0.7, unit);
    const ap_result r = evaluate(m.set);
    const class_ap& dog = r.classes[0];
    const class_ap& cat = r.classes[1];
    CHECK(dog.tp == 1);
    CHECK(dog.fp == 1);  // image z has no ground truth at all: a false positive
    CHECK(r.detections_without_ground_truth_image == 1);
    CHECK(cat.fp == 1);
    CHECK_FALSE(cat.ap_area.has_value());
    CHECK_FALSE(cat.ap_11point.has_value());
    CHECK(cat.curve.empty());
    CHECK(*r.map_area == *dog.ap_area);  // the cat stays out of the mean
    CHECK(*r.map_11point == *dog.ap_11point);
}

TEST_CASE("IoU exactly at the threshold matches with >=, not with strict >") {
    set_maker m;
    m.gt("a", "dog", {0, 0, 2, 1}).det("a", "dog", 0.9, {0, 0, 1, 1});  // IoU 1/2 exactly
    ap_conventions conventions;
    conventions.iou_threshold = 0.5;
    CHECK(evaluate_average_precision(m.set, conventions).classes[0].tp == 1);
    conventions.strict_greater = true;
    CHECK(evaluate_average_precision(m.set, conventions).classes[0].tp == 0);
}

TEST_CASE("property: per-image matching equals the all-pairs evaluation on random sets") {
    std::mt19937_64 random(20261129);
    for (int round = 0; round < 400; ++round) {
        const std::size_t images = 1 + round % 7, classes = 1 + round % 4;
        const std::size_t boxes = static_cast<std::size_t>(round % 23);
        const std::size_t detections = static_cast<std::size_t>((round * 7) % 41);
        detection_set set = random_set(random, images, classes, boxes, detections);
        if (round % 2 == 0) {
            for (detection& d : set.detections)
                d.score = tricky_score(random);
        }
        ap_conventions c;
        c.iou_threshold = std::array{0.1, 0.3, 0.5, 0.75}[round % 4];
        c.pixel_plus_one = round % 2 == 1;
        c.strict_greater = round % 3 == 0;
        c.numpy_thresholds = round % 5 == 0;
        CAPTURE(round);
        const ap_result one_thread = detail::evaluate_average_precision(set, c, 1);
        check_against_naive(set, c, one_thread);
        check_identical(detail::evaluate_average_precision(set, c, 2), one_thread);
        check_identical(evaluate_average_precision(set, c), one_thread);
    }
}

TEST_CASE("property: classes past the radix sort's size equal the all-pairs evaluation") {
    // 300 to 1500 detections a class: the score sort takes its radix path (from 256).
    std::mt19937_64 random(5);
    for (int round = 0; round < 6; ++round) {
        const std::size_t classes = 1 + static_cast<std::size_t>(round % 3);
        detection_set set = random_set(random, 40, classes, 500, 1500);
        for (detection& d : set.detections)
            d.score = round % 2 == 0 ? tricky_score(random)
                                     : std::uniform_real_distribution<double>(-1, 1)(random);
        ap_conventions c;
        c.iou_threshold = round < 3 ? 0.5 : 0.3;
        c.pixel_plus_one = round % 2 == 0;
        CAPTURE(round);
        const ap_result one_thread = detail::evaluate_average_precision(set, c, 1);
        check_against_naive(set, c, one_thread);
        check_identical(detail::evaluate_average_precision(set, c, 2), one_thread);
    }
}

TEST_CASE("threaded evaluation above the size threshold equals a one-thread run, bit for bit") {
    // Past detail::ap_parallel_min_detections the public function splits classes between two
    // threads (on a machine with two cores); uneven classes, so the threads interleave.
    std::mt19937_64 random(11);
    const std::size_t detections = detail::ap_parallel_min_detections + 20000;
    detection_set set = random_set(random, 3000, 7, 40000, detections);
    for (std::size_t i = 0; i < set.detections.size(); ++i) {
        if (i % 3 == 0) set.detections[i].class_id = 0;  // one big class
        set.detections[i].score =
            i % 5 == 0 ? tricky_score(random) : std::uniform_int_distribution(0, 999)(random) / 1e3;
    }
    set.images.push_back("no boxes here");
    set.detections.push_back({static_cast<std::uint32_t>(set.images.size() - 1), 2, 0.5, unit});
    for (const bool pixel_plus_one : {false, true}) {
        ap_conventions c;
        c.pixel_plus_one = pixel_plus_one;
        c.numpy_thresholds = pixel_plus_one;
        const ap_result one_thread = detail::evaluate_average_precision(set, c, 1);
        check_identical(evaluate_average_precision(set, c), one_thread);
        check_identical(detail::evaluate_average_precision(set, c, 2), one_thread);
        CHECK(one_thread.detections_without_ground_truth_image == 1);
        std::size_t total = 0;
        for (const class_ap& k : one_thread.classes)
            total += k.num_detections;
        CHECK(total == set.detections.size());
    }
}

TEST_CASE("converted sets reproduce their independent expected results, by both readers") {
    for (const char* name : {"cartucho_input", "padilla_odm_sample", "review_database_voc",
                             "review_test_case_1", "review_toyexample_cat"}) {
        const fs::path input_file = data_dir / "converted" / (std::string(name) + ".json");
        const json expected =
            load_json(data_dir / "converted" / (std::string(name) + ".expected.json"));
        const ap_input fast = load_ap_json_file(input_file);
        const ap_input slow = parse_ap_input(load_json(input_file));
        CHECK(fast.set.classes == slow.set.classes);
        CHECK(fast.set.detections.size() == slow.set.detections.size());
        for (const char* mode : {"continuous", "pixel_plus_one"}) {
            CAPTURE(name);
            CAPTURE(mode);
            const json& want = expected[mode];
            ap_conventions c = fast.conventions;
            c.iou_threshold = want["iou_threshold"].get<double>();
            c.pixel_plus_one = want["options"]["pixel_plus_one"].get<bool>();
            const ap_result r = evaluate_average_precision(fast.set, c);
            for (std::size_t k = 0; k < fast.set.classes.size(); ++k) {
                const json& w = want["classes"][fast.set.classes[k]];
                CHECK(r.classes[k].num_gt == w["npos"].get<std::size_t>());
                CHECK(r.classes[k].num_difficult == w["gt_difficult"].get<std::size_t>());
                CHECK(r.classes[k].num_detections == w["detections"].get<std::size_t>());
                CHECK(r.classes[k].tp == w["tp"].get<std::size_t>());
                CHECK(r.classes[k].fp == w["fp"].get<std::size_t>());
                if (w["area"].is_null()) {
                    CHECK_FALSE(r.classes[k].ap_area.has_value());
                } else {
                    CHECK(std::abs(*r.classes[k].ap_area - w["area"].get<double>()) < 1e-12);
                    CHECK(std::abs(*r.classes[k].ap_11point - w["voc11"].get<double>()) < 1e-12);
                }
            }
            CHECK(std::abs(*r.map_area - want["mAP"]["area"].get<double>()) < 1e-12);
            CHECK(std::abs(*r.map_11point - want["mAP"]["voc11"].get<double>()) < 1e-12);
        }
        for (const json& published : expected["published"]) {
            CAPTURE(published["what"].get<std::string>());
            ap_conventions c;
            c.iou_threshold = published["iou_threshold"].get<double>();
            c.pixel_plus_one = true;
            c.numpy_thresholds = true;
            const ap_result r = evaluate_average_precision(fast.set, c);
            const double got = published["method"] == "voc11" ? *r.map_11point : *r.map_area;
            CHECK(std::abs(got - published["value"].get<double>()) <=
                  published["tolerance"].get<double>());
        }
    }
}

TEST_CASE("published: Object-Detection-Metrics 7-image text set (results/results.txt)") {
    const detection_set set = load_ap_text_folders(
        data_dir / "Object-Detection-Metrics" / "groundtruths",
        data_dir / "Object-Detection-Metrics" / "detections", box_layout::xywh);
    ap_conventions c;
    c.iou_threshold = 0.3;
    c.pixel_plus_one = true;
    c.numpy_thresholds = true;
    const ap_result r = evaluate_average_precision(set, c);
    CHECK(std::abs(*r.map_area - 0.2457) < 5e-5);     // results.txt "AP: 24.57%"
    CHECK(std::abs(*r.map_11point - 0.2684) < 5e-5);  // README 26.84 %
    c.pixel_plus_one = false;
    CHECK(std::abs(*evaluate_average_precision(set, c).map_area - 0.2254) < 5e-5);

    // py-faster-rcnn's unstable argsort puts the 0.95 FP of 00007 before the 0.95 TP of 00005.
    detection_set swapped = set;
    auto is_095 = [&](const std::string& image) {
        return [&, image](const detection& d) {
            return d.score == 0.95 && swapped.images[d.image] == image;
        };
    };
    auto tp = std::find_if(swapped.detections.begin(), swapped.detections.end(), is_095("00005"));
    auto fp = std::find_if(swapped.detections.begin(), swapped.detections.end(), is_095("00007"));
    REQUIRE(tp != swapped.detections.end());
    REQUIRE(fp != swapped.detections.end());
    std::iter_swap(tp, fp);
    c.pixel_plus_one = true;
    const ap_result unstable = evaluate_average_precision(swapped, c);
    CHECK(std::abs(*unstable.map_area - 0.2235) < 5e-5);
    CHECK(std::abs(*unstable.map_11point - 0.2381) < 5e-5);
}

TEST_CASE("published: review_object_detection_metrics test_case_1 (tests/test_eval_pascal.py)") {
    const fs::path root = data_dir / "review_object_detection_metrics" / "tests" / "test_case_1";
    const detection_set set = load_ap_text_folders(root / "gts", root / "dets", box_layout::xywh);
    struct row {
        double threshold, eleven, area;
    };
    for (const row& expected :
         {row{0.1, 0.3333333333, 0.3371980676}, row{0.3, 0.2683982683, 0.2456866804},
          row{0.5, 0.0303030303, 0.0222222222}, row{0.75, 0.0, 0.0}}) {
        CAPTURE(expected.threshold);
        ap_conventions c;
        c.iou_threshold = expected.threshold;
        c.pixel_plus_one = true;
        c.numpy_thresholds = true;
        const ap_result r = evaluate_average_precision(set, c);
        CHECK(std::abs(*r.map_11point - expected.eleven) < 1e-9);
        CHECK(std::abs(*r.map_area - expected.area) < 1e-9);
    }
    // With exact thresholds recall 9/15 = 0.6 reaches t = 0.6 and the 11-point AP rises.
    ap_conventions exact;
    exact.iou_threshold = 0.1;
    exact.pixel_plus_one = true;
    CHECK(std::abs(*evaluate_average_precision(set, exact).map_11point - 0.3689064559) < 1e-9);
}

TEST_CASE("published: Cartucho/mAP sample, main.py prints mAP = 31.05%") {
    const detection_set set = load_ap_text_folders(
        data_dir / "Cartucho-mAP" / "input" / "ground-truth",
        data_dir / "Cartucho-mAP" / "input" / "detection-results", box_layout::xyxy);
    ap_conventions c;
    c.pixel_plus_one = true;
    const ap_result r = evaluate_average_precision(set, c);
    CHECK(std::abs(*r.map_area - 0.31047718500906324) < 1e-12);
}

TEST_CASE("problem: solve renders the output object, the checker accepts it") {
    const json input = load_json(data_dir / "converted" / "review_toyexample_cat.json");
    const json output = solve_average_precision(input, {});
    CHECK(output["classes"]["cat"]["num_gt"] == 12);
    CHECK(output["classes"]["cat"]["tp"] == 11);
    CHECK(output["map_area"].get<double>() == doctest::Approx(0.8958333333333334));
    const json no_tolerance;
    CHECK(check_average_precision({input, output, output, no_tolerance}).outcome ==
          verdict::accepted);

    json off = output;
    off["classes"]["cat"]["ap_area"] = 0.8958;
    check_result r = check_average_precision({input, output, off, no_tolerance});
    CHECK(r.outcome == verdict::wrong_answer);
    CHECK(r.message.find("classes.cat.ap_area") != std::string::npos);
    const json loose = {{"absolute", 1e-4}};
    CHECK(check_average_precision({input, output, off, loose}).outcome == verdict::accepted);

    off = output;
    off["classes"]["cat"]["tp"] = 10;
    r = check_average_precision({input, output, off, loose});
    CHECK(r.outcome == verdict::wrong_answer);
    CHECK(r.message.find("classes.cat.tp: expected 11, got 10") != std::string::npos);

    off = output;
    off["classes"]["dog"] = off["classes"]["cat"];
    r = check_average_precision({input, output, off, no_tolerance});
    CHECK(r.message.find("classes.dog: class not in the expected result") != std::string::npos);

    off = output;
    off["map_11point"] = nullptr;
    r = check_average_precision({input, output, off, no_tolerance});
    CHECK(r.message.find("map_11point: expected") != std::string::npos);

    // A partial expected answer checks only what it names (published numbers).
    const json partial = {{"map_area", 0.8958}};
    CHECK(check_average_precision({input, partial, output, loose}).outcome == verdict::accepted);

    const json malformed = {{"classes", {{"cat", {{"tp", -1}}}}}};
    r = check_average_precision({input, malformed, output, no_tolerance});
    CHECK(r.outcome == verdict::bad_expected);
    CHECK(r.message.find("expected.classes.cat.tp") != std::string::npos);
    const json bad_tolerance = {{"absolute", "big"}};
    CHECK(check_average_precision({input, output, output, bad_tolerance}).outcome ==
          verdict::bad_expected);
}

TEST_CASE("problem: validation names the JSON path") {
    auto error_of = [](const json& input) {
        try {
            solve_average_precision(input, {});
        } catch (const input_error& e) {
            return e.describe();
        }
        return std::string("no error");
    };
    const json good_gt = {{"image", "a"}, {"class", "dog"}, {"bbox", {0, 0, 1, 1}}};
    const json good_det = {
        {"image", "a"}, {"class", "dog"}, {"score", 0.5}, {"bbox", {0, 0, 1, 1}}};
    json input = {{"iou_threshold", 0.5}, {"ground_truth", {good_gt}}, {"detections", {good_det}}};
    CHECK(error_of(input) == "no error");

    json bad = input;
    bad["ground_truth"][0]["bbox"] = {5, 0, 1, 1};
    CHECK(error_of(bad) == "input.ground_truth[0].bbox: x2 (1) is less than x1 (5)");
    bad = input;
    bad["detections"][0]["bbox"] = {0, 3, 1, 1};
    CHECK(error_of(bad) == "input.detections[0].bbox: y2 (1) is less than y1 (3)");
    bad = input;
    bad["detections"][0]["score"] = "high";
    CHECK(error_of(bad).rfind("input.detections[0].score: expected", 0) == 0);
    bad = input;
    bad["detections"][0]["score"] = std::nan("");
    CHECK(error_of(bad).rfind("input.detections[0].score: expected", 0) == 0);
    bad = input;
    bad["detections"][0].erase("image");
    CHECK(error_of(bad) == "input.detections[0]: missing field \"image\"");
    bad = input;
    bad["ground_truth"][0]["bbox"] = {0, 0, 1};
    CHECK(error_of(bad).rfind("input.ground_truth[0].bbox: expected [x1, y1, x2, y2]", 0) == 0);
    bad = input;
    bad["iou_threshold"] = 1.5;
    CHECK(error_of(bad).rfind("input.iou_threshold: expected", 0) == 0);
    bad = input;
    bad["iou"] = 0.5;
    CHECK(error_of(bad).rfind("input", 0) == 0);
    bad = input;
    bad.erase("detections");
    CHECK(error_of(bad) == "input: missing field \"detections\"");
}

TEST_CASE("fast JSON reader: errors name the file and the JSON path") {
    auto error_of = [](const std::string& name, const std::string& text) {
        const std::string file = write_temp(name, text);
        try {
            load_ap_json_file(file);
        } catch (const case_file_error& e) {
            std::string message = e.what();
            CHECK(message.rfind(file + ": ", 0) == 0);
            return message.substr(file.size() + 2);
        }
        return std::string("no error");
    };
    const std::string gt = R"({"image":"a","class":"dog","bbox":[0,0,1,1],"difficult":true})";
    CHECK(error_of("ok.json", R"({"iou_threshold":0.5,"ground_truth":[)" + gt +
                                  R"(],"detections":[]})") == "no error");
    CHECK(error_of("x.json",
                   R"({"ground_truth":[)" + gt + "," +
                       R"({"image":"a","class":"dog","bbox":[4,0,1,1]}],"detections":[]})") ==
          "ground_truth[1].bbox: x2 (1) is less than x1 (4)");
    CHECK(
        error_of(
            "score.json",
            R"({"ground_truth":[],"detections":[{"image":"a","class":"c","score":"x","bbox":[0,0,1,1]}]})") ==
        "detections[0].score: expected a number, got a string");
    CHECK(error_of(
              "missing.json",
              R"({"ground_truth":[],"detections":[{"image":"a","class":"c","bbox":[0,0,1,1]}]})") ==
          "detections[0]: missing field \"score\"");
    CHECK(error_of(
              "unknown.json",
              R"({"ground_truth":[{"image":"a","class":"c","box":[0,0,1,1]}],"detections":[]})") ==
          "ground_truth[0].box: unknown field");
    CHECK(error_of("nodet.json", R"({"ground_truth":[]})") == "missing field \"detections\"");
    CHECK(
        error_of(
            "big.json",
            R"({"ground_truth":[{"image":"a","class":"c","bbox":[0,0,1e999,1]}],"detections":[]})")
            .rfind("ground_truth[0].bbox[2]: ", 0) == 0);
    CHECK(error_of("broken.json", R"({"ground_truth":[{"image":"a",)").rfind("malformed JSON", 0) ==
          0);
    CHECK(std::string(error_of(
              "bbox.json",
              R"({"ground_truth":[{"image":"a","class":"c","bbox":[0,0,1]}],"detections":[]})")) ==
          "ground_truth[0].bbox: expected [x1, y1, x2, y2], got 3 numbers");
    try {
        load_ap_json_file("/nonexistent/file.json");
        FAIL("no error");
    } catch (const case_file_error& e) {
        CHECK(std::string(e.what()).find("/nonexistent/file.json") == 0);
    }
}

namespace {

// "" when two parsed inputs are the same, else the first difference. Names are compared, not
// ids: the nlohmann reader interns ground truth first, the others in the file's order.
std::string input_difference(const ap_input& a, const ap_input& b) {
    auto sorted = [](std::vector<std::string> names) {
        std::sort(names.begin(), names.end());
        return names;
    };
    if (sorted(a.set.images) != sorted(b.set.images)) return "images";
    if (sorted(a.set.classes) != sorted(b.set.classes)) return "classes";
    auto image = [](const ap_input& in, std::uint32_t id) { return in.set.images.at(id); };
    auto label = [](const ap_input& in, std::uint32_t id) { return in.set.classes.at(id); };
    const ap_conventions &x = a.conventions, &y = b.conventions;
    if (x.iou_threshold != y.iou_threshold || x.pixel_plus_one != y.pixel_plus_one ||
        x.strict_greater != y.strict_greater || x.numpy_thresholds != y.numpy_thresholds) {
        return "conventions";
    }
    auto same_box = [](const box& p, const box& q) {
        return p.x1 == q.x1 && p.y1 == q.y1 && p.x2 == q.x2 && p.y2 == q.y2;
    };
    if (a.set.ground_truth.size() != b.set.ground_truth.size()) return "ground truth count";
    for (std::size_t i = 0; i < a.set.ground_truth.size(); ++i) {
        const ground_truth_box &p = a.set.ground_truth[i], &q = b.set.ground_truth[i];
        if (image(a, p.image) != image(b, q.image) ||
            label(a, p.class_id) != label(b, q.class_id) || !same_box(p.bbox, q.bbox) ||
            p.difficult != q.difficult) {
            return fmt::format("ground_truth[{}]", i);
        }
    }
    if (a.set.detections.size() != b.set.detections.size()) return "detection count";
    for (std::size_t i = 0; i < a.set.detections.size(); ++i) {
        const detection &p = a.set.detections[i], &q = b.set.detections[i];
        if (image(a, p.image) != image(b, q.image) ||
            label(a, p.class_id) != label(b, q.class_id) || p.score != q.score ||
            !same_box(p.bbox, q.bbox)) {
            return fmt::format("detections[{}]", i);
        }
    }
    return "";
}

// Random inputs in the problem's JSON, laid out in every way JSON allows: key order,
// whitespace, number forms, optional members. Names come from a pool whose JSON text holds the
// characters a block cut looks for ("}," "]") inside strings, escapes and long names.
class json_layout_maker {
  public:
    explicit json_layout_maker(std::uint32_t seed, bool tricky_names)
        : random_(seed), tricky_(tricky_names) {}

    std::string document() {
        std::vector<std::string> fields = {member("ground_truth", entries(true)),
                                           member("detections", entries(false))};
        if (chance(0.5)) fields.push_back(member("iou_threshold", pick({"0.5", "0.25", "1", "0"})));
        if (chance(0.3)) fields.push_back(member("pixel_plus_one", pick({"true", "false"})));
        if (chance(0.3)) fields.push_back(member("numpy_thresholds", pick({"true", "false"})));
        std::shuffle(fields.begin(), fields.end(), random_);
        return space() + "{" + joined(fields) + "}" + space();
    }

  private:
    bool chance(double p) { return std::uniform_real_distribution<double>(0, 1)(random_) < p; }
    std::string pick(std::initializer_list<const char*> options) {
        const auto i = std::uniform_int_distribution<std::size_t>(0, options.size() - 1)(random_);
        return options.begin()[i];
    }
    std::string space() { return pick({"", "", " ", "\n", "\t", " \r\n  "}); }
    std::string member(const std::string& key, const std::string& value) {
        return space() + "\"" + key + "\"" + space() + ":" + space() + value + space();
    }
    std::string joined(const std::vector<std::string>& items) {
        std::string out;
        for (std::size_t i = 0; i < items.size(); ++i)
            out += (i == 0 ? "" : ",") + items[i];
        return out;
    }
    std::string name() {
        if (tricky_) {
            return pick({R"("a},b")", R"("x]")", R"("}],{")", R"("q\"},{\"image\":\"z")",
                         R"("\u00e9t\u00e9")", R"("caf\u00e9}")", R"("a\\")",
                         R"("a name longer than sixteen bytes, with }, inside")", R"("img1")",
                         R"("dog")", R"("")"});
        }
        return pick({R"("img1")", R"("img2")", R"("img3")", R"("dog")", R"("cat")",
                     R"("a-much-longer-image-name-0001.jpg")"});
    }
    std::string number(double value) {
        switch (std::uniform_int_distribution<int>(0, 3)(random_)) {
            case 0:
                return fmt::format("{}", value);
            case 1:
                return fmt::format("{:.3f}", value);
            case 2:
                return fmt::format("{:e}", value);
            default:
                return fmt::format("{}", std::round(value));
        }
    }
    std::string bbox() {
        // Rounded through the text so that x1 <= x2 holds for what the readers see.
        std::array<std::string, 4> corners;
        const double x = std::uniform_real_distribution<double>(0, 100)(random_);
        const double y = std::uniform_real_distribution<double>(0, 100)(random_);
        corners[0] = fmt::format("{:.2f}", x);
        corners[1] = fmt::format("{:.2f}", y);
        corners[2] = number(std::ceil(x) + std::uniform_real_distribution<double>(1, 50)(random_));
        corners[3] = number(std::ceil(y) + std::uniform_real_distribution<double>(1, 50)(random_));
        std::string out = "[";
        for (std::size_t i = 0; i < 4; ++i) {
            if (i > 0) out += ',';
            out += space();
            out += corners[i];
            out += space();
        }
        return out + "]";
    }
    std::string entries(bool ground_truth) {
        const int count = std::uniform_int_distribution<int>(0, 12)(random_);
        std::vector<std::string> items;
        for (int i = 0; i < count; ++i) {
            std::vector<std::string> fields = {member("image", name()), member("class", name()),
                                               member("bbox", bbox())};
            if (!ground_truth) {
                fields.push_back(
                    member("score", number(std::uniform_real_distribution<double>(0, 1)(random_))));
            } else if (chance(0.7)) {
                fields.push_back(member("difficult", pick({"true", "false", "null"})));
            }
            std::shuffle(fields.begin(), fields.end(), random_);
            items.push_back(space() + "{" + joined(fields) + "}" + space());
        }
        return "[" + space() + joined(items) + space() + "]";
    }

    std::mt19937 random_;
    bool tricky_;
};

// Reads `file` in blocks of several sizes, counting reads and refusals; every read must give
// `expected` (null: the file is invalid, so no read may succeed).
void read_in_all_block_sizes(const std::string& file, const ap_input* expected, std::size_t& read,
                             std::size_t& refused) {
    for (std::size_t block_size : {std::size_t{1}, std::size_t{2}, std::size_t{3}, std::size_t{7},
                                   std::size_t{16}, std::size_t{61}, ap_json_block_size}) {
        CAPTURE(block_size);
        const std::optional<ap_input> blocks = read_ap_json_in_blocks(file, block_size);
        if (!blocks) {
            ++refused;
            continue;
        }
        ++read;
        REQUIRE(expected != nullptr);
        CHECK(input_difference(*blocks, *expected) == "");
    }
}

}  // namespace

TEST_CASE("fast JSON reader: in blocks of any size, files read as nlohmann reads them") {
    // Plain names: every layout is read in blocks, never handed to the whole-document reader.
    // Block size 1 makes every entry outgrow the buffer; the default block takes an array's
    // end inside one run. Tricky names: a cut may land inside one; the run is then refused and
    // the file read whole. Whatever a reader returns must be what the nlohmann reader reads.
    for (const bool tricky : {false, true}) {
        CAPTURE(tricky);
        std::size_t read_in_blocks = 0, handed_back = 0;
        for (std::uint32_t seed = 1; seed <= 150; ++seed) {
            CAPTURE(seed);
            const std::string text = json_layout_maker(seed, tricky).document();
            CAPTURE(text);
            const std::string file = write_temp("layout.json", text);
            const ap_input reference = parse_ap_input(json::parse(text));
            CHECK(input_difference(read_ap_json_whole(file), reference) == "");
            CHECK(input_difference(load_ap_json_file(file), reference) == "");
            read_in_all_block_sizes(file, &reference, read_in_blocks, handed_back);
        }
        if (tricky) {
            CHECK(read_in_blocks > 100);  // both paths taken
            CHECK(handed_back > 10);
        } else {
            CHECK(handed_back == 0);
        }
    }
}

TEST_CASE("fast JSON reader: damaged files are never taken by the block reader") {
    // One to three random edits (delete, insert, overwrite with JSON punctuation or letters,
    // truncate) per file. When the block reader returns a result, the whole-document reader
    // must accept the file too and read the same; errors always come from the latter.
    std::mt19937 random(2026);
    std::size_t accepted = 0, refused = 0;
    const std::string alphabet = "{}[],:\"\\ 0123456789.-eEtrufalsn\n";
    for (std::uint32_t seed = 1; seed <= 300; ++seed) {
        std::string text = json_layout_maker(seed, seed % 2 == 0).document();
        const int edits = std::uniform_int_distribution<int>(1, 3)(random);
        for (int e = 0; e < edits && !text.empty(); ++e) {
            const std::size_t at =
                std::uniform_int_distribution<std::size_t>(0, text.size() - 1)(random);
            const char c = alphabet[std::uniform_int_distribution<std::size_t>(
                0, alphabet.size() - 1)(random)];
            switch (std::uniform_int_distribution<int>(0, 3)(random)) {
                case 0:
                    text.erase(at, 1);
                    break;
                case 1:
                    text.insert(at, 1, c);
                    break;
                case 2:
                    text[at] = c;
                    break;
                default:
                    text.resize(at);
                    break;
            }
        }
        CAPTURE(seed);
        CAPTURE(text);
        const std::string file = write_temp("damaged.json", text);
        std::optional<ap_input> whole;
        std::string whole_error;
        try {
            whole = read_ap_json_whole(file);
        } catch (const case_file_error& e) {
            whole_error = e.what();
        }
        read_in_all_block_sizes(file, whole ? &*whole : nullptr, accepted, refused);
        // And load_ap_json_file reports exactly the whole-document reader's error.
        if (!whole) {
            try {
                load_ap_json_file(file);
                FAIL("no error");
            } catch (const case_file_error& e) {
                CHECK(std::string(e.what()) == whole_error);
            }
        }
    }
    CHECK(accepted > 100);
    CHECK(refused > 500);
}

TEST_CASE("fast JSON reader: a pipe is read whole, its errors reported like a file's") {
    const fs::path fifo = fs::temp_directory_path() / "algojudge_ap_test_pipe";
    fs::remove(fifo);
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    auto read_through_pipe = [&](const std::string& text) {
        auto writer = std::async(std::launch::async, [&] { std::ofstream(fifo) << text; });
        std::string outcome;
        try {
            const ap_input input = load_ap_json_file(fifo);
            outcome = fmt::format("{} boxes, {} detections", input.set.ground_truth.size(),
                                  input.set.detections.size());
        } catch (const case_file_error& e) {
            outcome = e.what();
        }
        writer.get();
        return outcome;
    };
    CHECK(read_through_pipe(R"({"ground_truth":[{"image":"a","class":"c","bbox":[0,0,1,1]}],)"
                            R"("detections":[]})") == "1 boxes, 0 detections");
    CHECK(read_through_pipe(R"({"ground_truth":[{"image":"a","class":"c","bbox":[0,0,1]}],)"
                            R"("detections":[]})") ==
          fifo.string() + ": ground_truth[0].bbox: expected [x1, y1, x2, y2], got 3 numbers");
    fs::remove(fifo);
}

TEST_CASE("text folders: errors name the file and the line") {
    const fs::path root = fs::temp_directory_path() / "algojudge_ap_text_test";
    fs::remove_all(root);
    fs::create_directories(root / "gt");
    fs::create_directories(root / "det");
    std::ofstream(root / "gt" / "img1.txt") << "dog 0 0 10 10\n\ncat 0 0 5 5 difficult\n";
    std::ofstream(root / "det" / "img1.txt") << "dog 0.9 0 0 10 10\n";
    const detection_set set = load_ap_text_folders(root / "gt", root / "det", box_layout::xyxy);
    CHECK(set.ground_truth.size() == 2);
    CHECK(set.ground_truth[1].difficult);
    CHECK(set.images == std::vector<std::string>{"img1"});

    auto error_of = [&](const std::string& gt_line, const std::string& det_line) {
        std::ofstream(root / "gt" / "img1.txt") << "dog 0 0 10 10\n" << gt_line;
        std::ofstream(root / "det" / "img1.txt") << det_line;
        try {
            load_ap_text_folders(root / "gt", root / "det", box_layout::xyxy);
        } catch (const case_file_error& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    const std::string gt_file = (root / "gt" / "img1.txt").string();
    const std::string det_file = (root / "det" / "img1.txt").string();
    CHECK(error_of("dog 5 0 1 1\n", "") == gt_file + ":2: x2 (1) is less than x1 (5)");
    CHECK(error_of("dog 0 0 1\n", "") ==
          gt_file + ":2: expected \"class x1 y1 x2 y2 [difficult]\", got 4 words");
    CHECK(error_of("dog 0 0 1 1 hard\n", "") ==
          gt_file + ":2: expected \"difficult\", 1 or 0 after the box, got \"hard\"");
    CHECK(error_of("", "dog high 0 0 1 1\n") ==
          det_file + ":1: score: expected a finite number, got \"high\"");
    CHECK(error_of("", "dog 0.5 0 0 nan 1\n") ==
          det_file + ":1: x2: expected a finite number, got \"nan\"");
    CHECK_THROWS_AS(load_ap_text_folders(root / "missing", root / "det", box_layout::xyxy),
                    case_file_error);
    fs::remove_all(root);
}

TEST_CASE("generator: seeded, deterministic, readable by the fast reader") {
    ap_generator_options options;
    options.images = 30;
    options.classes = 4;
    options.ground_truth = 200;
    options.detections = 500;
    options.seed = 7;
    const std::string text = generate_ap_json(options);
    CHECK(text == generate_ap_json(options));
    options.seed = 8;
    CHECK(text != generate_ap_json(options));
    const json parsed = json::parse(text);
    CHECK(parsed["ground_truth"].size() == 200);
    CHECK(parsed["detections"].size() == 500);
    const ap_input fast = load_ap_json_file(write_temp("generated.json", text));
    const ap_input slow = parse_ap_input(parsed);
    const ap_result a = evaluate_average_precision(fast.set, fast.conventions);
    const ap_result b = evaluate_average_precision(slow.set, slow.conventions);
    CHECK(ap_result_json(fast.set, a) == ap_result_json(slow.set, b));
    CHECK(*a.map_area > 0.0);
}
