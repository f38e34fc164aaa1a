#include "formats/coco_protocol.hpp"

#include <filesystem>

#include <doctest/doctest.h>

#include "formats/coco.hpp"
#include "support/errors.hpp"
#include "tests/scratch_dir.hpp"

using namespace algojudge;
using namespace algojudge::testing;
namespace fs = std::filesystem;

TEST_CASE("coco_protocol_from: set order, area w*h, no crowd, ids 1..n") {
    detection_set set;
    set.images = {"b.jpg", "a.jpg"};
    set.classes = {"dog", "cat"};
    set.ground_truth = {{1, 0, {1, 2, 4, 8}, false}, {0, 1, {0, 0, 10, 10}, true}};
    set.detections = {{0, 1, 0.5, {1, 1, 3, 4}}};
    const coco_protocol_input input = coco_protocol_from(set);
    CHECK(input.image_count == 2);
    CHECK(input.class_names == set.classes);
    CHECK(input.set_class == std::vector<std::uint32_t>{0, 1});
    REQUIRE(input.ground_truth.size() == 2);
    CHECK(input.ground_truth[0].image == 1);
    CHECK(input.ground_truth[0].bbox.w == 3);
    CHECK(input.ground_truth[0].bbox.h == 6);
    CHECK(input.ground_truth[0].area == 18);
    CHECK(input.ground_truth[0].id == 1);
    CHECK_FALSE(input.ground_truth[1].iscrowd);  // difficult is not crowd
    CHECK(input.ground_truth[1].id == 2);
    REQUIRE(input.detections.size() == 1);
    CHECK(input.detections[0].class_id == 1);
    CHECK(input.detections[0].bbox.w == 2);
    CHECK(input.detections[0].score == 0.5);
    CHECK(input.view().class_count == 2);
}

TEST_CASE("load_coco_files: one read, both views; the COCO one ranked by id") {
    scratch_dir dir;
    const fs::path instances = dir.write("instances.json", R"({
        "images": [{"id": 9, "file_name": "nine.jpg"}, {"id": 2, "file_name": "two.jpg"}],
        "categories": [{"id": 30, "name": "dog"}, {"id": 4, "name": "cat"}],
        "annotations": [
            {"id": 0, "image_id": 9, "category_id": 4, "bbox": [0.1, 0.2, 3, 4], "area": 7.5,
             "iscrowd": 1, "ignore": 0},
            {"id": 5, "image_id": 2, "category_id": 30, "bbox": [1, 1, 2, 2]}]})");
    const fs::path results = dir.write("results.json", R"([
        {"image_id": 9, "category_id": 30, "bbox": [0.1, 0.2, 0.3, 0.4], "score": 0.75}])");
    const coco_files files = load_coco_files(instances, results);
    // The VOC view keeps file order.
    CHECK(files.set.images == std::vector<std::string>{"nine.jpg", "two.jpg"});
    CHECK(files.set.classes == std::vector<std::string>{"dog", "cat"});
    CHECK(files.set.ground_truth[0].difficult);
    // The COCO view: image 2 before 9, category 4 (cat) before 30 (dog).
    const coco_protocol_input& coco = files.protocol;
    CHECK(coco.image_count == 2);
    CHECK(coco.class_names == std::vector<std::string>{"cat", "dog"});
    CHECK(coco.set_class == std::vector<std::uint32_t>{1, 0});
    REQUIRE(coco.ground_truth.size() == 2);
    CHECK(coco.ground_truth[0].image == 1);
    CHECK(coco.ground_truth[0].class_id == 0);
    CHECK(coco.ground_truth[0].area == 7.5);  // the field, not w*h
    CHECK(coco.ground_truth[0].iscrowd);
    CHECK(coco.ground_truth[0].id == 0);    // as in the file: the algorithm applies the quirk
    CHECK(coco.ground_truth[1].area == 4);  // no field: w*h
    CHECK(coco.ground_truth[1].id == 5);
    REQUIRE(coco.detections.size() == 1);
    CHECK(coco.detections[0].image == 1);
    CHECK(coco.detections[0].class_id == 1);
    // The box as written, not through corners (0.1 + 0.3 - 0.1 != 0.3).
    CHECK(coco.detections[0].bbox.w == 0.3);
    CHECK(files.set.detections[0].bbox.x2 == 0.1 + 0.3);
}

TEST_CASE("load_coco_files: an unknown category names the ids; an unknown image is an error") {
    scratch_dir dir;
    const fs::path instances = dir.write("instances.json", R"({
        "images": [{"id": 1}], "categories": [{"id": 1, "name": "a"}, {"id": 2, "name": "b"}],
        "annotations": []})");
    CHECK_THROWS_WITH_AS(
        load_coco_files(instances, dir.write("shifted.json", R"([
            {"image_id": 1, "category_id": 0, "bbox": [0, 0, 1, 1], "score": 1}])")),
        doctest::Contains("unknown category id 0 (not in the categories of instances.json, "
                          "whose ids are 1, 2; a shifted class index is the usual cause)"),
        input_error);
    CHECK_THROWS_WITH_AS(load_coco_files(instances, dir.write("image.json", R"([
            {"image_id": 3, "category_id": 1, "bbox": [0, 0, 1, 1], "score": 1}])")),
                         doctest::Contains("[0].image_id: unknown image id 3 (not in the images of "
                                           "instances.json)"),
                         input_error);
    CHECK(load_coco_files(instances, dir.write("empty.json", "[]")).protocol.detections.empty());
}

TEST_CASE("load_coco_files: members in COCO's own order (categories last) read the same") {
    scratch_dir dir;
    const fs::path results =
        dir.write("results.json", R"([{"image_id": 3, "category_id": 8, "bbox": [0, 0, 2, 2],
                                       "score": 0.5}])");
    const std::string annotations =
        R"("annotations": [{"id": 2, "image_id": 3, "category_id": 8, "bbox": [0, 0, 2, 2],
                            "area": 3.5, "iscrowd": 0}])";
    const coco_files last = load_coco_files(
        dir.write("last.json", R"({"info": {"year": 2017}, "images": [{"id": 3}], )" + annotations +
                                   R"(, "categories": [{"id": 8, "name": "c"}]})"),
        results);
    const coco_files first = load_coco_files(
        dir.write("first.json",
                  "{" + annotations +
                      R"(, "categories": [{"id": 8, "name": "c"}], "images": [{"id": 3}]})"),
        results);
    for (const coco_files* files : {&last, &first}) {
        REQUIRE(files->protocol.ground_truth.size() == 1);
        CHECK(files->protocol.ground_truth[0].area == 3.5);
        CHECK(files->protocol.ground_truth[0].id == 2);
        CHECK(files->set.images == std::vector<std::string>{"3"});
        CHECK(files->protocol.class_names == std::vector<std::string>{"c"});
    }
}
