#include "reports/ap_sweep_table.hpp"

#include <algorithm>
#include <numeric>

#include <fmt/format.h>

#include "reports/ap_table.hpp"
#include "reports/text_table.hpp"
#include "support/counted.hpp"
#include "support/printable.hpp"

namespace algojudge {

namespace {

// One method's table: a row per class, a column per threshold and the mean, the mAP row.
std::string method_table(const detection_set& set, std::span<const double> thresholds,
                         std::span<const ap_result> sweep, const ap_sweep_mean& mean,
                         std::optional<double> class_ap::*field,
                         std::optional<double> ap_values::*mean_field,
                         std::optional<double> ap_result::*map_field, bool use_colour) {
    std::vector<std::string> header = {"class"};
    for (double t : thresholds)
        header.push_back(fmt::format("{}", t));
    header.push_back("mean");
    std::vector<align> alignment(header.size(), align::right);
    alignment[0] = align::left;
    text_table table(header, alignment);
    std::size_t with_ap = 0;
    for (std::size_t i : natural_order(set.classes)) {
        std::vector<std::string> row = {printable(set.classes[i])};
        for (const ap_result& result : sweep)
            row.push_back(ap_percent(result.classes[i].*field));
        row.push_back(ap_percent(mean.classes[i].*mean_field));
        const bool has_ap = (sweep.front().classes[i].*field).has_value();
        with_ap += has_ap ? 1 : 0;
        table.add_row(
            row, has_ap ? std::vector<colour>{} : std::vector<colour>(row.size(), colour::dim));
    }
    std::vector<std::string> map_row = {map_label(with_ap)};
    for (const ap_result& result : sweep)
        map_row.push_back(ap_percent(result.*map_field));
    map_row.push_back(ap_percent(mean.map.*mean_field));
    table.add_row(map_row, std::vector<colour>(map_row.size(), colour::bold));
    return table.render(use_colour);
}

}  // namespace

std::string render_ap_sweep_table(const detection_set& set, std::span<const double> thresholds,
                                  std::span<const ap_result> sweep,
                                  const ap_conventions& conventions, bool use_colour) {
    const ap_sweep_mean mean = mean_over_thresholds(sweep);
    std::string out = fmt::format(
        "IoU {} to {}, {} {}{}{}\n", thresholds.front(), thresholds.back(),
        counted(thresholds.size(), "threshold"), conventions.strict_greater ? "(strict >)" : "(>=)",
        conventions.pixel_plus_one ? ", +1 pixel widths" : "",
        conventions.numpy_thresholds ? ", numpy 11-point thresholds" : "");
    out += "AP 11-point % by IoU threshold\n";
    out += method_table(set, thresholds, sweep, mean, &class_ap::ap_11point, &ap_values::ap_11point,
                        &ap_result::map_11point, use_colour);
    out += "\nAP area % by IoU threshold\n";
    out += method_table(set, thresholds, sweep, mean, &class_ap::ap_area, &ap_values::ap_area,
                        &ap_result::map_area, use_colour);
    const auto without = static_cast<std::size_t>(
        std::count_if(sweep.front().classes.begin(), sweep.front().classes.end(),
                      [](const class_ap& c) { return !c.ap_area; }));
    if (without > 0) out += without_ap_note(without) + "\n";
    return out;
}

ap_error_summary summarise_ap_errors(const detection_set& set, const ap_result& result,
                                     double threshold) {
    ap_error_summary summary;
    summary.header = {"class",     "FP",         "duplicate", "localisation",
                      "confusion", "background", "missed GT"};
    summary.heading = fmt::format(
        "false positives by cause at IoU {} (localisation: IoU >= {} with a free box of the "
        "class)",
        threshold, localisation_min_iou);
    ap_errors total;
    std::size_t total_fp = 0;
    const auto cells = [](std::string name, std::size_t fp, const ap_errors& e) {
        return std::vector<std::string>{std::move(name),
                                        std::to_string(fp),
                                        std::to_string(e.duplicate),
                                        std::to_string(e.localisation),
                                        std::to_string(e.confusion),
                                        std::to_string(e.background),
                                        std::to_string(e.missed)};
    };
    for (std::size_t i : natural_order(set.classes)) {
        const class_ap& c = result.classes[i];
        if (!c.errors) continue;
        summary.rows.push_back(cells(printable(set.classes[i]), c.fp, *c.errors));
        total_fp += c.fp;
        total.duplicate += c.errors->duplicate;
        total.localisation += c.errors->localisation;
        total.confusion += c.errors->confusion;
        total.background += c.errors->background;
        total.missed += c.errors->missed;
    }
    summary.total = cells("all classes", total_fp, total);
    return summary;
}

std::string render_ap_errors_table(const detection_set& set, const ap_result& result,
                                   double threshold, bool use_colour) {
    const ap_error_summary summary = summarise_ap_errors(set, result, threshold);
    std::vector<align> alignment(summary.header.size(), align::right);
    alignment.front() = align::left;
    text_table table(summary.header, alignment);
    for (const std::vector<std::string>& row : summary.rows)
        table.add_row(row);
    table.add_row(summary.total, std::vector<colour>(summary.total.size(), colour::bold));
    return summary.heading + "\n" + table.render(use_colour);
}

}  // namespace algojudge
