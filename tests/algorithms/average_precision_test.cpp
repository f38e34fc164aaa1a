#include "algorithms/average_precision.hpp"

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
#include "formats/ap_json.hpp"
#include "formats/text_folders.hpp"
#include "judging/case_files.hpp"
#include "problems/average_precision.hpp"
#include "tests/average_precision_fixtures.hpp"

using namespace algojudge;
using namespace algojudge::testing;
namespace fs = std::filesystem;

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

// ---- IoU sweeps, curve scores and the error split ----

namespace {

bool same_errors(const std::optional<ap_errors>& a, const std::optional<ap_errors>& b) {
    if (a.has_value() != b.has_value()) return false;
    return !a || (a->duplicate == b->duplicate && a->localisation == b->localisation &&
                  a->confusion == b->confusion && a->background == b->background &&
                  a->missed == b->missed);
}

// check_identical, and the parts it leaves out: curve scores and errors.
void check_identical_with_errors(const ap_result& a, const ap_result& b) {
    check_identical(a, b);
    for (std::size_t k = 0; k < a.classes.size(); ++k) {
        CAPTURE(k);
        CHECK(std::equal(a.classes[k].curve_scores.begin(), a.classes[k].curve_scores.end(),
                         b.classes[k].curve_scores.begin(), b.classes[k].curve_scores.end(),
                         [](double x, double y) { return same_bits(x, y); }));
        CHECK(same_errors(a.classes[k].errors, b.classes[k].errors));
    }
}

}  // namespace

TEST_CASE("errors: one false positive of each kind, and the missed box") {
    set_maker m;
    m.gt("a", "dog", unit).gt("a", "dog", {20, 0, 30, 10}).gt("a", "cat", {50, 50, 60, 60});
    m.det("a", "dog", 0.9, unit)                 // TP
        .det("a", "dog", 0.8, unit)              // duplicate: its best box is taken
        .det("a", "dog", 0.7, {25, 0, 35, 10})   // localisation: IoU 1/3 with the free box
        .det("a", "dog", 0.6, {50, 50, 60, 60})  // confusion: IoU 1 with the cat
        .det("a", "dog", 0.5, far_away);         // background
    const ap_result r =
        evaluate_average_precision(m.set, {}, {.errors = true, .curve_scores = true});
    const class_ap& dog = r.classes[0];
    CHECK(dog.tp == 1);
    CHECK(dog.fp == 4);
    REQUIRE(dog.errors.has_value());
    CHECK(dog.errors->duplicate == 1);
    CHECK(dog.errors->localisation == 1);
    CHECK(dog.errors->confusion == 1);
    CHECK(dog.errors->background == 1);
    CHECK(dog.errors->missed == 1);  // the box at x 20..30
    REQUIRE(r.classes[1].errors.has_value());
    CHECK(r.classes[1].errors->missed == 1);  // no cat detection at all
    CHECK(r.classes[1].errors->background == 0);
    CHECK(dog.curve_scores == std::vector<double>{0.9, 0.8, 0.7, 0.6, 0.5});
    // Without the request nothing is split.
    CHECK_FALSE(evaluate(m.set).classes[0].errors.has_value());
}

TEST_CASE("errors: a box counts for localisation only while no higher-scored detection has it") {
    const box near_unit{5, 0, 15, 10};  // IoU 1/3 with unit: below 0.5, above 0.1
    set_maker taken_first, free_first;
    // The TP comes first: the near miss then overlaps a taken box only: background.
    taken_first.gt("a", "dog", unit).det("a", "dog", 0.9, unit).det("a", "dog", 0.4, near_unit);
    // The near miss comes first: the box is still free: localisation.
    free_first.gt("a", "dog", unit).det("a", "dog", 0.4, unit).det("a", "dog", 0.9, near_unit);
    const ap_result taken = evaluate_average_precision(taken_first.set, {}, {.errors = true});
    const ap_result free = evaluate_average_precision(free_first.set, {}, {.errors = true});
    CHECK(taken.classes[0].errors->background == 1);
    CHECK(taken.classes[0].errors->localisation == 0);
    CHECK(free.classes[0].errors->localisation == 1);
    CHECK(free.classes[0].errors->background == 0);
    // A difficult box is never a localisation target; a difficult box of another class is a
    // confusion target.
    set_maker difficult;
    difficult.gt("a", "dog", unit, true).gt("a", "cat", far_away, true);
    difficult.det("a", "dog", 0.9, near_unit).det("a", "dog", 0.8, far_away);
    const ap_result d = evaluate_average_precision(difficult.set, {}, {.errors = true});
    CHECK(d.classes[0].errors->background == 1);
    CHECK(d.classes[0].errors->confusion == 1);
}

