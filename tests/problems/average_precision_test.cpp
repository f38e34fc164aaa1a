#include "problems/average_precision.hpp"

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
#include "formats/ap_json.hpp"
#include "formats/text_folders.hpp"
#include "judging/case_files.hpp"
#include "tests/average_precision_fixtures.hpp"

using namespace algojudge;
using namespace algojudge::testing;
namespace fs = std::filesystem;

TEST_CASE("converted sets reproduce their independent expected results, by both readers") {
    for (const char* name : {"cartucho_input", "padilla_odm_sample", "review_database_voc",
                             "review_test_case_1", "review_toyexample_cat"}) {
        const fs::path input_file = data_dir / "converted" / (std::string(name) + ".json");
        const json expected =
            load_json(data_dir / "converted" / (std::string(name) + ".expected.json"));
        const ap_input fast = load_ap_json_file(input_file);
        const ap_input slow = read_ap_json_value(load_json(input_file));
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
            return std::string(e.what());
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
