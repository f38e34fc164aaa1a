#include "reports/ap_table.hpp"

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

using namespace algojudge;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    return lines;
}

std::string first_word(const std::string& line) {
    return line.substr(0, line.find(' '));
}

class_ap counted(std::size_t gt, std::size_t tp, std::size_t fp, double eleven, double area) {
    class_ap c;
    c.num_gt = gt;
    c.num_detections = tp + fp;
    c.tp = tp;
    c.fp = fp;
    c.ap_11point = eleven;
    c.ap_area = area;
    c.ap_101point = area;
    return c;
}

// Three classes given out of name order: zebra (AP 50 / 55), cat (80 / 80) and dog, whose only
// box is difficult (no AP).
struct tiny {
    detection_set set;
    ap_result result;
};
tiny tiny_set() {
    tiny t;
    t.set.classes = {"zebra", "cat", "dog"};
    class_ap zebra = counted(4, 3, 2, 0.5, 0.55);
    class_ap cat = counted(2, 2, 0, 0.8, 0.8);
    class_ap dog;
    dog.num_difficult = 1;
    dog.num_detections = 1;
    t.result.classes = {zebra, cat, dog};
    t.result.map_11point = 0.65;
    t.result.map_area = 0.675;
    t.result.map_101point = 0.675;
    return t;
}

}  // namespace

TEST_CASE("ap_percent: two decimals in percent, '-' for no AP") {
    CHECK(ap_percent(std::nullopt) == "-");
    CHECK(ap_percent(0.0) == "0.00");
    CHECK(ap_percent(1.0) == "100.00");
    CHECK(ap_percent(0.2684) == "26.84");
    CHECK(ap_percent(0.00004) == "0.00");
    CHECK(ap_percent(0.99999) == "100.00");
}

TEST_CASE("ap_difference: signed points, never -0.00, '-' without both") {
    CHECK(ap_difference(std::nullopt, std::nullopt) == "-");
    CHECK(ap_difference(0.5, std::nullopt) == "-");
    CHECK(ap_difference(std::nullopt, 0.5) == "-");
    CHECK(ap_difference(0.5, 0.5) == "+0.00");
    CHECK(ap_difference(0.0, 0.0) == "+0.00");
    CHECK(ap_difference(0.5, 0.50004) == "+0.00");  // -0.004 points
    CHECK(ap_difference(0.50004, 0.5) == "+0.00");
    CHECK(ap_difference(0.5, 0.5001) == "-0.01");
    CHECK(ap_difference(0.2684, 0.2511) == "+1.73");
    CHECK(ap_difference(0.2511, 0.2684) == "-1.73");
    CHECK(ap_difference(1.0, 0.0) == "+100.00");
    CHECK(ap_difference(0.0, 1.0) == "-100.00");
}

TEST_CASE("render_ap_table: conventions, rows in class-name order, mAP, note and verdict") {
    const tiny t = tiny_set();
    const std::string out = render_ap_table(t.set, t.result, ap_conventions{}, false);
    CHECK(out.find('\x1b') == std::string::npos);
    const std::vector<std::string> lines = lines_of(out);
    REQUIRE(lines.size() == 8);
    CHECK(lines[0] == "IoU 0.5 (>=)");
    CHECK(lines[1] ==
          "class            GT  difficult  detections  TP  FP  AP 11-point %  AP area %  area - "
          "11pt");
    CHECK(lines[2] ==
          "cat               2          0           2   2   0          80.00      80.00        "
          "+0.00");
    CHECK(first_word(lines[3]) == "dog");
    CHECK(lines[3] ==
          "dog               0          1           1   0   0              -          -            "
          "-");
    CHECK(lines[4] ==
          "zebra             4          0           5   3   2          50.00      55.00        "
          "+5.00");
    CHECK(lines[5].rfind("mAP (2 classes)", 0) == 0);
    CHECK(lines[5].find("65.00      67.50        +2.50") != std::string::npos);
    CHECK(lines[6] == "1 class without non-difficult ground truth: no AP, left out of the mAP");
    CHECK(lines[7] ==
          "verdict: 11-point and area mAP differ by 2.50 points; largest per-class gap 5.00 "
          "points (zebra)");
}

