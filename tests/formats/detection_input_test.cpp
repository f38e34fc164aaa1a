#include "formats/detection_input.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "support/errors.hpp"
#include "tests/detection_format_fixtures.hpp"

using namespace algojudge;
using namespace algojudge::testing;

namespace {

const fs::path converted_dir = fs::path(ALGOJUDGE_TEST_DATA_DIR) / "ap" / "converted";
const fs::path toy_text_detections = upstream_dir / "toyexample" / "dets_classname_abs_xyx2y2";
const fs::path text_small = fs::path(ALGOJUDGE_TEST_DATA_DIR) / "ap" / "text_small";

// The message of the usage_error `f` throws, or "" when it throws none.
template <class F>
std::string usage_error_of(F f) {
    try {
        f();
    } catch (const usage_error& e) {
        return std::string(e.what());
    }
    return "";
}

detection_source folders(const fs::path& ground_truth, const fs::path& detections,
                         std::string format = "") {
    detection_source source;
    source.ground_truth = ground_truth.string();
    source.detections = detections.string();
    source.format = std::move(format);
    return source;
}

detection_source one_file(const fs::path& file, std::string format = "") {
    detection_source source;
    source.file = file.string();
    source.format = std::move(format);
    return source;
}

}  // namespace

TEST_CASE("detection_format: sniffed from the paths") {
    CHECK(detection_format(one_file(converted_dir / "review_toyexample_cat.json")) == "json");
    // A FILE that does not exist is still the JSON form; reading it reports it.
    CHECK(detection_format(one_file("no-such-file.json")) == "json");
    CHECK(detection_format(folders(formats_dir / "toyexample" / "coco" / "instances.json",
                                   formats_dir / "toyexample" / "coco" / "results.json")) ==
          "coco");
    CHECK(detection_format(folders(toy_annotations, toy_text_detections)) == "voc");
    CHECK(detection_format(folders(toy_annotations, formats_dir / "toyexample" / "voc_results")) ==
          "voc");
    CHECK(detection_format(folders(text_small / "gt", text_small / "det")) == "text");

    scratch_dir dir;
    dir.write("empty/.keep", "");
    dir.write("xmlish/a.xml.txt", "");
    dir.write("det/a.txt", "");
    CHECK(detection_format(folders(dir / "empty", dir / "det")) == "text");
    CHECK(detection_format(folders(dir / "xmlish", dir / "det")) == "text");
    CHECK(detection_format(folders(dir / "missing", dir / "det")) == "text");
}

TEST_CASE("detection_format: a named format wins over sniffing") {
    CHECK(detection_format(folders(text_small / "gt", text_small / "det", "voc")) == "voc");
    CHECK(detection_format(folders(toy_annotations, toy_text_detections, "text")) == "text");
    CHECK(detection_format(one_file("x.json", "json")) == "json");
}

TEST_CASE("detection_format: each usage error in its own words") {
    detection_source both = folders(text_small / "gt", text_small / "det");
    both.file = "x.json";
    CHECK(usage_error_of([&] { detection_format(both); }) ==
          "give either one input FILE or --gt and --det, not both");
    detection_source file_and_det;
    file_and_det.file = "x.json";
    file_and_det.detections = "det";
    CHECK(usage_error_of([&] { detection_format(file_and_det); }) ==
          "give either one input FILE or --gt and --det, not both");

    CHECK(usage_error_of([] { detection_format(detection_source{}); }) ==
          "nothing to evaluate: give a JSON FILE or --gt and --det");
    CHECK(usage_error_of([] { detection_format(folders("", "", "json")); }) ==
          "--format json needs an input FILE");
    CHECK(usage_error_of([] { detection_format(folders("gt", "det", "json")); }) ==
          "--format json needs an input FILE");
    CHECK(usage_error_of([] { detection_format(one_file("x.json", "coco")); }) ==
          "--format coco reads --gt and --det, not a FILE");
    CHECK(usage_error_of([] { detection_format(one_file("x.json", "text")); }) ==
          "--format text reads --gt and --det, not a FILE");

    CHECK(usage_error_of([] { detection_format(folders("gt", "", "voc")); }) ==
          "--format voc needs both --gt and --det");
    CHECK(usage_error_of([] { detection_format(folders("", "det", "coco")); }) ==
          "--format coco needs both --gt and --det");
    CHECK(usage_error_of([] { detection_format(folders(text_small / "gt", "")); }) ==
          "--format text needs both --gt and --det");
    CHECK(usage_error_of([&] { detection_format(folders(toy_annotations, "")); }) ==
          "--format voc needs both --gt and --det");

    detection_source coco_box = folders(formats_dir / "toyexample" / "coco" / "instances.json",
                                        formats_dir / "toyexample" / "coco" / "results.json");
    coco_box.layout_given = true;
    CHECK(usage_error_of([&] { detection_format(coco_box); }) ==
          "--box applies to text detections, not coco");
    detection_source json_box = one_file("x.json");
    json_box.layout_given = true;
    CHECK(usage_error_of([&] { detection_format(json_box); }) ==
          "--box applies to text detections, not json");

    // --box is taken by the text formats.
    detection_source text_box = folders(text_small / "gt", text_small / "det");
    text_box.layout_given = true;
    text_box.layout = box_layout::xywh;
    CHECK(detection_format(text_box) == "text");
    detection_source voc_box = folders(toy_annotations, toy_text_detections);
    voc_box.layout_given = true;
    CHECK(detection_format(voc_box) == "voc");
}

