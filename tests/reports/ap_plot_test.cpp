#include "reports/ap_plot.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <pugixml.hpp>

#include "formats/voc.hpp"
#include "judging/case_files.hpp"
#include "reports/ap_table.hpp"
#include "tests/scratch_dir.hpp"

namespace fs = std::filesystem;
using namespace algojudge;
using algojudge::write_ap_plots;

namespace {

// A path for write_ap_plots to create, inside a scratch folder removed after the test.
class plot_dir {
  public:
    const fs::path& path() const { return path_; }

  private:
    algojudge::testing::scratch_dir scratch_;
    fs::path path_ = scratch_ / "plots";
};

// Parses `file` as XML; the test fails with pugixml's reason if it is not well-formed.
pugi::xml_document parse_xml(const fs::path& file) {
    pugi::xml_document document;
    const pugi::xml_parse_result parsed = document.load_file(file.c_str());
    INFO(file.string(), ": ", parsed.description(), " at byte ", parsed.offset);
    REQUIRE(parsed);
    return document;
}

// The hand-worked class: 4 GT boxes, detections TP FP TP TP FP by score.
// Envelope 1, .75, .75, .75, .6 -> area .25 * 1 + .25 * .75 + .25 * .75 = 0.625.
// 11-point: 1 (t = 0, .1, .2), .75 (t = .3 ... .7), 0 (t = .8, .9, 1) -> 6.75 / 11.
class_ap worked_class() {
    class_ap ap;
    ap.num_gt = 4;
    ap.num_detections = 5;
    ap.tp = 3;
    ap.fp = 2;
    ap.curve = {{0.25, 1}, {0.25, 0.5}, {0.5, 2.0 / 3}, {0.75, 0.75}, {0.75, 0.6}};
    ap.ap_11point = 6.75 / 11;
    ap.ap_area = 0.625;
    ap.ap_101point = 0.62;
    return ap;
}

// A set of the single class `name` whose evaluation gave `ap`.
struct one_class {
    detection_set set;
    ap_result result;
};
one_class single_class(const std::string& name, class_ap ap) {
    one_class made;
    made.set.classes = {name};
    made.result.classes = {std::move(ap)};
    return made;
}

std::vector<double> sample_precisions(const pugi::xml_document& svg) {
    std::vector<double> precisions;
    for (const pugi::xpath_node circle : svg.select_nodes("//g[@class='eleven-point']/circle")) {
        precisions.push_back(circle.node().attribute("data-precision").as_double());
    }
    return precisions;
}

// The text of each cell of a table row.
std::vector<std::string> cells_of(const pugi::xml_node& row) {
    std::vector<std::string> cells;
    for (const pugi::xml_node td : row.children("td"))
        cells.push_back(td.child("a") ? td.child("a").child_value() : td.text().get());
    return cells;
}

// The tooltips of a chart's bars of CSS class `css_class`, in drawing order.
std::vector<std::string> bar_titles(const pugi::xml_node& chart, const std::string& css_class) {
    std::vector<std::string> titles;
    for (const pugi::xpath_node bar :
         chart.select_nodes((".//*[@class='" + css_class + "']").c_str()))
        titles.emplace_back(bar.node().child("title").child_value());
    return titles;
}

std::string read_all(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("write_ap_plots: one SVG per class and an index, all well-formed XML") {
    detection_set set;
    set.images = {"img"};
    set.classes = {"cat", "a<b&\"c'", "ghost", "Cat", "bad\x01\xff name"};
    ap_result result;
    result.classes.resize(set.classes.size());
    result.classes[0] = worked_class();
    result.classes[1].num_gt = 1;  // ground truth, no detection: AP 0
    result.classes[1].ap_11point = result.classes[1].ap_area = result.classes[1].ap_101point = 0.0;
    result.classes[2].num_difficult = 2;  // no AP
    result.classes[3] = worked_class();
    result.classes[4] = worked_class();
    result.map_11point = 0.5;
    result.map_area = 0.5;
    result.map_101point = 0.5;
    result.detections_without_ground_truth_image = 3;

    plot_dir dir;
    write_ap_plots(dir.path(), set, result, ap_conventions{});
    const std::vector<std::string> files = {"cat.svg",   "a_b__c_.svg",    "ghost.svg",
                                            "Cat-4.svg", "bad___name.svg", "index.html"};
    for (const std::string& name : files) {
        CAPTURE(name);
        CHECK(fs::is_regular_file(dir.path() / name));
        parse_xml(dir.path() / name);
    }
    CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) == 6);