TEST_CASE("render_ap_table: the conventions line names every non-default one") {
    const tiny t = tiny_set();
    ap_conventions c;
    c.iou_threshold = 0.75;
    c.strict_greater = true;
    c.pixel_plus_one = true;
    c.numpy_thresholds = true;
    CHECK(lines_of(render_ap_table(t.set, t.result, c, false))[0] ==
          "IoU 0.75 (strict >), +1 pixel widths, numpy 11-point thresholds");
    ap_conventions numpy_only;
    numpy_only.numpy_thresholds = true;
    CHECK(lines_of(render_ap_table(t.set, t.result, numpy_only, false))[0] ==
          "IoU 0.5 (>=), numpy 11-point thresholds");
}

TEST_CASE("render_ap_table: colour marks classes without AP, the mAP row and the verdict") {
    const tiny t = tiny_set();
    const std::vector<std::string> lines =
        lines_of(render_ap_table(t.set, t.result, ap_conventions{}, true));
    REQUIRE(lines.size() == 8);
    CHECK(lines[2].find('\x1b') == std::string::npos);  // cat: plain
    CHECK(lines[3].rfind("\x1b[2mdog", 0) == 0);        // dog: dim
    CHECK(lines[5].rfind("\x1b[1mmAP (2 classes)", 0) == 0);
    CHECK(lines[7].rfind("\x1b[33mverdict:", 0) == 0);  // 2.5 points: yellow
    CHECK(lines[7].substr(lines[7].size() - 4) == "\x1b[0m");

    tiny close = tiny_set();
    close.result.map_area = 0.655;  // 0.5 points: green
    CHECK(lines_of(render_ap_table(close.set, close.result, {}, true))[7].rfind("\x1b[32m", 0) ==
          0);
    tiny far = tiny_set();
    far.result.map_area = 0.7;  // 5 points: red
    CHECK(lines_of(render_ap_table(far.set, far.result, {}, true))[7].rfind("\x1b[31m", 0) == 0);
}

TEST_CASE("render_ap_table: one class, and no class with ground truth") {
    detection_set one;
    one.classes = {"cat"};
    ap_result one_result;
    one_result.classes = {counted(1, 1, 0, 1.0, 1.0)};
    one_result.map_11point = 1.0;
    one_result.map_area = 1.0;
    const std::vector<std::string> lines = lines_of(render_ap_table(one, one_result, {}, false));
    REQUIRE(lines.size() == 5);
    CHECK(lines[3].rfind("mAP (1 class) ", 0) == 0);
    CHECK(lines[4] ==
          "verdict: 11-point and area mAP differ by 0.00 points; largest per-class gap 0.00 "
          "points (cat)");

    detection_set none;
    none.classes = {"b", "a"};
    ap_result none_result;
    none_result.classes = {class_ap{}, class_ap{}};
    const std::vector<std::string> empty = lines_of(render_ap_table(none, none_result, {}, false));
    REQUIRE(empty.size() == 7);
    CHECK(first_word(empty[2]) == "a");
    CHECK(first_word(empty[3]) == "b");
    CHECK(empty[4].rfind("mAP (0 classes)", 0) == 0);
    CHECK(empty[5] == "2 classes without non-difficult ground truth: no AP, left out of the mAP");
    CHECK(empty[6] == "verdict: no class has non-difficult ground truth, so there is no mAP");

    detection_set nothing;
    const std::vector<std::string> bare =
        lines_of(render_ap_table(nothing, ap_result{}, {}, false));
    REQUIRE(bare.size() == 4);
    CHECK(bare[2].rfind("mAP (0 classes)", 0) == 0);
    CHECK(bare[3] == "verdict: no class has non-difficult ground truth, so there is no mAP");
}
