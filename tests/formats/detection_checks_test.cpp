#include "formats/detection_checks.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "support/errors.hpp"
#include "tests/detection_format_fixtures.hpp"

using namespace algojudge;
using namespace algojudge::testing;

namespace {

// A set with one box per (image, class) pair given, ground truth and detections alike.
detection_set set_of(std::vector<std::string> images, std::vector<std::string> classes,
                     const std::vector<std::pair<std::uint32_t, std::uint32_t>>& truth,
                     const std::vector<std::pair<std::uint32_t, std::uint32_t>>& found) {
    detection_set set;
    set.images = std::move(images);
    set.classes = std::move(classes);
    for (const auto& [image, class_id] : truth)
        set.ground_truth.push_back({image, class_id, {0, 0, 10, 10}, false});
    for (const auto& [image, class_id] : found)
        set.detections.push_back({image, class_id, 0.5, {0, 0, 10, 10}});
    return set;
}

}  // namespace

TEST_CASE("checks: a matching set gives no warning") {
    const detection_set set =
        set_of({"a", "b"}, {"cat", "dog"}, {{0, 0}, {1, 1}}, {{0, 0}, {1, 1}});
    CHECK(detection_warnings(set, {{true, true}, false}).warnings.empty());
    // A class with ground truth and no detections is no mismatch.
    CHECK(class_warnings(set_of({"a"}, {"cat", "dog"}, {{0, 0}, {0, 1}}, {{0, 0}})).empty());
}

TEST_CASE("checks: classes named by number against names suggest --names") {
    const detection_set set =
        set_of({"a"}, {"0", "1", "cat", "dog"}, {{0, 2}, {0, 3}}, {{0, 0}, {0, 1}, {0, 1}});
    const std::vector<std::string> warnings = class_warnings(set);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0] ==
          "2 detection classes (\"0\", \"1\"; 3 detections) have no ground truth at all: the "
          "detections name classes by number and the ground truth by name (\"cat\", \"dog\"); "
          "give the names of the class ids with --names FILE (one a line, the first for class 0, "
          "as a darknet .names file)");
}

TEST_CASE("checks: a class differing only in case or spacing is named") {
    const detection_set set =
        set_of({"a"}, {"cat", "traffic light", "dog", "Cat", "Traffic_Light", "dogg", "zebra"},
               {{0, 0}, {0, 1}, {0, 2}}, {{0, 3}, {0, 4}, {0, 4}, {0, 5}, {0, 6}});
    const std::vector<std::string> warnings = class_warnings(set);
    REQUIRE(warnings.size() == 4);
    CHECK(warnings[0] ==
          "detection class \"Cat\" (1 detection) has no ground truth at all, but the ground truth "
          "has \"cat\": class names must match exactly, case and spacing included");
    CHECK(warnings[1] ==
          "detection class \"Traffic_Light\" (2 detections) has no ground truth at all, but the "
          "ground truth has \"traffic light\": class names must match exactly, case and spacing "
          "included");
    CHECK(warnings[2] ==
          "detection class \"dogg\" (1 detection) has no ground truth at all (closest ground-truth "
          "classes: \"dog\", \"cat\"): it has no AP and is left out of the mean");
    // A name like none of the ground truth's is no typo: such classes share one warning.
    CHECK(warnings[3] ==
          "1 more detection class has no ground truth at all, none named like a ground-truth "
          "class: \"zebra\": it has no AP and is left out of the mean");
}

TEST_CASE("checks: past max_class_warnings classes share one warning") {
    std::vector<std::string> classes = {"cat"};
    std::vector<std::pair<std::uint32_t, std::uint32_t>> found;
    for (std::uint32_t c = 1; c <= max_class_warnings + 2; ++c) {
        classes.push_back("cat" + std::to_string(c));
        found.emplace_back(0, c);
    }
    std::vector<std::string> warnings = class_warnings(set_of({"a"}, classes, {{0, 0}}, found));
    REQUIRE(warnings.size() == max_class_warnings + 1);
    CHECK(warnings.back() ==
          "2 more detection classes have no ground truth at all: \"cat6\", \"cat7\": they have "
          "no AP and are left out of the mean");
    // Names like none of the ground truth's: one warning for all.
    warnings = class_warnings(
        set_of({"a"}, {"cat", "x", "oven", "zebra"}, {{0, 0}}, {{0, 1}, {0, 2}, {0, 3}}));
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0] ==
          "3 detection classes have no ground truth at all, none named like a ground-truth class: "
          "\"oven\", \"x\", \"zebra\": they have no AP and are left out of the mean");
}

