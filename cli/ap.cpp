#include "cli/ap.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <memory>

#include <fmt/format.h>

#include "cli/ap_plot.hpp"
#include "cli/common.hpp"
#include "problems/average_precision.hpp"
#include "problems/cases.hpp"
#include "problems/detection_formats.hpp"

namespace algojudge::cli {

namespace fs = std::filesystem;

void setup_ap(CLI::App& app, int& status) {
    auto options = std::make_shared<ap_options>();
    CLI::App* command = app.add_subcommand(
        "ap", "Average precision of detections: VOC 11-point vs area, per class");
    command->add_option("file", options->input, "JSON input (the average-precision problem form)");
    command->add_option("--input", options->input, "Same as the positional FILE");
    command
        ->add_option("--format", options->format,
                     "json, text, voc or coco (default: detected from the paths)")
        ->check(CLI::IsMember({"json", "text", "voc", "coco"}));
    command->add_option("--gt", options->ground_truth,
                        "Ground truth: text folder, VOC XML folder or COCO instances file");
    command->add_option("--det", options->detections,
                        "Detections: text folder, VOC results folder or COCO results file");
    auto* box = command
                    ->add_option("--box", options->box,
                                 "Text boxes as corners (xyxy) or corner + size (xywh)")
                    ->check(CLI::IsMember({"xyxy", "xywh"}))
                    ->capture_default_str();
    command->add_option("--iou", options->iou_threshold,
                        "IoU a match needs (default: the file's, else 0.5)");
    command->add_flag("--pixel-plus-one", options->pixel_plus_one,
                      "Width = x2 - x1 + 1, as the VOC devkit");
    command->add_flag("--strict", options->strict_greater, "Match only when IoU > threshold");
    command->add_flag("--numpy-thresholds", options->numpy_thresholds,
                      "11-point thresholds as numpy.arange(0, 1.1, 0.1) makes them");
    command->add_flag("--json", options->json, "Print the result as JSON");
    command->add_option("--plot", options->plot_dir,
                        "Write one SVG per class and an index.html into DIR");
    command->callback([options, box, &status] {
        options->box_given = box->count() > 0;
        status = run_ap(*options);
    });
}

namespace {

// The format named or, when none is, the one the paths make unambiguous.
std::string choose_format(const ap_options& options) {
    const bool folders = !options.ground_truth.empty() || !options.detections.empty();
    if (!options.input.empty() && folders) {
        throw case_file_error("give either one input FILE or --gt and --det, not both");
    }
    std::string format = options.format;
    if (format.empty()) {
        if (!options.input.empty()) {
            format = "json";
        } else if (!folders) {
            throw case_file_error("nothing to evaluate: give a JSON FILE or --gt and --det");
        } else if (fs::is_regular_file(options.ground_truth)) {
            format = "coco";
        } else {
            format = "text";
            std::error_code error;
            for (const auto& entry : fs::directory_iterator(options.ground_truth, error)) {
                if (entry.path().extension() == ".xml") {
                    format = "voc";
                    break;
                }
            }
        }
    }
    if (format == "json") {
        if (options.input.empty()) throw case_file_error("--format json needs an input FILE");
        if (folders) throw case_file_error("--format json takes one FILE, not --gt/--det");
    } else {
        if (!options.input.empty()) {
            throw case_file_error(
                fmt::format("--format {} reads --gt and --det, not a FILE", format));
        }
        if (options.ground_truth.empty() || options.detections.empty()) {
            throw case_file_error(fmt::format("--format {} needs both --gt and --det", format));
        }
    }
    if (options.box_given && format != "text" && format != "voc") {
        throw case_file_error(fmt::format("--box applies to text detections, not {}", format));
    }
    return format;
}

box_layout layout_of(const ap_options& options) {
    return options.box == "xywh" ? box_layout::xywh : box_layout::xyxy;
}

// True when `dir` holds VOC results files (`<prefix>_det_<set>_<class>.txt`) rather than one
// text file per image.
bool holds_voc_results(const std::string& dir) {
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(dir, error)) {
        if (entry.path().filename().string().find("_det_") != std::string::npos) return true;
    }
    return false;
}

ap_input load_input(const ap_options& options) {
    const std::string format = choose_format(options);
    ap_input input;
    if (format == "json") {
        input = load_ap_json_file(options.input);
    } else if (format == "text") {
        input.set =
            load_ap_text_folders(options.ground_truth, options.detections, layout_of(options));
    } else if (format == "voc" && holds_voc_results(options.detections)) {
        input.set = load_voc(options.ground_truth, options.detections);
    } else if (format == "voc") {
        // VOC XML ground truth with per-image text detections (`class score <box>`).
        input.set = load_ap_text_detections(options.detections, layout_of(options));
        load_voc_annotations(options.ground_truth, input.set);
    } else {
        input.set = load_coco(options.ground_truth, options.detections);
    }
    // Flags add to what the file asks for; --iou replaces its threshold.
    ap_conventions& conventions = input.conventions;
    if (options.iou_threshold) conventions.iou_threshold = *options.iou_threshold;
    conventions.pixel_plus_one = conventions.pixel_plus_one || options.pixel_plus_one;
    conventions.strict_greater = conventions.strict_greater || options.strict_greater;
    conventions.numpy_thresholds = conventions.numpy_thresholds || options.numpy_thresholds;
    return input;
}

std::string percent(const std::optional<double>& value) {
    return value ? fmt::format("{:.2f}", *value * 100) : "-";
}

std::string point_difference(const std::optional<double>& area,
                             const std::optional<double>& eleven) {
    if (!area) return "-";
    const double points = (*area - *eleven) * 100;
    return fmt::format("{:+.2f}", std::abs(points) < 0.005 ? 0.0 : points);  // no "-0.00"
}

std::string render_table(const detection_set& set, const ap_result& result,
                         const ap_conventions& conventions, bool use_colour) {
    text_table table({"class", "GT", "difficult", "detections", "TP", "FP", "AP 11-point %",
                      "AP area %", "area - 11pt"},
                     {align::left, align::right, align::right, align::right, align::right,
                      align::right, align::right, align::right, align::right});
    std::size_t counted = 0;
    std::size_t without_ground_truth = 0;
    double largest_gap = -1;
    std::string largest_gap_class;
    // Rows by class name, so two runs over differently ordered files line up.
    std::vector<std::size_t> order(set.classes.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return set.classes[a] < set.classes[b]; });
    for (std::size_t i : order) {
        const class_ap& c = result.classes[i];
        std::vector<colour> colours;
        if (c.ap_area) {
            ++counted;
            const double gap = std::abs(*c.ap_area - *c.ap_11point);
            if (gap > largest_gap) {
                largest_gap = gap;
                largest_gap_class = set.classes[i];
            }
        } else {
            ++without_ground_truth;
            colours.assign(9, colour::dim);
        }
        table.add_row(
            {set.classes[i], std::to_string(c.num_gt), std::to_string(c.num_difficult),
             std::to_string(c.num_detections), std::to_string(c.tp), std::to_string(c.fp),
             percent(c.ap_11point), percent(c.ap_area), point_difference(c.ap_area, c.ap_11point)},
            colours);
    }
    table.add_row({fmt::format("mAP ({} class{})", counted, counted == 1 ? "" : "es"), "", "", "",
                   "", "", percent(result.map_11point), percent(result.map_area),
                   point_difference(result.map_area, result.map_11point)},
                  std::vector<colour>(9, colour::bold));
    std::string out =
        fmt::format("IoU {} {}{}{}\n", conventions.iou_threshold,
                    conventions.strict_greater ? "(strict >)" : "(>=)",
                    conventions.pixel_plus_one ? ", +1 pixel widths" : "",
                    conventions.numpy_thresholds ? ", numpy 11-point thresholds" : "");
    out += table.render(use_colour);
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
                                 gap, largest_gap * 100, largest_gap_class),
                     tone, use_colour);
        out += '\n';
    } else {
        out += "verdict: no class has non-difficult ground truth, so there is no mAP\n";
    }
    return out;
}

}  // namespace

