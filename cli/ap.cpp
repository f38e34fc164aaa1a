#include "cli/ap.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <memory>

#include <fmt/format.h>

#include "algorithms/coco_eval.hpp"
#include "cli/common.hpp"
#include "formats/detection_checks.hpp"
#include "formats/detection_input.hpp"
#include "problems/average_precision.hpp"
#include "reports/ap_plot.hpp"
#include "reports/ap_table.hpp"
#include "reports/coco_table.hpp"

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
                     "json, text, voc, coco or yolo (default: detected from the paths; yolo "
                     "only when named)")
        ->check(CLI::IsMember({"json", "text", "voc", "coco", "yolo"}));
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
    command
        ->add_option("--protocol", options->protocol,
                     "voc (11-point and area AP), coco (pycocotools' COCOeval) or both")
        ->check(CLI::IsMember({"voc", "coco", "both"}))
        ->capture_default_str();
    command->add_option("--names", options->class_names,
                        "Class names for numeric class ids, one a line (darknet .names)");
    auto* yolo_score =
        command
            ->add_option("--yolo-score", options->yolo_score,
                         "YOLO detection lines: class cx cy w h conf (last) or class conf ...")
            ->check(CLI::IsMember({"last", "first"}))
            ->capture_default_str();
    command->add_option("--image-sizes", options->image_sizes,
                        "YOLO: image sizes in pixels, lines `image width height`");
    command->add_flag("--strict-names", options->strict_names,
                      "Mismatched class names, image ids or box convention are errors");
    command->callback([options, box, yolo_score, &status] {
        options->box_given = box->count() > 0;
        options->yolo_score_given = yolo_score->count() > 0;
        status = ap_main(*options);
    });
}

namespace {

detection_source source_of(const ap_options& options) {
    detection_source source;
    source.file = options.input;
    source.format = options.format;
    source.ground_truth = options.ground_truth;
    source.detections = options.detections;
    source.layout = options.box == "xywh" ? box_layout::xywh : box_layout::xyxy;
    source.layout_given = options.box_given;
    source.class_names = options.class_names;
    source.score = options.yolo_score == "first" ? yolo_score::first : yolo_score::last;
    source.score_given = options.yolo_score_given;
    source.image_sizes = options.image_sizes;
    source.needs_pixels = options.pixel_plus_one || options.protocol != "voc";
    return source;
}

detection_inputs load_inputs(const ap_options& options, bool with_coco) {
    const detection_source source = source_of(options);
    detection_inputs inputs;
    if (with_coco) {
        inputs = load_detections_with_coco(source);
    } else {
        inputs.input = load_detections(source);
    }
    // Flags add to what the file asks for; --iou replaces its threshold.
    ap_conventions& conventions = inputs.input.conventions;
    if (options.iou_threshold) conventions.iou_threshold = *options.iou_threshold;
    conventions.pixel_plus_one = conventions.pixel_plus_one || options.pixel_plus_one;
    conventions.strict_greater = conventions.strict_greater || options.strict_greater;
    conventions.numpy_thresholds = conventions.numpy_thresholds || options.numpy_thresholds;
    return inputs;
}

// The input checks' warnings (formats/detection_checks.hpp), printed; with --strict-names the
// first is an error instead.
std::vector<std::string> check_inputs(const ap_options& options, const detection_set& set) {
    const detection_source source = source_of(options);
    require_ground_truth(set, source);
    std::vector<std::string> warnings =
        detection_warnings(set, {text_boxes_of(source), detection_format(source) == "coco"});
    if (options.strict_names) refuse_warnings(warnings, "--strict-names");
    for (const std::string& warning : warnings)
        print_warning(warning);
    return warnings;
}

// Everything ap computes, for the plots and the printed result.
struct ap_evaluation {
    bool voc = true;
    bool coco = false;
    detection_inputs inputs;
    ap_result result;
    coco_eval_result coco_result;
    std::vector<std::string> warnings;  // each also printed on stderr
};

void write_plots(const std::string& plot_dir, const ap_evaluation& done) {
    const ap_input& input = done.inputs.input;
    if (done.voc) {
        const std::size_t plotted =
            write_ap_plots(plot_dir, input.set, done.result, input.conventions);
        if (plotted < input.set.classes.size()) {
            print_note(fmt::format("--plot: curves of the first {} of {} classes only", plotted,
                                   input.set.classes.size()));
        }
    }
    if (done.coco) write_coco_plots(plot_dir, done.inputs.coco.class_names, done.coco_result);
}

void print_json(const ap_evaluation& done) {
    nlohmann::ordered_json out = nlohmann::ordered_json::object();
    if (done.voc) {
        out = nlohmann::ordered_json::parse(
            ap_result_json(done.inputs.input.set, done.result)
                .dump(-1, ' ', false, json::error_handler_t::replace));
    }
    if (done.coco) {
        out["coco"] = coco_summary_json(done.coco_result.summary);
        out["coco_classes"] = coco_classes_json(done.inputs.coco.class_names, done.coco_result);
    }
    // Names that are not UTF-8 get U+FFFD rather than an exception from the JSON writer.
    write_stdout(out.dump(-1, ' ', false, json::error_handler_t::replace));
    write_stdout("\n");
}

void print_tables(const ap_evaluation& done) {
    const bool colour = stdout_is_colour_terminal();
    const ap_input& input = done.inputs.input;
    if (done.voc) write_stdout(render_ap_table(input.set, done.result, input.conventions, colour));
    if (done.voc && done.coco) write_stdout("\n");
    if (done.coco) {
        write_stdout(render_coco_summary(done.coco_result.summary));
        write_stdout("\n");
        write_stdout(render_coco_table(done.inputs.coco.class_names, done.coco_result, colour));
    }
}

}  // namespace

int ap_main(const ap_options& options) {
    if (options.iou_threshold && !(*options.iou_threshold >= 0 && *options.iou_threshold <= 1)) {
        print_error(
            fmt::format("--iou: expected a number in [0, 1], got {}", *options.iou_threshold));
        return code(exit_status::input_error);
    }
    ap_evaluation done;
    done.voc = options.protocol != "coco";
    done.coco = options.protocol != "voc";
    done.inputs = load_inputs(options, done.coco);
    done.warnings = check_inputs(options, done.inputs.input.set);
    const ap_input& input = done.inputs.input;
    if (done.voc) done.result = evaluate_average_precision(input.set, input.conventions);
    if (done.coco) {
        if (done.inputs.coco.detections.empty()) {
            print_note(
                "no detections: every COCO number is 0, or -1 where there is no ground "
                "truth");
        }
        done.coco_result = evaluate_coco(done.inputs.coco.view());
    }
    if (!options.plot_dir.empty()) write_plots(options.plot_dir, done);
    if (done.voc && done.result.detections_without_ground_truth_image > 0) {
        const std::size_t count = done.result.detections_without_ground_truth_image;
        print_note(
            fmt::format("{} detection{} on images without any ground truth counted as "
                        "false positives",
                        count, count == 1 ? "" : "s"));
    }
    if (options.json) {
        print_json(done);
    } else {
        print_tables(done);
    }
    return code(finish_stdout(exit_status::ok));
}

}  // namespace algojudge::cli
