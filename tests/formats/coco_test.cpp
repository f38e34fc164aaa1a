#include "formats/coco.hpp"

#include <doctest/doctest.h>

#include "formats/voc.hpp"
#include "support/json_input.hpp"
#include "tests/detection_format_fixtures.hpp"

using namespace algojudge;
using namespace algojudge::testing;

TEST_CASE("load_coco reads the same sets as load_voc, iscrowd as difficult") {
    for (const std::string name : {"toyexample", "database"}) {
        CAPTURE(name);
        const fs::path annotations = name == "toyexample" ? toy_annotations : database_annotations;
        const detection_set voc = load_voc(annotations, formats_dir / name / "voc_results");
        const detection_set coco = load_coco(formats_dir / name / "coco" / "instances.json",
                                             formats_dir / name / "coco" / "results.json");
        CHECK(coco.classes.size() == 20);  // every category, with or without boxes
        CHECK(coco.images.size() == voc.images.size());
        const named_rows from_coco = rows_by_name(coco, true);
        const named_rows from_voc = rows_by_name(voc, false);
        CHECK(from_coco.ground_truth == from_voc.ground_truth);
        CHECK(from_coco.detections == from_voc.detections);
    }
}

TEST_CASE("load_coco reads an empty results list and ignores members it does not use") {
    scratch_dir dir;
    const fs::path instances = dir.write("instances.json", R"({"info": {}, "licenses": [],
        "images": [{"id": 1, "file_name": "a.jpg", "width": 9}],
        "categories": [{"id": 2, "name": "dog", "supercategory": "animal"}],
        "annotations": [{"id": 4, "image_id": 1, "category_id": 2, "bbox": [0, 0, 1, 1],
                         "area": 1, "segmentation": [[0, 0, 1, 0, 1, 1]]}]})");
    CHECK(load_coco(instances, dir.write("empty.json", " [ ] \n")).detections.empty());
    const detection_set set = load_coco(
        instances, dir.write("results.json", R"([{"segmentation": {"size": [2, 2], "counts": "x"},
            "score": 1e-3, "bbox": [0.5, 1, 2e0, 3], "id": 9, "category_id": 2, "image_id": 1}])"));
    REQUIRE(set.detections.size() == 1);
    CHECK(set.detections[0].score == 1e-3);
    CHECK(set.detections[0].bbox.x2 == 2.5);
    CHECK(set.detections[0].bbox.y2 == 4);
}

TEST_CASE("load_coco names images by file_name, or by id when it has none") {
    scratch_dir dir;
    const fs::path instances = dir.write("instances.json", R"({
        "images": [{"id": 7, "file_name": "a.jpg"}, {"id": 9}],
        "categories": [{"id": 3, "name": "dog"}, {"id": 1, "name": "cat"}],
        "annotations": [
            {"image_id": 9, "category_id": 1, "bbox": [1, 2, 3, 4], "iscrowd": 1},
            {"image_id": 7, "category_id": 3, "bbox": [0.5, 0, 0, 0], "iscrowd": false},
            {"image_id": 7, "category_id": 3, "bbox": [0, 0, 10, 10]}]})");
    const fs::path results = dir.write("results.json", R"([
        {"image_id": 7, "category_id": 1, "bbox": [1, 1, 2, 2], "score": 0.25, "id": 5}])");
    const detection_set set = load_coco(instances, results);
    CHECK(set.images == std::vector<std::string>{"a.jpg", "9"});
    CHECK(set.classes == std::vector<std::string>{"dog", "cat"});
    REQUIRE(set.ground_truth.size() == 3);
    CHECK(set.ground_truth[0].image == 1);
    CHECK(set.ground_truth[0].class_id == 1);
    CHECK(set.ground_truth[0].difficult);
    CHECK(set.ground_truth[0].bbox.x2 == 4);
    CHECK(set.ground_truth[0].bbox.y2 == 6);
    CHECK_FALSE(set.ground_truth[1].difficult);
    CHECK_FALSE(set.ground_truth[2].difficult);
    REQUIRE(set.detections.size() == 1);
    CHECK(set.detections[0].score == 0.25);
    CHECK(set.detections[0].bbox.x2 == 3);
}

