#include "problems/detection_formats.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <string>
#include <tuple>
#include <vector>

#include <doctest/doctest.h>

#include "tests/scratch_dir.hpp"

namespace fs = std::filesystem;
using namespace algojudge;
using algojudge::testing::scratch_dir;

namespace {

const fs::path upstream_dir =
    fs::path(ALGOJUDGE_TEST_DATA_DIR) / "ap" / "review_object_detection_metrics";
const fs::path formats_dir = fs::path(ALGOJUDGE_TEST_DATA_DIR) / "ap" / "formats";
const fs::path toy_annotations = upstream_dir / "toyexample" / "gts_vocpascal_format";
const fs::path database_annotations =
    upstream_dir / "data" / "database" / "gts" / "pascalvoc_format";

// The message of the case_file_error that `load` throws; fails the test if it throws none.
template <typename Load>
std::string error_of(Load load) {
    try {
        load();
    } catch (const case_file_error& e) {
        return e.what();
    }
    FAIL("no case_file_error thrown");
    return {};
}

std::string voc_object(const std::string& name, const std::string& difficult,
                       const std::string& xmin, const std::string& ymin, const std::string& xmax,
                       const std::string& ymax) {
    return "  <object>\n    <name>" + name + "</name>\n" +
           (difficult.empty() ? "" : "    <difficult>" + difficult + "</difficult>\n") +
           "    <bndbox>\n      <xmin>" + xmin + "</xmin>\n      <ymin>" + ymin +
           "</ymin>\n      <xmax>" + xmax + "</xmax>\n      <ymax>" + ymax +
           "</ymax>\n    </bndbox>\n  </object>\n";
}

std::string voc_annotation(const std::string& objects) {
    return "<annotation>\n  <filename>x.jpg</filename>\n" + objects + "</annotation>\n";
}

// A set's boxes by name rather than id, so sets read from different formats compare:
// ground truth (class, image, box, difficult) in input order, detections (class, image, score,
// box) grouped by class keeping the input order within a class (the order that breaks ties).
using gt_row = std::tuple<std::string, std::string, double, double, double, double, bool>;
using detection_row = std::tuple<std::string, std::string, double, double, double, double, double>;
struct named_rows {
    std::vector<gt_row> ground_truth;
    std::vector<detection_row> detections;
};
named_rows rows_by_name(const detection_set& set, bool strip_image_extension) {
    auto image = [&](std::uint32_t id) {
        return strip_image_extension ? fs::path(set.images[id]).stem().string() : set.images[id];
    };
    named_rows rows;
    for (const ground_truth_box& g : set.ground_truth) {
        const box& b = g.bbox;
        rows.ground_truth.emplace_back(set.classes[g.class_id], image(g.image), b.x1, b.y1, b.x2,
                                       b.y2, g.difficult);
    }
    for (const detection& d : set.detections) {
        const box& b = d.bbox;
        rows.detections.emplace_back(set.classes[d.class_id], image(d.image), d.score, b.x1, b.y1,
                                     b.x2, b.y2);
    }
    std::stable_sort(rows.detections.begin(), rows.detections.end(),
                     [](const detection_row& a, const detection_row& b) {
                         return std::get<0>(a) < std::get<0>(b);
                     });
    return rows;
}

std::size_t count_difficult(const detection_set& set) {
    return static_cast<std::size_t>(
        std::count_if(set.ground_truth.begin(), set.ground_truth.end(),
                      [](const ground_truth_box& gt) { return gt.difficult; }));
}

}  // namespace

TEST_CASE("load_voc reads the toyexample: XML annotations and a comp4 results file") {
    const detection_set set = load_voc(toy_annotations, formats_dir / "toyexample" / "voc_results");
    REQUIRE(set.classes == std::vector<std::string>{"cat"});
    // Ten annotation files in natural order; 2007_000733.xml has no object.
    REQUIRE(set.images.size() == 10);
    CHECK(set.images.front() == "2007_000549");
    CHECK(set.images[1] == "2007_000733");
    REQUIRE(set.ground_truth.size() == 12);
    CHECK(count_difficult(set) == 0);
    const ground_truth_box& first = set.ground_truth.front();
    CHECK(set.images[first.image] == "2007_000549");
    CHECK(first.bbox.x1 == 1);
    CHECK(first.bbox.y1 == 49);
    CHECK(first.bbox.x2 == 341);
    CHECK(first.bbox.y2 == 499);
    for (const ground_truth_box& gt : set.ground_truth)
        CHECK(set.images[gt.image] != "2007_000733");

    REQUIRE(set.detections.size() == 12);
    const detection& top = set.detections[2];  // line 3: 2007_003525 0.95 166 0 477 365
    CHECK(set.images[top.image] == "2007_003525");
    CHECK(top.score == 0.95);
    CHECK(top.bbox.x1 == 166);
    CHECK(top.bbox.y1 == 0);
    CHECK(top.bbox.x2 == 477);
    CHECK(top.bbox.y2 == 365);
    CHECK(set.images.size() == 10);  // every detection is on an annotated image
}