TEST_CASE("property: the error split equals a brute-force classifier on random sets") {
    std::mt19937_64 random(151);
    ap_errors seen;  // over all rounds: every rule must have been exercised
    for (int round = 0; round < 300; ++round) {
        const std::size_t images = 1 + round % 4, classes = 1 + round % 3;
        detection_set set = random_set(random, images, classes, round % 13, round % 29);
        ap_conventions c;
        c.iou_threshold = std::array{0.0, 0.1, 0.3, 0.5, 0.7}[round % 5];
        c.strict_greater = round % 2 == 1;
        c.pixel_plus_one = round % 3 == 1;
        CAPTURE(round);
        const ap_result fast = evaluate_average_precision(set, c, {.errors = true});
        check_against_naive(set, c, fast);
        const std::vector<naive_class> slow = naive_evaluate(set, c);
        for (std::size_t k = 0; k < slow.size(); ++k) {
            CAPTURE(k);
            const class_ap& got = fast.classes[k];
            REQUIRE(got.errors.has_value());
            CHECK(same_errors(got.errors, slow[k].errors));
            CHECK(got.errors->duplicate + got.errors->localisation + got.errors->confusion +
                      got.errors->background ==
                  got.fp);
            CHECK(got.errors->missed == got.num_gt - got.tp);
            seen.duplicate += got.errors->duplicate;
            seen.localisation += got.errors->localisation;
            seen.confusion += got.errors->confusion;
            seen.background += got.errors->background;
            seen.missed += got.errors->missed;
        }
    }
    CHECK(seen.duplicate > 0);
    CHECK(seen.localisation > 0);
    CHECK(seen.confusion > 0);
    CHECK(seen.background > 0);
    CHECK(seen.missed > 0);
}

TEST_CASE("property: a sweep equals one run per threshold, on random sets") {
    std::mt19937_64 random(1515);
    const std::vector<double> thresholds = {0.1, 0.3, 0.5, 0.55, 0.75, 0.95, 1.0};
    for (int round = 0; round < 200; ++round) {
        // Some rounds big enough for the radix sort (256 detections of a class).
        const bool big = round % 20 == 0;
        detection_set set =
            big ? random_set(random, 30, 2, 600, 1200)
                : random_set(random, 1 + round % 5, 1 + round % 4, round % 17, round % 31);
        if (round % 7 == 0) {
            for (detection& d : set.detections)
                d.score = tricky_score(random);
        }
        ap_conventions c;
        c.strict_greater = round % 2 == 1;
        c.pixel_plus_one = round % 3 == 1;
        c.numpy_thresholds = round % 4 == 1;
        const ap_analysis analysis{.errors = round % 2 == 0, .curve_scores = round % 3 != 1};
        CAPTURE(round);
        const std::vector<ap_result> sweep =
            evaluate_average_precision_sweep(set, c, thresholds, analysis);
        REQUIRE(sweep.size() == thresholds.size());
        for (std::size_t t = 0; t < thresholds.size(); ++t) {
            CAPTURE(thresholds[t]);
            ap_conventions at = c;
            at.iou_threshold = thresholds[t];
            check_identical_with_errors(sweep[t], evaluate_average_precision(set, at, analysis));
        }
    }
    // Two threads share the classes out as one does.
    detection_set set = random_set(random, 50, 5, 800, 3000);
    ap_conventions c;
    const ap_analysis everything{.errors = true, .curve_scores = true};
    check_identical_with_errors(
        detail::evaluate_average_precision_sweep(set, c, thresholds, everything, 2)[3],
        detail::evaluate_average_precision_sweep(set, c, thresholds, everything, 1)[3]);
}

TEST_CASE("curve scores: one per curve point, descending, only when asked for") {
    std::mt19937_64 random(7);
    detection_set set = random_set(random, 6, 2, 30, 60);
    const ap_result r = evaluate_average_precision(set, {}, {.curve_scores = true});
    const ap_result without = evaluate(set);
    for (std::size_t k = 0; k < r.classes.size(); ++k) {
        const class_ap& c = r.classes[k];
        CHECK(!c.curve.empty());
        CHECK(c.curve_scores.size() == c.curve.size());
        CHECK(std::is_sorted(c.curve_scores.rbegin(), c.curve_scores.rend()));
        CHECK(without.classes[k].curve_scores.empty());
        CHECK(without.classes[k].curve.size() == c.curve.size());
    }
}

TEST_CASE("mean over thresholds: per class and of the mAPs") {
    set_maker m;
    m.gt("a", "dog", unit).gt("a", "cat", unit, true);
    m.det("a", "dog", 0.9, {0, 0, 10, 6});  // IoU 0.6: a TP at 0.5, a FP at 0.75
    const std::vector<double> thresholds = {0.5, 0.75};
    const std::vector<ap_result> sweep = evaluate_average_precision_sweep(m.set, {}, thresholds);
    CHECK(*sweep[0].classes[0].ap_area == 1.0);
    CHECK(*sweep[1].classes[0].ap_area == 0.0);
    const ap_sweep_mean mean = mean_over_thresholds(sweep);
    CHECK(*mean.classes[0].ap_area == 0.5);
    CHECK(*mean.classes[0].ap_11point == 0.5);
    CHECK_FALSE(mean.classes[1].ap_area.has_value());  // only difficult cats
    CHECK(*mean.map.ap_area == 0.5);
}
