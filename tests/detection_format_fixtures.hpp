// Shared by the VOC and COCO format tests: sample folders, error capture, sets by name.
#pragma once

#include <doctest/doctest.h>
#include <algorithm>
#include <cmath>
#include <fstream>
#include <string>
#include <tuple>
#include <vector>
#include "formats/coco.hpp"
#include "formats/voc.hpp"
#include "tests/scratch_dir.hpp"

namespace algojudge::testing {

namespace fs = std::filesystem;

inline const fs::path upstream_dir =
    fs::path(ALGOJUDGE_TEST_DATA_DIR) / "ap" / "review_object_detection_metrics";
inline const fs::path formats_dir = fs::path(ALGOJUDGE_TEST_DATA_DIR) / "ap" / "formats";
inline const fs::path toy_annotations = upstream_dir / "toyexample" / "gts_vocpascal_format";
inline const fs::path database_annotations =
    upstream_dir / "data" / "database" / "gts" / "pascalvoc_format";

// The message of the input_error that `load` throws; fails the test if it throws none.
template <typename Load>
inline std::string error_of(Load load) {
    try {
        load();
    } catch (const input_error& e) {
        return std::string(e.what());
    }
    FAIL("no input_error thrown");
    return {};
}

inline std::string voc_object(const std::string& name, const std::string& difficult,
                              const std::string& xmin, const std::string& ymin,
                              const std::string& xmax, const std::string& ymax) {
    return "  <object>\n    <name>" + name + "</name>\n" +
           (difficult.empty() ? "" : "    <difficult>" + difficult + "</difficult>\n") +
           "    <bndbox>\n      <xmin>" + xmin + "</xmin>\n      <ymin>" + ymin +
           "</ymin>\n      <xmax>" + xmax + "</xmax>\n      <ymax>" + ymax +
           "</ymax>\n    </bndbox>\n  </object>\n";
}

inline std::string voc_annotation(const std::string& objects) {
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
inline named_rows rows_by_name(const detection_set& set, bool strip_image_extension) {
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

inline std::size_t count_difficult(const detection_set& set) {
    return static_cast<std::size_t>(
        std::count_if(set.ground_truth.begin(), set.ground_truth.end(),
                      [](const ground_truth_box& gt) { return gt.difficult; }));
}

}  // namespace algojudge::testing
