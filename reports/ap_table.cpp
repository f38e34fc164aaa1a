#include "reports/ap_table.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>

#include <fmt/format.h>

#include "reports/text_table.hpp"
#include "support/counted.hpp"
#include "support/files.hpp"
#include "support/printable.hpp"

namespace algojudge {

std::string ap_percent(const std::optional<double>& value) {
    return value ? fmt::format("{:.2f}", *value * 100) : std::string(no_ap_word);
}

std::string map_label(std::size_t classes_with_ap) {
    return "mAP (" + counted(classes_with_ap, "class", "classes") + ")";
}

std::string without_ap_note(std::size_t classes_without_ap) {
    if (classes_without_ap == 0) return "";
    return fmt::format("{} without non-difficult ground truth: {}, left out of the mAP",
                       counted(classes_without_ap, "class", "classes"), no_ap_word);
}

std::string ap_difference(const std::optional<double>& area, const std::optional<double>& eleven) {
    if (!area || !eleven) return std::string(no_ap_word);
    const double points = (*area - *eleven) * 100;
    return fmt::format("{:+.2f}", std::abs(points) < 0.005 ? 0.0 : points);  // no "-0.00"
}

namespace {

constexpr std::array<ap_column, ap_col::count> columns = {{
    {"class", "class", "the class name", true},
    {"gt", "GT", "ground-truth boxes that count (not difficult): the recall denominator", true},
    {"difficult", "difficult", "ground-truth boxes marked difficult: neither found nor missed",
     true},
    {"detections", "detections", "all detections of the class: TP + FP + ignored", true},
    {"tp", "TP", "detections matched to a ground-truth box that counts", true},
    {"fp", "FP", "detections matched to no box, or to one already taken", true},
    {"ignored", "ignored", "detections matched to a difficult box: neither TP nor FP", true},
    {"ap_11point", "AP 11-point %", "VOC2007 AP: mean precision at recall 0, 0.1, ..., 1", true},
    {"ap_area", "AP area %", "VOC2010+ AP: the area under the precision envelope", true},
    {"difference", "area - 11pt", "AP area minus AP 11-point, in points", true},
    {"ap_101point", "AP 101-point %", "AP at 101 recall points, as COCO samples it", false},
}};

std::optional<double> count_key(std::size_t n) {
    return static_cast<double>(n);
}

std::optional<double> difference_key(const class_ap& c) {
    if (!c.ap_area || !c.ap_11point) return std::nullopt;
    return *c.ap_area - *c.ap_11point;
}

ap_row row_of(const std::string& name, std::size_t class_index, std::size_t rank,
              const class_ap& c) {
    assert(c.tp + c.fp <= c.num_detections);
    const std::size_t ignored = c.num_detections - c.tp - c.fp;
    ap_row row;
    row.class_index = class_index;
    row.has_ap = c.ap_area.has_value();
    row.cells = {printable(name),
                 std::to_string(c.num_gt),
                 std::to_string(c.num_difficult),
                 std::to_string(c.num_detections),
                 std::to_string(c.tp),
                 std::to_string(c.fp),
                 std::to_string(ignored),
                 ap_percent(c.ap_11point),
                 ap_percent(c.ap_area),
                 ap_difference(c.ap_area, c.ap_11point),
                 ap_percent(c.ap_101point)};
    row.sort_keys = {static_cast<double>(rank),   count_key(c.num_gt), count_key(c.num_difficult),
                     count_key(c.num_detections), count_key(c.tp),     count_key(c.fp),
                     count_key(ignored),          c.ap_11point,        c.ap_area,
                     difference_key(c),           c.ap_101point};
    return row;
}

// The verdict: how far the two mAPs are apart, and the class where the methods differ most
// (none named when no gap shows in two decimals: any class would be an arbitrary pick).
std::string verdict_of(const ap_result& result, const ap_summary& summary,
                       const detection_set& set) {
    if (!result.map_area || !result.map_11point) {
        return "verdict: no class has non-difficult ground truth, so there is no mAP";
    }
    double largest = -1;
    std::string largest_class;
    for (const ap_row& row : summary.rows) {
        const class_ap& c = result.classes[row.class_index];
        if (!c.ap_area || !c.ap_11point) continue;
        const double gap = std::abs(*c.ap_area - *c.ap_11point) * 100;
        if (gap > largest) {
            largest = gap;
            largest_class = printable(set.classes[row.class_index]);
        }
    }
    std::string verdict = fmt::format("verdict: 11-point and area mAP differ by {:.2f} points; ",
                                      summary.map_gap_points);
    if (largest < 0.005) return verdict + "no class differs by 0.01 points or more";
    return verdict +
           fmt::format("largest per-class gap {:.2f} points ({})", largest, largest_class);
}

}  // namespace

std::span<const ap_column> ap_columns() {
    return columns;
}

std::vector<std::size_t> natural_order(const std::vector<std::string>& names) {
    std::vector<std::size_t> order(names.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (natural_less(names[a], names[b])) return true;
        if (natural_less(names[b], names[a])) return false;
        return names[a] < names[b];  // "01" and "1" are equal to natural_less
    });
    return order;
}

