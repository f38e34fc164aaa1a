#include "formats/class_names.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "support/errors.hpp"
#include "tests/detection_format_fixtures.hpp"

using namespace algojudge;
using namespace algojudge::testing;

TEST_CASE("class names: one a line, trailing blank lines allowed") {
    scratch_dir dir;
    const class_names names =
        read_class_names(dir.write("voc.names", "cat\r\n traffic light \ndog\n\n\n"));
    CHECK(names.names == std::vector<std::string>{"cat", "traffic light", "dog"});
    auto error_for = [&](const std::string& text) {
        const fs::path file = dir.write("bad.names", text);
        return error_of([&] { read_class_names(file); }).substr(file.string().size());
    };
    CHECK(error_for("cat\n\ndog\n") == ": line 2: expected the name of class 1, got a blank line");
    CHECK(error_for("cat\ndog\ncat\n") == ": line 3: \"cat\" already names class 0 (line 1)");
    CHECK(error_for("\n\n") == ": expected one class name a line, got none");
}

TEST_CASE("class names: numeric classes take their names and merge with named ones") {
    detection_set set;
    set.images = {"a"};
    set.classes = {"cat", "1", "0", "07", "dog"};
    set.ground_truth = {{0, 0, {}, false}, {0, 4, {}, false}};
    set.detections = {{0, 1, 0.5, {}}, {0, 2, 0.4, {}}, {0, 3, 0.3, {}}};
    name_numeric_classes(set, {"voc.names", {"cat", "dog"}});
    // "07" is not an id as YOLO and text readers write them: it keeps its name.
    CHECK(set.classes == std::vector<std::string>{"cat", "dog", "07"});
    CHECK(set.ground_truth[1].class_id == 1);
    CHECK(set.detections[0].class_id == 1);
    CHECK(set.detections[1].class_id == 0);
    CHECK(set.detections[2].class_id == 2);

    set.classes = {"25"};
    set.ground_truth = {{0, 0, {}, false}};
    set.detections.clear();
    CHECK(error_of([&] {
              name_numeric_classes(set, {"voc.names", {"cat", "dog"}});
          }) == "voc.names: class id 25 is past its last line (2 names, ids 0 to 1)");
}