TEST_CASE("load_voc reads difficult flags of real VOC 2007 annotations") {
    const detection_set set =
        load_voc(database_annotations, formats_dir / "database" / "voc_results");
    CHECK(set.images.size() == 100);
    CHECK(set.classes.size() == 20);
    CHECK(set.ground_truth.size() == 273);
    CHECK(count_difficult(set) == 38);
    CHECK(set.detections.size() == 452);
}

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

TEST_CASE("load_voc_annotations adds to a set, reusing its image and class ids") {
    detection_set set;
    set.images = {"2007_000733"};
    set.classes = {"dog", "cat"};
    detection d;
    d.image = 0;
    d.class_id = 1;
    set.detections.push_back(d);
    load_voc_annotations(toy_annotations, set);
    CHECK(set.images.size() == 10);
    CHECK(set.images[0] == "2007_000733");
    CHECK(set.classes == std::vector<std::string>{"dog", "cat"});
    CHECK(set.ground_truth.size() == 12);
    for (const ground_truth_box& gt : set.ground_truth)
        CHECK(gt.class_id == 1);
    CHECK(set.detections.size() == 1);
}

TEST_CASE("VOC annotations: empty, missing and minimal files") {
    scratch_dir dir;
    dir.write("gt/one.xml", voc_annotation(voc_object("car", "", "1", "2", "3.5", "4")));
    dir.write("gt/two.xml", "<annotation/>");
    dir.write("gt/notes.txt", "not an annotation");
    dir.write("det/comp3_det_val_traffic_light.txt", "two 0.5 0 0 1 1\n\n  \r\nthree 1 0 0 0 0");
    const detection_set set = load_voc(dir / "gt", dir / "det");
    CHECK(set.images == std::vector<std::string>{"one", "two", "three"});
    CHECK(set.classes == std::vector<std::string>{"car", "traffic_light"});
    REQUIRE(set.ground_truth.size() == 1);
    CHECK_FALSE(set.ground_truth[0].difficult);  // <difficult> absent
    CHECK(set.ground_truth[0].bbox.x2 == 3.5);
    REQUIRE(set.detections.size() == 2);
    CHECK(set.detections[1].image == 2);
    CHECK(set.detections[1].score == 1);

    CHECK(error_of([&] { load_voc(dir / "missing", dir / "det"); }) ==
          (dir / "missing").string() + ": no such directory");
    CHECK(error_of([&] { load_voc(dir / "gt" / "one.xml", dir / "det"); }) ==
          (dir / "gt" / "one.xml").string() + ": is not a directory");
    fs::create_directories(dir / "empty");
    CHECK(error_of([&] { load_voc(dir / "empty", dir / "det"); }) ==
          (dir / "empty").string() + ": no .xml annotation files in this directory");
    CHECK(error_of([&] { load_voc(dir / "gt", dir / "empty"); }) ==
          (dir / "empty").string() +
              ": no VOC results files (<prefix>_det_<set>_<class>.txt) in this directory");
}

