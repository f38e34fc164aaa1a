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

TEST_CASE("ap_percent: two decimals in percent, the one word for no AP") {
    CHECK(no_ap_word == "n/a");
    CHECK(ap_percent(std::nullopt) == "n/a");
    CHECK(ap_percent(0.0) == "0.00");
    CHECK(ap_percent(1.0) == "100.00");
    CHECK(ap_percent(0.2684) == "26.84");
    CHECK(ap_percent(0.00004) == "0.00");
    CHECK(ap_percent(0.99999) == "100.00");
}

TEST_CASE("ap_difference: signed points, never -0.00, n/a without both") {
    CHECK(ap_difference(std::nullopt, std::nullopt) == "n/a");
    CHECK(ap_difference(0.5, std::nullopt) == "n/a");
    CHECK(ap_difference(std::nullopt, 0.5) == "n/a");
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

TEST_CASE("natural_order: digit runs compare as numbers, ties by bytes") {
    CHECK(natural_order({}).empty());
    CHECK(natural_order({"x"}) == std::vector<std::size_t>{0});
    // 10, 2, 0, 1, 11, 9 -> 0, 1, 2, 9, 10, 11
    CHECK(natural_order({"10", "2", "0", "1", "11", "9"}) ==
          std::vector<std::size_t>{2, 3, 1, 5, 0, 4});
    CHECK(natural_order({"c10", "c2", "b", "c1"}) == std::vector<std::size_t>{2, 3, 1, 0});
    // "01" and "1" are equal as numbers: byte order decides, the same every run.
    CHECK(natural_order({"1", "01"}) == std::vector<std::size_t>{1, 0});
    CHECK(natural_order({"01", "1"}) == std::vector<std::size_t>{0, 1});
}

TEST_CASE("summarise_ap: cells, sort keys and column sums of the one formatter") {
    const tiny t = tiny_set();
    const ap_summary s = summarise_ap(t.set, t.result);
    REQUIRE(ap_columns().size() == ap_col::count);
    CHECK(ap_columns()[ap_col::ap_area].key == "ap_area");
    CHECK(ap_columns()[ap_col::ignored].header == "ignored");
    REQUIRE(s.rows.size() == 3);
    CHECK(s.rows[0].class_index == 1);  // cat
    CHECK(s.rows[1].class_index == 2);  // dog
    CHECK(s.rows[2].class_index == 0);  // zebra
    CHECK(s.rows[2].cells == std::vector<std::string>{"zebra", "4", "0", "5", "3", "2", "0",
                                                      "50.00", "55.00", "+5.00", "55.00"});
    // dog: its one detection hit the difficult box, so it is ignored: 0 TP + 0 FP + 1 = 1.
    CHECK(s.rows[1].cells == std::vector<std::string>{"dog", "0", "1", "1", "0", "0", "1", "n/a",
                                                      "n/a", "n/a", "n/a"});
    CHECK_FALSE(s.rows[1].has_ap);
    CHECK_FALSE(s.rows[1].sort_keys[ap_col::ap_area].has_value());
    CHECK(*s.rows[1].sort_keys[ap_col::ignored] == 1);
    CHECK(*s.rows[2].sort_keys[ap_col::name] == 2);
    CHECK(*s.rows[2].sort_keys[ap_col::difference] == doctest::Approx(0.05));
    CHECK(s.mean_cells[ap_col::name] == "mAP (2 classes)");
    CHECK(s.mean_cells[ap_col::gt].empty());
    CHECK(s.mean_cells[ap_col::difference] == "+2.50");
    CHECK(s.with_ap == 2);
    CHECK(s.without_ap == 1);
    CHECK(s.gt == 6);
    CHECK(s.difficult == 1);
    CHECK(s.detections == 8);
    CHECK(s.tp == 5);
    CHECK(s.fp == 2);
    CHECK(s.ignored == 1);
    CHECK(s.tp + s.fp + s.ignored == s.detections);
}

TEST_CASE("render_ap_table: conventions, rows in natural order, mAP, note and verdict") {
    const tiny t = tiny_set();
    const std::string out = render_ap_table(t.set, t.result, ap_conventions{}, false);
    CHECK(out.find('\x1b') == std::string::npos);
    const std::vector<std::string> lines = lines_of(out);
    REQUIRE(lines.size() == 8);
    CHECK(lines[0] == "IoU 0.5 (>=)");
    CHECK(lines[1] ==
          "class            GT  difficult  detections  TP  FP  ignored  AP 11-point %  AP area %  "
          "area - 11pt");
    CHECK(lines[2] ==
          "cat               2          0           2   2   0        0          80.00      80.00  "
          "      +0.00");
    CHECK(first_word(lines[3]) == "dog");
    CHECK(lines[3] ==
          "dog               0          1           1   0   0        1            n/a        n/a  "
          "        n/a");
    CHECK(lines[4] ==
          "zebra             4          0           5   3   2        0          50.00      55.00  "
          "      +5.00");
    CHECK(lines[5].rfind("mAP (2 classes)", 0) == 0);
    CHECK(lines[5].find("65.00      67.50        +2.50") != std::string::npos);
    CHECK(lines[6] == "1 class without non-difficult ground truth: n/a, left out of the mAP");
    CHECK(lines[7] ==
          "verdict: 11-point and area mAP differ by 2.50 points; largest per-class gap 5.00 "
          "points (zebra)");
}

TEST_CASE("render_ap_table: class ids sort 0, 1, 2, ..., 10, as verify sorts paths") {
    detection_set set;
    ap_result result;
    for (const char* name : {"10", "2", "0", "1", "11", "9"}) {
        set.classes.emplace_back(name);
        result.classes.push_back(counted(1, 1, 0, 1.0, 1.0));
    }
    result.map_11point = result.map_area = 1.0;
    const std::vector<std::string> lines = lines_of(render_ap_table(set, result, {}, false));
    REQUIRE(lines.size() == 10);
    std::vector<std::string> order;
    for (std::size_t i = 2; i < 8; ++i)
        order.push_back(first_word(lines[i]));
    CHECK(order == std::vector<std::string>{"0", "1", "2", "9", "10", "11"});
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
    // No gap shows in two decimals: naming a class would be an arbitrary pick.
    CHECK(lines[4] ==
          "verdict: 11-point and area mAP differ by 0.00 points; no class differs by 0.01 points "
          "or more");

    detection_set none;
    none.classes = {"b", "a"};
    ap_result none_result;
    none_result.classes = {class_ap{}, class_ap{}};
    const std::vector<std::string> empty = lines_of(render_ap_table(none, none_result, {}, false));
    REQUIRE(empty.size() == 7);
    CHECK(first_word(empty[2]) == "a");
    CHECK(first_word(empty[3]) == "b");
    CHECK(empty[4].rfind("mAP (0 classes)", 0) == 0);
    CHECK(empty[5] == "2 classes without non-difficult ground truth: n/a, left out of the mAP");
    CHECK(empty[6] == "verdict: no class has non-difficult ground truth, so there is no mAP");

    detection_set nothing;
    const std::vector<std::string> bare =
        lines_of(render_ap_table(nothing, ap_result{}, {}, false));
    REQUIRE(bare.size() == 4);
    CHECK(bare[2].rfind("mAP (0 classes)", 0) == 0);
    CHECK(bare[3] == "verdict: no class has non-difficult ground truth, so there is no mAP");
}

TEST_CASE("render_ap_table: the verdict names the class with the largest visible gap") {
    detection_set set;
    set.classes = {"a", "b", "c"};
    ap_result result;
    result.classes = {counted(1, 1, 0, 0.5, 0.5), counted(1, 1, 0, 0.5, 0.50004),
                      counted(1, 1, 0, 0.5, 0.5003)};
    result.map_11point = 0.5;
    result.map_area = 0.5001;
    // c's gap, 0.03 points, is the largest and shows: c is named.
    CHECK(lines_of(render_ap_table(set, result, {}, false)).back() ==
          "verdict: 11-point and area mAP differ by 0.01 points; largest per-class gap 0.03 "
          "points (c)");
    // b's 0.004 points would print as 0.00: no class is named.
    result.classes.pop_back();
    set.classes.pop_back();
    result.map_area = 0.50002;
    CHECK(lines_of(render_ap_table(set, result, {}, false)).back() ==
          "verdict: 11-point and area mAP differ by 0.00 points; no class differs by 0.01 points "
          "or more");
}