TEST_CASE("checks: detections on images without ground truth, past the share") {
    // "1" and "2" hold 2 of 3 detections; the ground truth is on "000001" and "000002".
    const detection_set set =
        set_of({"000001", "000002", "1", "2"}, {"cat"}, {{0, 0}, {1, 0}}, {{2, 0}, {3, 0}, {0, 0}});
    const std::vector<std::string> warnings = image_warnings(set, true);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0] ==
          "2 of 3 detections (66.7 %) are on images without any ground truth, such as \"1\" "
          "(closest ground-truth images: \"000001\", \"000002\") and \"2\" (closest ground-truth "
          "images: \"000002\", \"000001\"): image ids must match exactly, and each of these "
          "detections counts as a false positive");
    // COCO ids were matched by the reader: no suggestion.
    CHECK(image_warnings(set, false)[0].find("closest") == std::string::npos);
    // At most the share: no warning. 2 of 20 is 10 %.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> found(18, {0, 0});
    found.insert(found.end(), 2, {2, 0});
    const std::vector<std::string> images = {"000001", "000002", "x"};
    CHECK(image_warnings(set_of(images, {"cat"}, {{0, 0}}, found), true).empty());
    found.emplace_back(2, 0);  // 3 of 21
    CHECK(image_warnings(set_of(images, {"cat"}, {{0, 0}}, found), true).size() == 1);
    // An image named like a ground-truth image warns whatever the share: 1 of 20 here.
    found.assign(19, {0, 0});
    found.emplace_back(1, 0);
    const std::vector<std::string> warnings_1 =
        image_warnings(set_of({"000001", "1"}, {"cat"}, {{0, 0}}, found), true);
    REQUIRE(warnings_1.size() == 1);
    CHECK(
        warnings_1[0].starts_with("1 of 20 detections (5.0 %) are on images without any ground "
                                  "truth, such as \"1\" (closest ground-truth images: "
                                  "\"000001\"):"));
    CHECK(image_warnings(set_of({"000001", "1"}, {"cat"}, {{0, 0}}, found), false).empty());
}

TEST_CASE("checks: boxes read as xywh that all read as corners too") {
    detection_set set;
    set.images = {"a"};
    set.classes = {"cat"};
    // x1 y1 x2 y2 = 10 10 30 40 read as x y w h: (10, 10, 40, 50).
    for (int i = 0; i < 10; ++i)
        set.ground_truth.push_back({0, 0, {10, 10, 40, 50}, false});
    const std::vector<std::string> warnings = layout_warnings(set, {true, false});
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0] ==
          "--box xywh: 10 of 10 boxes (100.0 %) also read as ordered corners (their width >= x "
          "and height >= y), as every box of a file of x1 y1 x2 y2 does: if the files hold "
          "corners, give --box xyxy");
    CHECK(layout_warnings(set, {false, true}).empty());  // the detections hold none
    set.ground_truth.pop_back();                         // too few boxes to tell
    CHECK(layout_warnings(set, {true, false}).empty());
    // x y w h = 100 100 20 30: width < x, a true corner + size box.
    set.ground_truth.push_back({0, 0, {100, 100, 120, 130}, false});
    set.ground_truth.push_back({0, 0, {100, 100, 120, 130}, false});
    CHECK(layout_warnings(set, {true, false}).empty());  // 9 of 11 is under 90 %
}

TEST_CASE("checks: an empty ground truth is an error saying what the folder holds") {
    scratch_dir dir;
    dir.write("det/a.txt", "cat 0.5 0 0 1 1\n");
    fs::create_directories(dir / "empty");
    dir.write("nested/labels/train/a.txt", "cat 0 0 1 1\n");
    dir.write("blank/a.txt", "\n");
    detection_source source;
    source.detections = (dir / "det").string();
    const detection_set empty;
    auto error_for = [&](const std::string& ground_truth, const std::string& format = "") {
        source.ground_truth = (dir / ground_truth).string();
        source.format = format;
        return error_of([&] { require_ground_truth(empty, source); });
    };
    CHECK(error_for("empty") ==
          (dir / "empty").string() + ": no ground truth: the folder holds no .txt files");
    CHECK(error_for("nested") == (dir / "nested").string() +
                                     ": no ground truth: the folder holds no .txt files, but its "
                                     "subfolder labels/train holds 1 file: give --gt " +
                                     (dir / "nested" / "labels" / "train").string());
    CHECK(error_for("blank") ==
          (dir / "blank").string() + ": no ground truth: not one box in its 1 .txt file");
    CHECK(error_for("empty", "yolo") ==
          (dir / "empty").string() + ": no ground truth: the folder holds no .txt files");
    detection_set one;
    one.images = {"a"};
    one.classes = {"cat"};
    one.ground_truth.push_back({0, 0, {0, 0, 1, 1}, false});
    CHECK_NOTHROW(require_ground_truth(one, source));
    detection_source json;
    json.file = "set.json";
    CHECK(error_of([&] { require_ground_truth(empty, json); }) ==
          "set.json: no ground truth: \"ground_truth\" is empty");
}
