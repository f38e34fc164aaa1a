#include "reports/ap_table.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "reports/text_table.hpp"
#include "support/printable.hpp"

namespace algojudge {

std::string ap_percent(const std::optional<double>& value) {
    return value ? fmt::format("{:.2f}", *value * 100) : "-";
}

std::string ap_difference(const std::optional<double>& area, const std::optional<double>& eleven) {
    if (!area || !eleven) return "-";
    const double points = (*area - *eleven) * 100;
    return fmt::format("{:+.2f}", std::abs(points) < 0.005 ? 0.0 : points);  // no "-0.00"
}

namespace {

// Class indices by class name, so two runs over differently ordered files line up.
std::vector<std::size_t> by_class_name(const std::vector<std::string>& classes) {
    std::vector<std::size_t> order(classes.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return classes[a] < classes[b]; });
    return order;
}

// The widest per-class gap between the two methods (a fraction, not points) and its class.
struct largest_gap {
    double gap = -1;
    std::string class_name;
};

// The lines under the table: the classes left out of the mAP, then the verdict.
std::string ap_table_footer(const ap_result& result, std::size_t without_ground_truth,
                            const largest_gap& largest, bool use_colour) {
    std::string out;
    if (without_ground_truth > 0) {
        out += fmt::format(
            "{} class{} without non-difficult ground truth: no AP, left out of the "
            "mAP\n",
            without_ground_truth, without_ground_truth == 1 ? "" : "es");
    }
    if (result.map_area) {
        const double gap = std::abs(*result.map_area - *result.map_11point) * 100;
        const colour tone = gap < 1 ? colour::green : gap < 3 ? colour::yellow : colour::red;
        out += paint(fmt::format("verdict: 11-point and area mAP differ by {:.2f} points; largest "
                                 "per-class gap {:.2f} points ({})",
                                 gap, largest.gap * 100, largest.class_name),
                     tone, use_colour);
        out += '\n';
    } else {
        out += "verdict: no class has non-difficult ground truth, so there is no mAP\n";
    }
    return out;
}

}  // namespace

std::string render_ap_table(const detection_set& set, const ap_result& result,
                            const ap_conventions& conventions, bool use_colour) {
    text_table table({"class", "GT", "difficult", "detections", "TP", "FP", "AP 11-point %",
                      "AP area %", "area - 11pt"},
                     {align::left, align::right, align::right, align::right, align::right,
                      align::right, align::right, align::right, align::right});
    std::size_t counted = 0;
    std::size_t without_ground_truth = 0;
    largest_gap largest;
    for (std::size_t i : by_class_name(set.classes)) {
        const class_ap& c = result.classes[i];
        std::vector<colour> colours;
        if (c.ap_area) {
            ++counted;
            const double gap = std::abs(*c.ap_area - *c.ap_11point);
            if (gap > largest.gap) largest = {gap, printable(set.classes[i])};
        } else {
            ++without_ground_truth;
            colours.assign(9, colour::dim);
        }
        table.add_row({printable(set.classes[i]), std::to_string(c.num_gt),
                       std::to_string(c.num_difficult), std::to_string(c.num_detections),
                       std::to_string(c.tp), std::to_string(c.fp), ap_percent(c.ap_11point),
                       ap_percent(c.ap_area), ap_difference(c.ap_area, c.ap_11point)},
                      colours);
    }
    table.add_row({fmt::format("mAP ({} class{})", counted, counted == 1 ? "" : "es"), "", "", "",
                   "", "", ap_percent(result.map_11point), ap_percent(result.map_area),
                   ap_difference(result.map_area, result.map_11point)},
                  std::vector<colour>(9, colour::bold));
    std::string out =
        fmt::format("IoU {} {}{}{}\n", conventions.iou_threshold,
                    conventions.strict_greater ? "(strict >)" : "(>=)",
                    conventions.pixel_plus_one ? ", +1 pixel widths" : "",
                    conventions.numpy_thresholds ? ", numpy 11-point thresholds" : "");
    out += table.render(use_colour);
    out += ap_table_footer(result, without_ground_truth, largest, use_colour);
    return out;
}

}  // namespace algojudge