    SUBCASE("the worked class: shaded area and 11 samples match its APs") {
        const pugi::xml_document svg = parse_xml(dir.path() / "cat.svg");
        const pugi::xml_node area = svg.select_node("//polygon[@class='envelope-area']").node();
        REQUIRE(area);
        CHECK(area.attribute("data-area").as_double() == doctest::Approx(0.625).epsilon(1e-15));
        const std::vector<double> precisions = sample_precisions(svg);
        REQUIRE(precisions.size() == 11);
        const std::vector<double> expected = {1, 1, 1, .75, .75, .75, .75, .75, 0, 0, 0};
        double sum = 0;
        for (std::size_t k = 0; k < 11; ++k) {
            CHECK(precisions[k] == expected[k]);
            sum += precisions[k];
        }
        CHECK(sum / 11 == doctest::Approx(*result.classes[0].ap_11point));
        // Raw curve: (0, 1) then the 5 points, none thinned at this size.
        const pugi::xml_node raw = svg.select_node("//polyline[@class='raw']").node();
        REQUIRE(raw);
        const std::string points = raw.attribute("points").value();
        CHECK(std::count(points.begin(), points.end(), ',') == 6);
        const std::string title = svg.select_node("/svg/text[2]").node().child_value();
        CHECK(title.find("AP 11-point 61.36 %") != std::string::npos);
        CHECK(title.find("AP area 62.50 %") != std::string::npos);
    }
    SUBCASE("class names are escaped, and read back unchanged") {
        const pugi::xml_document svg = parse_xml(dir.path() / "a_b__c_.svg");
        CHECK(std::string(svg.select_node("/svg/text[1]").node().child_value()) == "a<b&\"c'");
        CHECK(svg.select_node("//*[@class='no-detections']"));
        const pugi::xml_document bad = parse_xml(dir.path() / "bad___name.svg");
        CHECK(std::string(bad.select_node("/svg/text[1]").node().child_value()) ==
              "bad\xEF\xBF\xBD\xEF\xBF\xBD name");
    }
    SUBCASE("a class without ground truth says it has no AP") {
        const pugi::xml_document svg = parse_xml(dir.path() / "ghost.svg");
        CHECK(std::string(svg.select_node("//*[@class='no-ap']").node().child_value()) ==
              "no non-difficult ground truth: AP n/a (left out of the mean)");
        CHECK(std::string(svg.select_node("/svg/title").node().child_value()) ==
              "ghost: precision/recall, AP 11-point n/a, area n/a");
        CHECK_FALSE(svg.select_node("//polygon"));
    }
    SUBCASE("the subtitle says what each count is") {
        const pugi::xml_document svg = parse_xml(dir.path() / "cat.svg");
        CHECK(std::string(svg.select_node("/svg/text[3]").node().child_value()) ==
              "ground truth 4 + 0 difficult; detections 5 = 3 TP + 2 FP + 0 ignored (on difficult "
              "boxes)");
    }
    SUBCASE("the index: the table in natural order, the notes and every plot inline") {
        const pugi::xml_document html = parse_xml(dir.path() / "index.html");
        const pugi::xpath_node_set rows = html.select_nodes("//table/tbody/tr");
        REQUIRE(rows.size() == 5);
        // Natural (byte) order: Cat, a<b&"c', bad..., cat, ghost; links keep the class's plot.
        const std::vector<std::string> names = {"Cat", "a<b&\"c'", "bad\\x01\\xff name", "cat",
                                                "ghost"};
        const std::vector<std::string> links = {"#class-4", "#class-2", "#class-5", "#class-1",
                                                "#class-3"};
        for (std::size_t r = 0; r < 5; ++r) {
            const pugi::xml_node link = rows[r].node().child("td").child("a");
            CHECK(std::string(link.child_value()) == names[r]);
            CHECK(std::string(link.attribute("href").value()) == links[r]);
        }
        CHECK(cells_of(rows[3].node()) == std::vector<std::string>{"cat", "4", "0", "5", "3", "2",
                                                                   "0", "61.36", "62.50", "+1.14",
                                                                   "62.00"});
        CHECK(cells_of(rows[4].node()) == std::vector<std::string>{"ghost", "0", "2", "0", "0", "0",
                                                                   "0", "n/a", "n/a", "n/a",
                                                                   "n/a"});
        CHECK(cells_of(html.select_node("//table/tfoot/tr").node()) ==
              std::vector<std::string>{"mAP (4 classes)", "", "", "", "", "", "", "50.00", "50.00",
                                       "+0.00", "50.00"});
        // Every header is a sort key of the script, named as ap_columns() names it.
        const pugi::xpath_node_set heads = html.select_nodes("//table/thead/tr/th");
        REQUIRE(heads.size() == ap_columns().size());
        for (std::size_t k = 0; k < heads.size(); ++k) {
            CHECK(std::string(heads[k].node().attribute("data-key").value()) ==
                  ap_columns()[k].key);
        }
        CHECK(rows[4].node().select_node("td[9]").node().attribute("data-sort").empty());
        CHECK(rows[3].node().select_node("td[9]").node().attribute("data-sort").as_double() ==
              0.625);
        CHECK(rows[3].node().select_node("td[1]").node().attribute("data-sort").as_double() == 3);
        CHECK(html.select_nodes("//figure/*[local-name()='svg']").size() == 5);
        const std::string text = read_all(dir.path() / "index.html");
        // The header's totals are the columns' sums: 13 + 2 boxes; 9 + 6 + 0 detections.
        CHECK(text.find("Ground truth: 15 boxes = 13 that count (GT) + 2 difficult. Detections: "
                        "15 = 9 TP + 6 FP + 0 ignored") != std::string::npos);
        CHECK(text.find("1 class without non-difficult ground truth: n/a, left out of the mAP") !=
              std::string::npos);
        CHECK(text.find("3 detection(s) on images without any ground truth") != std::string::npos);
        CHECK(text.find("verdict: 11-point and area mAP differ by 0.00 points; largest per-class "
                        "gap 1.14 points (Cat)") != std::string::npos);
        CHECK(text.find("src=") == std::string::npos);  // no external assets
        std::string script;  // "//", the CDATA section, "//" (comments to HTML parsers)
        for (const pugi::xml_node part : html.select_node("//script").node().children())
            script += part.value();
        CHECK(html.select_node("//script").node().first_child().next_sibling().type() ==
              pugi::node_cdata);
        CHECK(script.find("#sort=") != std::string::npos);
    }
    SUBCASE("the index opens with the two charts") {
        const pugi::xml_document html = parse_xml(dir.path() / "index.html");
        const pugi::xml_node compare =
            html.select_node("//*[local-name()='svg'][@class='ap-compare-chart']").node();
        const pugi::xml_node counts =
            html.select_node("//*[local-name()='svg'][@class='counts-chart']").node();
        REQUIRE(compare);
        REQUIRE(counts);
        // Both come before the table.
        CHECK(std::string(html.select_node("/html/body/*[local-name()='svg'][1]")
                              .node()
                              .attribute("class")
                              .value()) == "ap-compare-chart");
        // The mAP pair, then the 4 classes with AP by difference: a<b (+0.00) first.
        const std::vector<std::string> area = bar_titles(compare, "bar-area");
        REQUIRE(area.size() == 5);
        CHECK(area[0] == "mAP (4 classes): AP area 50.00 %");
        CHECK(area[1] == "a<b&\"c': AP area 0.00 %");
        CHECK(area[2] == "Cat: AP area 62.50 %");
        CHECK(bar_titles(compare, "bar-11point").size() == 5);
        CHECK(compare.select_nodes(".//*[@class='map-line']").size() == 2);
        // Counts: TP bars for the three worked classes, a difficult bar for ghost.
        CHECK(bar_titles(counts, "bar-tp") ==
              std::vector<std::string>{"Cat: 3 TP", "bad\\x01\\xff name: 3 TP", "cat: 3 TP"});
        CHECK(bar_titles(counts, "bar-difficult") ==
              std::vector<std::string>{"ghost: 2 difficult"});
        CHECK(bar_titles(counts, "bar-gt").size() == 4);
    }
}

