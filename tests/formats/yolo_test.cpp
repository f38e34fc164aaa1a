#include "formats/yolo.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "algorithms/average_precision.hpp"
#include "support/errors.hpp"
#include "tests/detection_format_fixtures.hpp"

using namespace algojudge;
using namespace algojudge::testing;

namespace {

const fs::path odm_yolo = fs::path(ALGOJUDGE_TEST_DATA_DIR) / "ap" / "yolo" / "odm";

}  // namespace

TEST_CASE("yolo: centre and size become corners, scaled only when sizes are given") {
    scratch_dir dir;
    dir.write("gt/a.txt", "0 0.5 0.5 0.2 0.4\n\n3 0.25 0.75 0.5 0.5\n");
    dir.write("gt/classes.txt", "dog\n");  // a names file, not labels
    dir.write("det/a.txt", "3 0.25 0.75 0.5 0.5 0.9\n");
    dir.write("det_first/a.txt", "3 0.9 0.25 0.75 0.5 0.5\n");
    dir.write("sizes.txt", "a 200 100\n");
    detection_set set = load_yolo(dir / "gt", dir / "det", {});
    CHECK(set.images == std::vector<std::string>{"a"});
    CHECK(set.classes == std::vector<std::string>{"0", "3"});
    REQUIRE(set.ground_truth.size() == 2);
    CHECK(set.ground_truth[0].bbox.x1 == doctest::Approx(0.4));
    CHECK(set.ground_truth[0].bbox.y2 == doctest::Approx(0.7));
    REQUIRE(set.detections.size() == 1);
    CHECK(set.detections[0].class_id == 1);
    CHECK(set.detections[0].score == 0.9);
    const image_sizes sizes = read_image_sizes(dir / "sizes.txt");
    set = load_yolo(dir / "gt", dir / "det_first", {yolo_score::first, &sizes});
    REQUIRE(set.detections.size() == 1);
    CHECK(set.detections[0].score == 0.9);
    CHECK(set.detections[0].bbox.x1 == 0);
    CHECK(set.detections[0].bbox.x2 == 100);
    CHECK(set.detections[0].bbox.y1 == 50);
    CHECK(set.detections[0].bbox.y2 == 100);
    CHECK(set.ground_truth[0].bbox.x1 == doctest::Approx(80));
}

TEST_CASE("yolo: bad lines name the file and the line") {
    scratch_dir dir;
    dir.write("det/a.txt", "0 0.5 0.5 0.2 0.2 0.9\n");
    auto error_for = [&](const std::string& text, bool ground_truth,
                         const image_sizes* sizes = nullptr) {
        const fs::path file = dir.write("gt/a.txt", text);
        return error_of([&] {
                   detection_builder builder;
                   if (ground_truth) {
                       read_yolo_ground_truth(builder, dir / "gt", {yolo_score::last, sizes});
                   } else {
                       read_yolo_detections(builder, dir / "gt", {yolo_score::last, sizes});
                   }
               })
            .substr(file.string().size());
    };
    CHECK(error_for("0 0.5 0.5 0.2\n", true) ==
          ": line 1: expected \"class cx cy w h\", got 4 words");
    CHECK(error_for("0 0.5 0.5 0.2 0.2\n", false) ==
          ": line 1: expected \"class cx cy w h conf\", got 5 words");
    CHECK(error_for("\ncat 0.5 0.5 0.2 0.2\n", true) ==
          ": line 2: class: expected a non-negative integer id, got \"cat\"");
    CHECK(error_for("-1 0.5 0.5 0.2 0.2\n", true) ==
          ": line 1: class: expected a non-negative integer id, got \"-1\"");
    CHECK(error_for("0 0.5 0.5 -0.2 0.2\n", true) == ": line 1: negative width or height");
    CHECK(error_for("0 0.5 x 0.2 0.2\n", true) ==
          ": line 1: cy: expected a finite number, got \"x\"");
    CHECK(error_for("0 0.5 0.5 0.2 0.2 high\n", false) ==
          ": line 1: conf: expected a finite number, got \"high\"");
    const image_sizes none{"sizes.txt", {}};
    CHECK(error_for("0 0.5 0.5 0.2 0.2\n", true, &none) ==
          ": no size for image \"a\" in sizes.txt");
    dir.write("gt/a.txt", "");  // an image without boxes needs no size
    detection_builder builder;
    CHECK_NOTHROW(read_yolo_ground_truth(builder, dir / "gt", {yolo_score::last, &none}));
}

TEST_CASE("yolo: image sizes are `image width height` lines") {
    scratch_dir dir;
    const fs::path good = dir.write("good.txt", "a 640 480\n\nb 1 2\n");
    const image_sizes sizes = read_image_sizes(good);
    CHECK(sizes.sizes.size() == 2);
    CHECK(sizes.sizes.at("a").width == 640);
    CHECK(sizes.sizes.at("b").height == 2);
    auto error_for = [&](const std::string& text) {
        const fs::path file = dir.write("bad.txt", text);
        return error_of([&] { read_image_sizes(file); }).substr(file.string().size());
    };
    CHECK(error_for("a 640\n") == ": line 1: expected \"image width height\", got 2 words");
    CHECK(error_for("a 640 0\n") ==
          ": line 1: expected a positive width and height, got 640 and 0");
    CHECK(error_for("a 1 1\na 2 2\n") == ": line 2: image \"a\" given twice");
    CHECK(error_for("a 1 wide\n") == ": line 1: height: expected a finite number, got \"wide\"");
}

TEST_CASE("yolo: the Object-Detection-Metrics sample in YOLO form gives its published AP") {
    // The sample's relative boxes for 200x200 images, class person = 0, confidence first; at
    // IoU 0.3 with the +1 pixel IoU the published all-point AP is 24.57 % (results.txt).
    const image_sizes sizes = read_image_sizes(odm_yolo / "sizes.txt");
    const detection_set pixels =
        load_yolo(odm_yolo / "gt", odm_yolo / "det_first", {yolo_score::first, &sizes});
    CHECK(pixels.ground_truth.size() == 15);
    CHECK(pixels.detections.size() == 24);
    ap_conventions conventions;
    conventions.iou_threshold = 0.3;
    conventions.pixel_plus_one = true;
    const ap_result with_plus_one = evaluate_average_precision(pixels, conventions);
    CHECK(*with_plus_one.classes[0].ap_area == doctest::Approx(0.2456866804));
    // Normalised boxes without sizes: the continuous IoU, as the pixel boxes give it.
    const detection_set normalised =
        load_yolo(odm_yolo / "gt", odm_yolo / "det_last", {yolo_score::last, nullptr});
    conventions.pixel_plus_one = false;
    const ap_result unscaled = evaluate_average_precision(normalised, conventions);
    const ap_result scaled = evaluate_average_precision(pixels, conventions);
    CHECK(*unscaled.classes[0].ap_area == doctest::Approx(*scaled.classes[0].ap_area));
    CHECK(*unscaled.classes[0].ap_11point == doctest::Approx(*scaled.classes[0].ap_11point));
}
