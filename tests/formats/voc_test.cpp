#include "formats/voc.hpp"

#include <doctest/doctest.h>

#include "formats/voc.hpp"
#include "support/json_input.hpp"
#include "tests/detection_format_fixtures.hpp"

using namespace algojudge;
using namespace algojudge::testing;

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

TEST_CASE("read_voc_annotations adds to a set, reusing its image and class ids") {
    ap_input start;
    start.set.images = {"2007_000733"};
    start.set.classes = {"dog", "cat"};
    detection d;
    d.image = 0;
    d.class_id = 1;
    start.set.detections.push_back(d);
    detection_builder builder(std::move(start));
    read_voc_annotations(builder, toy_annotations);
    const detection_set& set = builder.set();
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
          ": line 6: object 1: bndbox: xmax (3) is less than xmin (5)");
    CHECK(error_for(voc_annotation(voc_object("car", "0", "1", "5", "3", "4.5"))) ==
          ": line 6: object 1: bndbox: ymax (4.5) is less than ymin (5)");
    CHECK(error_for(voc_annotation(voc_object(std::string("c\0ar", 4), "0", "1", "2", "3", "4"))) ==
          ": line 4: a NUL byte at column 12");
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
    CHECK(error_for(name, "img 0.5 1 2 3 4\r\nimg 0.5 7 2 3 4\r\n") ==
          ": line 2: x2 (3) is less than x1 (7)");
    CHECK(error_for(name, "img 0.5 1 9 3 4\n") == ": line 1: y2 (4) is less than y1 (9)");
    CHECK(error_for(name, std::string("img 0.5 1 2 3 4\nim\0g 0.5 1 2 3 4\n", 32)) ==
          ": line 2: a NUL byte at column 3");
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