TEST_CASE("COCO errors name the file and the JSON path") {
    scratch_dir dir;
    const std::string good_instances = R"({"images": [{"id": 1, "file_name": "a.jpg"}],
        "categories": [{"id": 5, "name": "dog"}],
        "annotations": [{"image_id": 1, "category_id": 5, "bbox": [0, 0, 2, 2]}]})";
    const std::string good_results =
        R"([{"image_id": 1, "category_id": 5, "bbox": [0, 0, 2, 2], "score": 0.5}])";
    auto error_for = [&](const std::string& instances, const std::string& results) {
        const fs::path instances_file = dir.write("instances.json", instances);
        const fs::path results_file = dir.write("results.json", results);
        return error_of([&] { load_coco(instances_file, results_file); });
    };
    const std::string i = (dir / "instances.json").string() + ": ";
    const std::string r = (dir / "results.json").string() + ": ";

    CHECK(error_of([&] { load_coco(dir / "none.json", dir / "none.json"); }) ==
          (dir / "none.json").string() + ": cannot open file");
    CHECK(error_for("{\"images\": [\n}", good_results) ==
          i + "malformed JSON at line 2, column 1 near '}'");
    CHECK(error_for("[]", good_results) == i + "expected an object, got an array");
    CHECK(error_for(R"({"images": []})", good_results) == i + "missing field \"categories\"");
    CHECK(error_for(R"({"images": [{"id": 1}, {"id": 1}], "categories": [], "annotations": []})",
                    good_results) == i + "images[1].id: id 1 repeats images[0]");
    CHECK(error_for(R"({"images": [{"id": "1"}], "categories": [], "annotations": []})",
                    good_results) ==
          i + "images[0].id: expected an integer in the signed 64-bit range, got \"1\"");
    CHECK(error_for(R"({"images": [], "categories": [{"id": 1, "name": "a"},
                        {"id": 2, "name": "a"}], "annotations": []})",
                    good_results) == i + "categories[1].name: category name \"a\" repeats "
                                         "categories[0]");
    CHECK(error_for(R"({"images": [], "categories": [{"id": 1}], "annotations": []})",
                    good_results) == i + "categories[0]: missing field \"name\"");
    CHECK(error_for(R"({"images": [{"id": 1}], "categories": [{"id": 5, "name": "dog"}],
                        "annotations": [{"image_id": 2, "category_id": 5, "bbox": [0, 0, 1, 1]}]})",
                    good_results) ==
          i + "annotations[0].image_id: unknown image id 2 (not in the images of instances.json)");
    CHECK(error_for(R"({"images": [{"id": 1}], "categories": [{"id": 5, "name": "dog"}],
                        "annotations": [{"image_id": 1, "category_id": 5, "bbox": [0, 0, -1, 1]}]})",
                    good_results) == i + "annotations[0].bbox[2]: expected a number >= 0, got -1");
    CHECK(error_for(R"({"images": [{"id": 1}], "categories": [{"id": 5, "name": "dog"}],
                        "annotations": [{"image_id": 1, "category_id": 5, "bbox": [0, 0, 1]}]})",
                    good_results) ==
          i + "annotations[0].bbox: expected [x, y, width, height], got 3 numbers");
    CHECK(error_for(R"({"images": [{"id": 1}], "categories": [{"id": 5, "name": "dog"}],
                        "annotations": [{"image_id": 1, "category_id": 5, "bbox": [0, 0, 1, 1],
                                         "iscrowd": 2}]})",
                    good_results) == i + "annotations[0].iscrowd: expected an integer from 0 to "
                                         "1, got 2");
    CHECK(error_for(R"({"images": [{"id": 1}], "categories": [{"id": 5, "name": "dog"}],
                        "annotations": [{"image_id": 1, "category_id": 5,
                                         "bbox": [1e308, 0, 1e308, 1]}]})",
                    good_results) ==
          i + "annotations[0].bbox: the box's far corner overflows a double");

    CHECK(error_for(good_instances, R"({"image_id": 1})") ==
          r + "expected an array, got an object");
    // Text after a well-formed list: the fast reader hands over to the validating one.
    CHECK(
        error_for(good_instances, good_results + "\n]").rfind(r + "malformed JSON at line 2", 0) ==
        0);
    CHECK(error_for(good_instances, R"([{"image_id": 1, "category_id": 99, "bbox": [0, 0, 2, 2],
                                        "score": 0.5}])") ==
          r + "[0].category_id: unknown category id 99 (not in the categories of instances.json, "
              "whose ids are 5; a shifted class index is the usual cause)");
    CHECK(error_for(good_instances, R"([{"image_id": 3, "category_id": 5, "bbox": [0, 0, 2, 2],
                                        "score": 0.5}])") ==
          r + "[0].image_id: unknown image id 3 (not in the images of instances.json)");
    CHECK(error_for(good_instances,
                    R"([{"image_id": 1, "category_id": 5, "bbox": [0, 0, 2, 2], "score": 0.5},
                        {"image_id": 1, "category_id": 5, "bbox": [0, 0, 2, 2]}])") ==
          r + "[1]: missing field \"score\"");
    CHECK(error_for(
              good_instances,
              R"([{"image_id": 1, "category_id": 5, "bbox": [0, 0, 2, 2], "score": "high"}])") ==
          r + "[0].score: expected a finite number, got \"high\"");
    CHECK(
        error_for(good_instances,
                  R"([{"image_id": 1, "category_id": 5, "bbox": [0, 0, 2, 1e999], "score": 1}])") ==
        r + "malformed JSON at column 54: a number out of the double range");
}

