// Description: the one formatter of `algojudge ap`'s per-class results, shared by the terminal
// table (render_ap_table) and the HTML report (reports/ap_plot.cpp): the same columns, rows in
// natural order of class names ("2" before "10"), the same numbers ("+0.00", never "-0.00";
// "n/a" for no AP), the same counts and the same verdict.
// Status: tested in tests/reports/ap_table_test.cpp and tests/cli/ap_tests.cmake.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "algorithms/average_precision.hpp"

namespace algojudge {

// The one word every ap report shows where a class has no AP (no non-difficult ground truth).
inline constexpr std::string_view no_ap_word = "n/a";

// "26.84" for 0.2684; no_ap_word when there is no AP.
std::string ap_percent(const std::optional<double>& value);
// area - 11-point in points, signed ("+1.73", "+0.00", never "-0.00"); no_ap_word without both.
std::string ap_difference(const std::optional<double>& area, const std::optional<double>& eleven);

// One column of the per-class table. `key` names it in the HTML report's `#sort=KEY`;
// `meaning` is the sentence the report's legend gives for it.
struct ap_column {
    std::string_view key, header, meaning;
    bool in_terminal = true;  // the terminal leaves out AP 101-point, to stay narrow
};
// The columns in order; ap_col::x is the position of column x in it and in ap_row::cells.
std::span<const ap_column> ap_columns();
namespace ap_col {
enum : std::size_t {
    name,
    gt,
    difficult,
    detections,
    tp,
    fp,
    ignored,
    ap_11point,
    ap_area,
    difference,
    ap_101point,
    count
};
}  // namespace ap_col

// One class's row: cells[k] is the text of ap_columns()[k], sort_keys[k] the number the HTML
// report sorts it by (the class column: the row's natural-order position; nullopt for no AP).
struct ap_row {
    std::size_t class_index = 0;  // into detection_set::classes
    bool has_ap = false;
    std::vector<std::string> cells;
    std::vector<std::optional<double>> sort_keys;
};

// Everything both reports print about one evaluation.
struct ap_summary {
    std::vector<ap_row> rows;             // natural order of class names
    std::vector<std::string> mean_cells;  // "mAP (N classes)", empty counts, the mean APs
    std::size_t with_ap = 0, without_ap = 0;
    // Column sums: ground truth = gt + difficult boxes; detections = tp + fp + ignored.
    std::size_t gt = 0, difficult = 0, detections = 0, tp = 0, fp = 0, ignored = 0;
    std::string without_ap_note;  // empty when every class has AP
    std::string verdict;          // "verdict: ...", without colour
    double map_gap_points = 0;    // |mAP area - mAP 11-point| in points, for the verdict's colour
};

// Constraints: result.classes.size() == set.classes.size().
ap_summary summarise_ap(const detection_set& set, const ap_result& result);

// "2 classes without non-difficult ground truth: n/a, left out of the mAP"; "" for 0.
std::string without_ap_note(std::size_t classes_without_ap);

// The label of the mAP row: "mAP (20 classes)", counting the classes that have an AP.
std::string map_label(std::size_t classes_with_ap);

// The positions of `names` in natural order ("c2" before "c10"), ties broken by byte order.
std::vector<std::size_t> natural_order(const std::vector<std::string>& names);

std::string render_ap_table(const detection_set& set, const ap_result& result,
                            const ap_conventions& conventions, bool use_colour);

}  // namespace algojudge