TEST_CASE("write_ap_plots: numpy thresholds move the 11-point samples") {
    class_ap ap;
    ap.num_gt = 10;
    ap.tp = 4;
    ap.num_detections = 4;
    ap.curve = {{0.1, 1}, {0.2, 1}, {0.3, 1}, {0.4, 0.5}};
    ap.ap_11point = ap.ap_area = ap.ap_101point = 0.3;
    const auto [set, result] = single_class("x", ap);
    plot_dir dir;
    ap_conventions conventions;
    write_ap_plots(dir.path(), set, result, conventions);
    // Recall 3/10 = 0.3 reaches the exact threshold 0.3 but not numpy's 0.30000000000000004.
    CHECK(sample_precisions(parse_xml(dir.path() / "x.svg"))[3] == 1);
    conventions.numpy_thresholds = true;
    write_ap_plots(dir.path(), set, result, conventions);
    CHECK(sample_precisions(parse_xml(dir.path() / "x.svg"))[3] == 0.5);
}

TEST_CASE("write_ap_plots: a long curve is thinned to pixel columns, its area kept") {
    class_ap ap;
    constexpr std::size_t n = 200000;
    ap.num_gt = n;
    double area = 0;
    for (std::size_t i = 1; i <= n; ++i) {
        // Every other detection is a false positive.
        const double recall = static_cast<double>((i + 1) / 2) / n;
        const double precision = static_cast<double>((i + 1) / 2) / static_cast<double>(i);
        ap.curve.push_back({recall, precision});
        if (i % 2 == 1) area += precision / n;  // envelope at each TP: its own precision here
    }
    ap.ap_area = ap.ap_11point = ap.ap_101point = area;
    const auto [set, result] = single_class("many", std::move(ap));
    plot_dir dir;
    write_ap_plots(dir.path(), set, result, ap_conventions{});
    const pugi::xml_document svg = parse_xml(dir.path() / "many.svg");
    const std::string points =
        svg.select_node("//polyline[@class='raw']").node().attribute("points").value();
    CHECK(std::count(points.begin(), points.end(), ',') <= 4 * 520);
    CHECK(svg.select_node("//polygon").node().attribute("data-area").as_double() ==
          doctest::Approx(area).epsilon(1e-12));
    CHECK(fs::file_size(dir.path() / "index.html") < 200000);
}