namespace {

// The index of class `name` in `set`; fails the test when absent.
std::size_t class_index(const detection_set& set, const std::string& name) {
    const auto it = std::find(set.classes.begin(), set.classes.end(), name);
    REQUIRE(it != set.classes.end());
    return static_cast<std::size_t>(it - set.classes.begin());
}

// Compares every class of `result` with an independently computed `expected` block
// (tests/data/ap/converted/*.expected.json: npos, gt_difficult, detections, tp, fp, voc11, area).
void check_against_expected(const detection_set& set, const ap_result& result,
                            const json& expected) {
    std::size_t classes_with_ap = 0;
    for (const auto& [name, want] : expected.at("classes").items()) {
        CAPTURE(name);
        const class_ap& got = result.classes[class_index(set, name)];
        CHECK(got.num_gt == want.at("npos").get<std::size_t>());
        CHECK(got.num_difficult == want.at("gt_difficult").get<std::size_t>());
        CHECK(got.num_detections == want.at("detections").get<std::size_t>());
        CHECK(got.tp == want.at("tp").get<std::size_t>());
        CHECK(got.fp == want.at("fp").get<std::size_t>());
        REQUIRE(got.ap_11point.has_value());
        REQUIRE(got.ap_area.has_value());
        CHECK(*got.ap_11point == doctest::Approx(want.at("voc11").get<double>()).epsilon(1e-12));
        CHECK(*got.ap_area == doctest::Approx(want.at("area").get<double>()).epsilon(1e-12));
        ++classes_with_ap;
    }
    CHECK(classes_with_ap == expected.at("mAP").at("classes_counted").get<std::size_t>());
    REQUIRE(result.map_11point.has_value());
    REQUIRE(result.map_area.has_value());
    CHECK(*result.map_11point ==
          doctest::Approx(expected.at("mAP").at("voc11").get<double>()).epsilon(1e-12));
    CHECK(*result.map_area ==
          doctest::Approx(expected.at("mAP").at("area").get<double>()).epsilon(1e-12));
}

// The independent evaluation, to 1e-12, with continuous and with +1 pixel IoU.
void check_both_iou_conventions(const detection_set& set, const json& expected) {
    ap_conventions conventions;
    check_against_expected(set, evaluate_average_precision(set, conventions),
                           expected.at("continuous"));
    conventions.pixel_plus_one = true;
    check_against_expected(set, evaluate_average_precision(set, conventions),
                           expected.at("pixel_plus_one"));
}

json expected_results(const std::string& name) {
    std::ifstream in(fs::path(ALGOJUDGE_TEST_DATA_DIR) / "ap" / "converted" / name);
    return json::parse(in);
}

}  // namespace

TEST_CASE("VOC and COCO inputs reproduce the published toyexample numbers (class cat)") {
    const detection_set voc = load_voc(toy_annotations, formats_dir / "toyexample" / "voc_results");
    const detection_set coco = load_coco(formats_dir / "toyexample" / "coco" / "instances.json",
                                         formats_dir / "toyexample" / "coco" / "results.json");
    const json expected = expected_results("review_toyexample_cat.expected.json");
    for (const detection_set* set : {&voc, &coco}) {
        CAPTURE(set == &voc ? "voc" : "coco");
        const std::size_t cat = class_index(*set, "cat");
        // README "A practical example": +1 pixel IoU and numpy thresholds, rounded to 0.01 %.
        ap_conventions published;
        published.pixel_plus_one = true;
        published.numpy_thresholds = true;
        const ap_result at_50 = evaluate_average_precision(*set, published);
        CHECK(std::abs(*at_50.classes[cat].ap_11point - 0.8864) <= 5e-5);
        CHECK(std::abs(*at_50.classes[cat].ap_area - 0.8958) <= 5e-5);
        published.iou_threshold = 0.75;
        const ap_result at_75 = evaluate_average_precision(*set, published);
        CHECK(std::abs(*at_75.classes[cat].ap_11point - 0.4924) <= 5e-5);
        CHECK(std::abs(*at_75.classes[cat].ap_area - 0.5097) <= 5e-5);
        check_both_iou_conventions(*set, expected);
    }
}

TEST_CASE("VOC and COCO inputs reproduce the independent results on 100 VOC 2007 images") {
    const detection_set voc =
        load_voc(database_annotations, formats_dir / "database" / "voc_results");
    const detection_set coco = load_coco(formats_dir / "database" / "coco" / "instances.json",
                                         formats_dir / "database" / "coco" / "results.json");
    const json expected = expected_results("review_database_voc.expected.json");
    for (const detection_set* set : {&voc, &coco}) {
        CAPTURE(set == &voc ? "voc" : "coco");
        check_both_iou_conventions(*set, expected);
    }
}