int run_ap(const ap_options& options) {
    if (options.iou_threshold && !(*options.iou_threshold >= 0 && *options.iou_threshold <= 1)) {
        print_error(
            fmt::format("--iou: expected a number in [0, 1], got {}", *options.iou_threshold));
        return code(exit_status::input_error);
    }
    ap_input input;
    ap_result result;
    try {
        input = load_input(options);
        result = evaluate_average_precision(input.set, input.conventions);
        if (!options.plot_dir.empty()) {
            write_ap_plots(options.plot_dir, input.set, result, input.conventions);
        }
    } catch (const case_file_error& e) {
        print_error(e.what());
        return code(exit_status::input_error);
    } catch (const fs::filesystem_error& e) {
        print_error(fmt::format("{}: {}", e.path1().string(), e.code().message()));
        return code(exit_status::input_error);
    } catch (const std::bad_alloc&) {
        print_error("out of memory");
        return code(exit_status::input_error);
    }
    if (result.detections_without_ground_truth_image > 0) {
        print_note(
            fmt::format("{} detection{} on images without any ground truth counted as "
                        "false positives",
                        result.detections_without_ground_truth_image,
                        result.detections_without_ground_truth_image == 1 ? "" : "s"));
    }
    if (options.json) {
        write_stdout(ap_result_json(input.set, result).dump());
        write_stdout("\n");
    } else {
        write_stdout(
            render_table(input.set, result, input.conventions, stdout_is_colour_terminal()));
    }
    return code(finish_stdout(exit_status::ok));
}

}  // namespace algojudge::cli