TEST_CASE("write_ap_plots: an unwritable directory is a one-line output_error naming it") {
    plot_dir dir;
    fs::create_directories(dir.path());
    std::ofstream(dir.path() / "file") << "x";
    detection_set set;
    ap_result result;
    try {
        write_ap_plots(dir.path() / "file", set, result, ap_conventions{});
        FAIL("no error");
    } catch (const output_error& e) {
        CHECK(std::string(e.what()).rfind(
                  (dir.path() / "file").string() + ": cannot create the plot directory", 0) == 0);
    }
}

TEST_CASE("write_ap_plots: the pictures agree with evaluate_average_precision on real data") {
    const fs::path data = fs::path(ALGOJUDGE_TEST_DATA_DIR) / "ap";
    const detection_set set = load_voc(
        data / "review_object_detection_metrics" / "data" / "database" / "gts" / "pascalvoc_format",
        data / "formats" / "database" / "voc_results");
    for (const bool numpy : {false, true}) {
        ap_conventions conventions;
        conventions.numpy_thresholds = numpy;
        const ap_result result = evaluate_average_precision(set, conventions);
        plot_dir dir;
        write_ap_plots(dir.path(), set, result, conventions);
        for (std::size_t c = 0; c < set.classes.size(); ++c) {
            CAPTURE(set.classes[c]);
            const pugi::xml_document svg = parse_xml(dir.path() / (set.classes[c] + ".svg"));
            const double area = svg.select_node("//polygon[@class='envelope-area']")
                                    .node()
                                    .attribute("data-area")
                                    .as_double();
            CHECK(area == doctest::Approx(*result.classes[c].ap_area).epsilon(1e-12));
            const std::vector<double> precisions = sample_precisions(svg);
            REQUIRE(precisions.size() == 11);
            double sum = 0;
            for (const double p : precisions)
                sum += p;
            CHECK(sum / 11 == doctest::Approx(*result.classes[c].ap_11point).epsilon(1e-12));
        }
    }
}

TEST_CASE("write_ap_plots: names that map to one file name never overwrite each other") {
    detection_set set;
    set.images = {"img"};
    set.classes = {"a_-3", "a?", "a!", "a_-2"};
    ap_result result;
    result.classes.resize(set.classes.size());
    plot_dir dir;
    CHECK(write_ap_plots(dir.path(), set, result, ap_conventions{}) == 4);
    // a?: "a_"; a!: "a_" taken, "a_-3" taken, so "a_-4"; a_-2: its own name.
    for (const char* name : {"a_-3.svg", "a_.svg", "a_-4.svg", "a_-2.svg", "index.html"}) {
        CAPTURE(name);
        CHECK(fs::is_regular_file(dir.path() / name));
    }
    CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) == 5);
}