TEST_CASE("VOC annotation errors name the file and line") {
    scratch_dir dir;
    const fs::path det = dir.write("det/comp4_det_test_car.txt", "");
    auto error_for = [&](const std::string& xml) {
        fs::remove_all(dir / "gt");
        const fs::path file = dir.write("gt/img.xml", xml);
        return error_of([&] { load_voc(dir / "gt", det.parent_path()); })
            .substr(file.string().size());
    };
    CHECK(error_for("<annotation>\n<object>\n</annotation>") ==
          ": line 3: malformed XML: Start-end tags mismatch");
    CHECK(error_for("<?xml version=\"1.0\"?>\n<annotations/>") ==
          ": line 2: expected the root element <annotation>, got <annotations>");
    CHECK(error_for("<annotation>\n<object><difficult>1</difficult></object>\n</annotation>") ==
          ": line 2: object 1: missing <name>");
    CHECK(error_for(voc_annotation("  <object>\n    <name>car</name>\n  </object>\n")) ==
          ": line 3: object 1: missing <bndbox>");
    CHECK(error_for(voc_annotation(voc_object("  ", "0", "1", "2", "3", "4"))) ==
          ": line 4: object 1: <name> is empty");
    CHECK(error_for(voc_annotation(voc_object("car", "0", "1", "2", "3", "4") +
                                   voc_object("car", "yes", "1", "2", "3", "4"))) ==
          ": line 15: object 2: <difficult>: expected 0 or 1, got \"yes\"");
    CHECK(error_for(voc_annotation(voc_object("car", "0", "1", "abc", "3", "4"))) ==
          ": line 8: object 1: bndbox: <ymin>: expected a finite number, got \"abc\"");
    CHECK(error_for(voc_annotation(voc_object("car", "0", "nan", "2", "3", "4"))) ==
          ": line 7: object 1: bndbox: <xmin>: expected a finite number, got \"nan\"");
    CHECK(error_for(voc_annotation(voc_object("car", "0", "1", "2", "inf", "4"))) ==
          ": line 9: object 1: bndbox: <xmax>: expected a finite number, got \"inf\"");
    CHECK(error_for(voc_annotation(voc_object("car", "0", "5", "2", "3", "4"))) ==
          ": line 6: object 1: bndbox: xmax 3 < xmin 5");
    CHECK(error_for(voc_annotation(voc_object("car", "0", "1", "5", "3", "4.5"))) ==
          ": line 6: object 1: bndbox: ymax 4.5 < ymin 5");
    CHECK(error_for("<annotation><object><name>car</name><bndbox><xmin>1</xmin></bndbox>"
                    "</object></annotation>") == ": line 1: object 1: bndbox: missing <ymin>");
}

TEST_CASE("VOC results errors name the file and line") {
    scratch_dir dir;
    dir.write("gt/img.xml", voc_annotation(voc_object("car", "0", "1", "2", "3", "4")));
    auto error_for = [&](const std::string& name, const std::string& text) {
        fs::remove_all(dir / "det");
        const fs::path file = dir.write("det/" + name, text);
        return error_of([&] { load_voc(dir / "gt", dir / "det"); }).substr(file.string().size());
    };
    const std::string name = "comp4_det_test_car.txt";
    CHECK(error_for(name, "img 0.5 1 2 3 4\n\nimg 0.5 1 2 3\n") ==
          ": line 3: expected 6 fields `image score x1 y1 x2 y2`, got 5");
    CHECK(error_for(name, "img nan 1 2 3 4\n") ==
          ": line 1: score: expected a finite number, got \"nan\"");
    CHECK(error_for(name, "img 0.5 1 2 -inf 4\n") ==
          ": line 1: x2: expected a finite number, got \"-inf\"");
    CHECK(error_for(name, "img 0.5 1 2 3 4x\n") ==
          ": line 1: y2: expected a finite number, got \"4x\"");
    CHECK(error_for(name, "img 0.5 1 2 3 4\r\nimg 0.5 7 2 3 4\r\n") == ": line 2: x2 3 < x1 7");
    CHECK(error_for(name, "img 0.5 1 9 3 4\n") == ": line 1: y2 4 < y1 9");
    CHECK(error_for("img.txt", "car 0.5 1 2 3 4\n") ==
          ": not a VOC results file name (expected <prefix>_det_<set>_<class>.txt such as "
          "comp4_det_test_dog.txt)");
    CHECK(error_for("comp4_det_test_.txt", "") ==
          ": not a VOC results file name (expected <prefix>_det_<set>_<class>.txt such as "
          "comp4_det_test_dog.txt)");

    fs::remove_all(dir / "det");
    dir.write("det/comp3_det_test_car.txt", "");
    const fs::path second = dir.write("det/comp4_det_test_car.txt", "");
    CHECK(error_of([&] { load_voc(dir / "gt", dir / "det"); }) ==
          second.string() + ": class \"car\" also has results in " +
              (dir / "det" / "comp3_det_test_car.txt").string());
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
          r + "[0].category_id: unknown category id 99 (not in the categories of instances.json)");
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
        r + "malformed JSON: number overflow parsing '1e999'");
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
