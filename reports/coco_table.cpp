#include "reports/coco_table.hpp"

#include <array>
#include <string_view>

#include <fmt/format.h>

#include "reports/ap_table.hpp"
#include "reports/text_table.hpp"
#include "support/printable.hpp"

namespace algojudge {

namespace {

struct summary_line {
    bool precision;
    std::string_view iou;  // pycocotools' iouStr
    std::string_view area;
    int max_dets;
    double coco_summary::*value;
};

constexpr std::array<summary_line, 12> summary_lines{{
    {true, "0.50:0.95", "all", 100, &coco_summary::ap},
    {true, "0.50", "all", 100, &coco_summary::ap50},
    {true, "0.75", "all", 100, &coco_summary::ap75},
    {true, "0.50:0.95", "small", 100, &coco_summary::ap_small},
    {true, "0.50:0.95", "medium", 100, &coco_summary::ap_medium},
    {true, "0.50:0.95", "large", 100, &coco_summary::ap_large},
    {false, "0.50:0.95", "all", 1, &coco_summary::ar1},
    {false, "0.50:0.95", "all", 10, &coco_summary::ar10},
    {false, "0.50:0.95", "all", 100, &coco_summary::ar100},
    {false, "0.50:0.95", "small", 100, &coco_summary::ar_small},
    {false, "0.50:0.95", "medium", 100, &coco_summary::ar_medium},
    {false, "0.50:0.95", "large", 100, &coco_summary::ar_large},
}};

constexpr std::array<std::string_view, 12> summary_keys{
    "AP", "AP50", "AP75", "APs", "APm", "APl", "AR1", "AR10", "AR100", "ARs", "ARm", "ARl"};

struct class_column {
    std::string_view key;
    double coco_class_result::*value;
};

constexpr std::array<class_column, 7> class_columns{{
    {"AP", &coco_class_result::ap},
    {"AP50", &coco_class_result::ap50},
    {"AP75", &coco_class_result::ap75},
    {"APs", &coco_class_result::ap_small},
    {"APm", &coco_class_result::ap_medium},
    {"APl", &coco_class_result::ap_large},
    {"AR100", &coco_class_result::ar100},
}};

}  // namespace

std::string render_coco_summary(const coco_summary& summary) {
    std::string out;
    for (const summary_line& line : summary_lines) {
        // pycocotools: ' {:<18} {} @[ IoU={:<9} | area={:>6s} | maxDets={:>3d} ] = {:0.3f}'
        out += fmt::format(" {:<18} {} @[ IoU={:<9} | area={:>6} | maxDets={:>3} ] = {:0.3f}\n",
                           line.precision ? "Average Precision" : "Average Recall",
                           line.precision ? "(AP)" : "(AR)", line.iou, line.area, line.max_dets,
                           summary.*line.value);
    }
    return out;
}

std::string coco_number(double value) {
    return value < 0 ? std::string(no_ap_word) : fmt::format("{:.3f}", value);
}

std::string render_coco_table(const std::vector<std::string>& class_names,
                              const coco_eval_result& result, bool use_colour) {
    std::vector<std::string> header{"class", "GT"};
    std::vector<align> alignment{align::left, align::right};
    for (const class_column& column : class_columns) {
        header.emplace_back(column.key);
        alignment.push_back(align::right);
    }
    text_table table(header, alignment);
    for (std::size_t c = 0; c < result.classes.size(); ++c) {
        const coco_class_result& row = result.classes[c];
        // A name from the input may hold a newline or an ESC: escaped, as the ap table does.
        std::vector<std::string> cells{printable(class_names[c]), std::to_string(row.num_gt)};
        for (const class_column& column : class_columns)
            cells.push_back(coco_number(row.*column.value));
        table.add_row(cells, row.num_gt == 0 ? std::vector<colour>(cells.size(), colour::dim)
                                             : std::vector<colour>{});
    }
    return table.render(use_colour);
}

nlohmann::ordered_json coco_summary_json(const coco_summary& summary) {
    nlohmann::ordered_json out = nlohmann::ordered_json::object();
    for (std::size_t i = 0; i < summary_lines.size(); ++i)
        out[std::string(summary_keys[i])] = summary.*summary_lines[i].value;
    return out;
}

nlohmann::ordered_json coco_classes_json(const std::vector<std::string>& class_names,
                                         const coco_eval_result& result) {
    nlohmann::ordered_json out = nlohmann::ordered_json::object();
    for (std::size_t c = 0; c < result.classes.size(); ++c) {
        nlohmann::ordered_json row = nlohmann::ordered_json::object();
        for (const class_column& column : class_columns)
            row[std::string(column.key)] = result.classes[c].*column.value;
        out[class_names[c]] = row;
    }
    return out;
}

}  // namespace algojudge