TEST_CASE("write_ap_plots: at most max_plotted_classes SVG files") {
    detection_set set;
    set.images = {"img"};
    for (std::size_t i = 0; i < max_plotted_classes + 5; ++i) {
        std::string name = std::to_string(i);  // ("c" + ... trips a GCC 12 -Wrestrict false alarm)
        name.insert(0, 1, 'c');
        set.classes.push_back(std::move(name));
    }
    ap_result result;
    result.classes.resize(set.classes.size());
    plot_dir dir;
    CHECK(write_ap_plots(dir.path(), set, result, ap_conventions{}) == max_plotted_classes);
    CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) ==
          static_cast<std::ptrdiff_t>(max_plotted_classes + 1));
    parse_xml(dir.path() / "index.html");
}

TEST_CASE("write_ap_plots: 1000 classes keep the charts small and the table whole") {
    detection_set set;
    set.images = {"img"};
    ap_result result;
    for (std::size_t i = 0; i < 1000; ++i) {
        set.classes.push_back(std::to_string(i));
        class_ap ap;
        ap.num_gt = 1 + i % 7;
        ap.num_detections = ap.tp = i % 5;
        ap.ap_11point = static_cast<double>(i % 100) / 100;
        ap.ap_area = static_cast<double>(i % 97) / 97;
        ap.ap_101point = ap.ap_area;
        result.classes.push_back(std::move(ap));
    }
    result.map_11point = result.map_area = result.map_101point = 0.5;
    plot_dir dir;
    write_ap_plots(dir.path(), set, result, ap_conventions{});
    const pugi::xml_document html = parse_xml(dir.path() / "index.html");
    CHECK(html.select_nodes("//table/tbody/tr").size() == 1000);
    CHECK(std::string(html.select_node("//table/tbody/tr[11]/td/a").node().child_value()) == "10");
    const pugi::xml_node compare =
        html.select_node("//*[local-name()='svg'][@class='ap-compare-chart']").node();
    CHECK(bar_titles(compare, "bar-area").size() == 41);  // the mAP and 20 at each end
    CHECK(compare.select_node(".//*[@class='elided']"));
    CHECK(compare.attribute("height").as_double() < 1200);
    const pugi::xml_node counts =
        html.select_node("//*[local-name()='svg'][@class='counts-chart']").node();
    CHECK(bar_titles(counts, "bar-gt").size() == 40);
    CHECK(counts.select_node(".//*[@class='elided']"));
    CHECK(counts.attribute("height").as_double() < 1200);
}

TEST_CASE("write_ap_plots: the errors table when the result holds the split, in natural order") {
    class_ap c10, c2;
    c10.num_gt = c2.num_gt = 3;
    c10.fp = c10.num_detections = 4;
    c10.errors = ap_errors{1, 1, 1, 1, 2};
    c2.fp = c2.num_detections = 2;
    c2.errors = ap_errors{0, 2, 0, 0, 3};
    detection_set set;
    set.images = {"img"};
    set.classes = {"c10", "c2"};
    ap_result result;
    result.classes = {c10, c2};
    ap_conventions conventions;
    conventions.iou_threshold = 0.5;
    plot_dir dir;
    write_ap_plots(dir.path(), set, result, conventions);
    const pugi::xml_document html = parse_xml(dir.path() / "index.html");
    const pugi::xpath_node_set rows = html.select_nodes("//table[@id='errors-table']/tbody/tr");
    REQUIRE(rows.size() == 2);
    CHECK(cells_of(rows[0].node()) == std::vector<std::string>{"c2", "2", "0", "2", "0", "0", "3"});
    CHECK(cells_of(rows[1].node()) ==
          std::vector<std::string>{"c10", "4", "1", "1", "1", "1", "2"});
    const pugi::xml_node total = html.select_node("//table[@id='errors-table']/tfoot/tr").node();
    CHECK(cells_of(total) == std::vector<std::string>{"all classes", "6", "1", "3", "1", "1", "5"});

    result.classes[0].errors.reset();
    result.classes[1].errors.reset();
    write_ap_plots(dir.path(), set, result, conventions);
    CHECK(!parse_xml(dir.path() / "index.html").select_node("//table[@id='errors-table']"));
}