TEST_CASE("load_detections: VOC XML ground truth with per-image text detections") {
    const ap_input input = load_detections(folders(toy_annotations, toy_text_detections));
    const detection_set& set = input.set;
    CHECK(set.classes == std::vector<std::string>{"cat"});
    CHECK(set.images.size() == 10);
    CHECK(set.ground_truth.size() == 12);
    CHECK(count_difficult(set) == 0);
    REQUIRE(set.detections.size() == 12);
    // The detection of 2007_003525.txt: cat 0.95 166 0 477 365.
    bool found = false;
    for (const detection& d : set.detections) {
        if (set.images[d.image] != "2007_003525") continue;
        found = true;
        CHECK(d.score == 0.95);
        CHECK(d.bbox.x1 == 166);
        CHECK(d.bbox.y1 == 0);
        CHECK(d.bbox.x2 == 477);
        CHECK(d.bbox.y2 == 365);
    }
    CHECK(found);
    // The published numbers of the toyexample (docs/average-precision.md).
    const ap_result result = evaluate_average_precision(set, input.conventions);
    REQUIRE(result.classes.size() == 1);
    CHECK(result.classes[0].tp == 11);
    CHECK(result.classes[0].fp == 1);
    CHECK(std::abs(*result.classes[0].ap_11point - 0.8863636363636364) < 1e-12);
    CHECK(std::abs(*result.classes[0].ap_area - 0.8958333333333334) < 1e-12);

    // The same set as the VOC results file gives.
    const ap_input from_results =
        load_detections(folders(toy_annotations, formats_dir / "toyexample" / "voc_results"));
    const ap_result same = evaluate_average_precision(from_results.set, from_results.conventions);
    CHECK(same.classes[0].ap_area == result.classes[0].ap_area);
    CHECK(same.classes[0].ap_11point == result.classes[0].ap_11point);
}

TEST_CASE("load_detections: with VOC ground truth, the detections' class names come first") {
    scratch_dir dir;
    dir.write("gt/a.xml", voc_annotation(voc_object("dog", "0", "0", "0", "10", "10") +
                                         voc_object("cat", "1", "0", "0", "5", "5")));
    dir.write("gt/b.xml", voc_annotation(voc_object("bird", "0", "1", "1", "2", "2")));
    dir.write("det/a.txt", "cat 0.5 0 0 5 5\nfish 0.4 0 0 1 1\n");
    dir.write("det/b.txt", "dog 0.9 1 1 2 2\n");
    const ap_input input = load_detections(folders(dir / "gt", dir / "det"));
    const detection_set& set = input.set;
    CHECK(set.classes == std::vector<std::string>{"cat", "fish", "dog", "bird"});
    CHECK(set.images.size() == 2);
    REQUIRE(set.detections.size() == 3);
    REQUIRE(set.ground_truth.size() == 3);
    for (const ground_truth_box& gt : set.ground_truth) {
        const std::string& image = set.images[gt.image];
        const std::string& name = set.classes[gt.class_id];
        CHECK((image == "a" || image == "b"));
        CHECK(gt.difficult == (name == "cat"));
        if (name == "bird") CHECK(image == "b");
    }
    // The --box layout reaches the text detections.
    dir.write("det/b.txt", "dog 0.9 1 1 2 2\n");
    detection_source xywh = folders(dir / "gt", dir / "det");
    xywh.layout = box_layout::xywh;
    xywh.layout_given = true;
    const ap_input wide = load_detections(xywh);
    bool found = false;
    for (const detection& d : wide.set.detections) {
        if (wide.set.classes[d.class_id] != "dog") continue;
        found = true;
        CHECK(d.bbox.x1 == 1);
        CHECK(d.bbox.x2 == 3);
        CHECK(d.bbox.y2 == 3);
    }
    CHECK(found);
}