ap_summary summarise_ap(const detection_set& set, const ap_result& result) {
    assert(result.classes.size() == set.classes.size());
    ap_summary summary;
    const std::vector<std::size_t> order = natural_order(set.classes);
    for (std::size_t rank = 0; rank < order.size(); ++rank) {
        const std::size_t i = order[rank];
        const class_ap& c = result.classes[i];
        summary.rows.push_back(row_of(set.classes[i], i, rank, c));
        ++(c.ap_area ? summary.with_ap : summary.without_ap);
        summary.gt += c.num_gt;
        summary.difficult += c.num_difficult;
        summary.detections += c.num_detections;
        summary.tp += c.tp;
        summary.fp += c.fp;
    }
    summary.ignored = summary.detections - summary.tp - summary.fp;
    summary.mean_cells.assign(columns.size(), "");
    summary.mean_cells[ap_col::name] = map_label(summary.with_ap);
    summary.mean_cells[ap_col::ap_11point] = ap_percent(result.map_11point);
    summary.mean_cells[ap_col::ap_area] = ap_percent(result.map_area);
    summary.mean_cells[ap_col::difference] = ap_difference(result.map_area, result.map_11point);
    summary.mean_cells[ap_col::ap_101point] = ap_percent(result.map_101point);
    summary.without_ap_note = without_ap_note(summary.without_ap);
    if (result.map_area && result.map_11point) {
        summary.map_gap_points = std::abs(*result.map_area - *result.map_11point) * 100;
    }
    summary.verdict = verdict_of(result, summary, set);
    return summary;
}

std::string render_ap_table(const detection_set& set, const ap_result& result,
                            const ap_conventions& conventions, bool use_colour) {
    const ap_summary summary = summarise_ap(set, result);
    std::vector<std::size_t> shown;
    std::vector<std::string> header;
    std::vector<align> alignment;
    for (std::size_t k = 0; k < columns.size(); ++k) {
        if (!columns[k].in_terminal) continue;
        shown.push_back(k);
        header.emplace_back(columns[k].header);
        alignment.push_back(k == 0 ? align::left : align::right);
    }
    auto pick = [&](const std::vector<std::string>& cells) {
        std::vector<std::string> picked;
        for (const std::size_t k : shown)
            picked.push_back(cells[k]);
        return picked;
    };
    text_table table(std::move(header), std::move(alignment));
    for (const ap_row& row : summary.rows) {
        table.add_row(pick(row.cells), row.has_ap ? std::vector<colour>{}
                                                  : std::vector<colour>(shown.size(), colour::dim));
    }
    table.add_row(pick(summary.mean_cells), std::vector<colour>(shown.size(), colour::bold));

    std::string out =
        fmt::format("IoU {} {}{}{}\n", conventions.iou_threshold,
                    conventions.strict_greater ? "(strict >)" : "(>=)",
                    conventions.pixel_plus_one ? ", +1 pixel widths" : "",
                    conventions.numpy_thresholds ? ", numpy 11-point thresholds" : "");
    out += table.render(use_colour);
    if (!summary.without_ap_note.empty()) out += summary.without_ap_note + '\n';
    const double gap = summary.map_gap_points;
    const colour tone = !result.map_area ? colour::none
                        : gap < 1        ? colour::green
                        : gap < 3        ? colour::yellow
                                         : colour::red;
    out += paint(summary.verdict, tone, use_colour && tone != colour::none);
    out += '\n';
    return out;
}

}  // namespace algojudge