TEST_CASE("load_detections: the JSON form, text folders and COCO") {
    const ap_input json_input =
        load_detections(one_file(converted_dir / "review_toyexample_cat.json"));
    CHECK(json_input.set.ground_truth.size() == 12);
    CHECK(json_input.set.detections.size() == 12);

    const ap_input text = load_detections(folders(text_small / "gt", text_small / "det"));
    CHECK(text.set.images == std::vector<std::string>{"img1", "img2"});
    CHECK(text.set.ground_truth.size() == 2);
    CHECK(text.set.detections.size() == 5);
    CHECK(count_difficult(text.set) == 1);

    const ap_input coco =
        load_detections(folders(formats_dir / "toyexample" / "coco" / "instances.json",
                                formats_dir / "toyexample" / "coco" / "results.json"));
    CHECK(coco.set.images.size() == 10);
    CHECK(coco.set.ground_truth.size() == 12);
    CHECK(coco.set.detections.size() == 12);

    // Usage errors come before any file is read.
    CHECK(usage_error_of([] { load_detections(detection_source{}); }) ==
          "nothing to evaluate: give a JSON FILE or --gt and --det");
}

TEST_CASE("detection_format: --names, --yolo-score and --image-sizes where they apply") {
    const fs::path yolo = fs::path(ALGOJUDGE_TEST_DATA_DIR) / "ap" / "yolo" / "odm";
    detection_source source = folders(yolo / "gt", yolo / "det_last", "yolo");
    CHECK(detection_format(source) == "yolo");
    source.needs_pixels = true;
    CHECK(usage_error_of([&] {
              detection_format(source);
          }).starts_with("--format yolo boxes are normalised to the image: "));
    source.image_sizes = (yolo / "sizes.txt").string();
    CHECK(detection_format(source) == "yolo");
    // Sniffed, a YOLO folder is a text folder: --yolo-score and --image-sizes are refused.
    source.format.clear();
    CHECK(usage_error_of([&] { detection_format(source); }) ==
          "--image-sizes applies to --format yolo, not text");
    source.image_sizes.clear();
    source.score_given = true;
    CHECK(usage_error_of([&] { detection_format(source); }) ==
          "--yolo-score applies to --format yolo, not text");
    detection_source json;
    json.file = (converted_dir / "review_test_case_1.json").string();
    json.class_names = "voc.names";
    CHECK(usage_error_of([&] { detection_format(json); }) ==
          "--names applies to text and yolo inputs, not json (whose classes have names)");
}

TEST_CASE("load_detections: YOLO labels named by --names, and the halves read as text boxes") {
    const fs::path yolo = fs::path(ALGOJUDGE_TEST_DATA_DIR) / "ap" / "yolo" / "odm";
    detection_source source = folders(yolo / "gt", yolo / "det_first", "yolo");
    source.score = yolo_score::first;
    source.class_names = (yolo / "person.names").string();
    const ap_input input = load_detections(source);
    CHECK(input.set.classes == std::vector<std::string>{"person"});
    CHECK(input.set.ground_truth.size() == 15);
    CHECK(input.set.detections.size() == 24);
    CHECK_FALSE(text_boxes_of(source).ground_truth);
    CHECK_FALSE(text_boxes_of(source).detections);
    const detection_source text = folders(text_small / "gt", text_small / "det");
    CHECK(text_boxes_of(text).ground_truth);
    CHECK(text_boxes_of(text).detections);
    const detection_source voc_with_text = folders(toy_annotations, toy_text_detections);
    CHECK_FALSE(text_boxes_of(voc_with_text).ground_truth);
    CHECK(text_boxes_of(voc_with_text).detections);
    const detection_source voc_results =
        folders(toy_annotations, formats_dir / "toyexample" / "voc_results");
    CHECK_FALSE(text_boxes_of(voc_results).detections);
}
