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
#include "reports/ap_sweep_table.hpp"
#include "reports/ap_table.hpp"
#include "reports/coco_table.hpp"
#include "support/counted.hpp"
#include "support/threshold_list.hpp"

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
    command->add_option("--iou", options->iou,
                        "IoU a match needs (default: the file's, else 0.5); a list 0.5,0.75 or "
                        "a range 0.5:0.95:0.05 runs VOC AP at each");
    command->add_flag("--pixel-plus-one", options->pixel_plus_one,
                      "Width = x2 - x1 + 1, as the VOC devkit");
    command->add_flag("--strict", options->strict_greater, "Match only when IoU > threshold");
    command->add_flag("--numpy-thresholds", options->numpy_thresholds,
                      "11-point thresholds as numpy.arange(0, 1.1, 0.1) makes them");
    auto* json_flag = command->add_flag("--json", options->json, "Print the result as JSON");
    command
        ->add_flag("--curves", options->curves,
                   "With --json: each class's precision/recall points and their scores")
        ->needs(json_flag);
    command->add_flag("--errors", options->errors,
                      "Split false positives into duplicate, localisation, confusion, background");
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

detection_inputs load_inputs(const ap_options& options, std::optional<double> iou_threshold,
                             bool with_coco) {
    const detection_source source = source_of(options);
    detection_inputs inputs;
    if (with_coco) {
        inputs = load_detections_with_coco(source);
    } else {
        inputs.input = load_detections(source);
    }
    // Flags add to what the file asks for; --iou replaces its threshold.
    ap_conventions& conventions = inputs.input.conventions;
    if (iou_threshold) conventions.iou_threshold = *iou_threshold;
    conventions.pixel_plus_one = conventions.pixel_plus_one || options.pixel_plus_one;
    conventions.strict_greater = conventions.strict_greater || options.strict_greater;
    conventions.numpy_thresholds = conventions.numpy_thresholds || options.numpy_thresholds;
    return inputs;
}

// The input checks' warnings (formats/detection_checks.hpp), printed; with --strict-names the
// first is an error instead.
detection_warning_list check_inputs(const ap_options& options, const detection_set& set) {
    const detection_source source = source_of(options);
    require_ground_truth(set, source);
    detection_warning_list list =
        detection_warnings(set, {text_boxes_of(source), detection_format(source) == "coco"});
    if (options.strict_names) refuse_warnings(list.warnings, "--strict-names");
    for (const std::string& warning : list.warnings)
        print_warning(warning);
    return list;
}

// Everything ap computes, for the plots and the printed result.
struct ap_evaluation {
    bool voc = true;
    bool coco = false;
    bool errors = false;  // --errors: the VOC results hold the split
    detection_inputs inputs;
    std::vector<double> sweep_thresholds;  // two or more: a sweep; else the conventions' one
    std::vector<ap_result> sweep;          // one result per threshold, when a sweep
    ap_result result;                      // the first of a sweep
    coco_eval_result coco_result;
    std::vector<std::string> warnings;  // each also printed on stderr
    std::vector<std::string> notes;     // likewise
};

void note(ap_evaluation& done, std::string text) {
    print_note(text);
    done.notes.push_back(std::move(text));
}

void write_plots(const std::string& plot_dir, ap_evaluation& done) {
    const ap_input& input = done.inputs.input;
    if (done.voc) {
        const std::size_t plotted =
            write_ap_plots(plot_dir, input.set, done.result, input.conventions);
        if (plotted < input.set.classes.size()) {
            note(done, fmt::format("--plot: curves of the first {} of {} classes only", plotted,
                                   input.set.classes.size()));
        }
    }
    if (done.coco) write_coco_plots(plot_dir, done.inputs.coco.class_names, done.coco_result);
}

// What produced the result: every setting in effect, in a fixed order.
nlohmann::ordered_json settings_json(const ap_options& options, const ap_evaluation& done) {
    const ap_conventions& conventions = done.inputs.input.conventions;
    const auto path_or_null = [](const std::string& path) {
        return path.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(path);
    };
    const std::vector<double> thresholds = done.sweep_thresholds.empty()
                                               ? std::vector<double>{conventions.iou_threshold}
                                               : done.sweep_thresholds;
    return {{"version", ALGOJUDGE_VERSION},
            {"protocol", options.protocol},
            {"format", detection_format(source_of(options))},
            {"input", path_or_null(options.input)},
            {"ground_truth", path_or_null(options.ground_truth)},
            {"detections", path_or_null(options.detections)},
            {"box", options.box},
            {"iou_thresholds", thresholds},
            {"pixel_plus_one", conventions.pixel_plus_one},
            {"strict_greater", conventions.strict_greater},
            {"numpy_thresholds", conventions.numpy_thresholds},
            {"errors", options.errors},
            {"curves", options.curves},
            {"plot", path_or_null(options.plot_dir)}};
}

void print_json(const ap_options& options, const ap_evaluation& done) {
    nlohmann::ordered_json out = nlohmann::ordered_json::object();
    const detection_set& set = done.inputs.input.set;
    if (done.voc && !done.sweep.empty()) {
        out = ap_sweep_json(set, done.sweep_thresholds, done.sweep, options.curves);
    } else if (done.voc) {
        out = ap_result_detailed_json(set, done.result, options.curves);
    }
    if (done.coco) {
        out["coco"] = coco_summary_json(done.coco_result.summary);
        out["coco_classes"] = coco_classes_json(done.inputs.coco.class_names, done.coco_result);
    }
    out["settings"] = settings_json(options, done);
    out["warnings"] = done.warnings;
    out["notes"] = done.notes;
    // Names that are not UTF-8 get U+FFFD rather than an exception from the JSON writer.
    write_stdout(out.dump(-1, ' ', false, json::error_handler_t::replace));
    write_stdout("\n");
}

void print_voc_tables(const ap_evaluation& done, bool colour) {
    const ap_input& input = done.inputs.input;
    if (done.sweep.empty()) {
        write_stdout(render_ap_table(input.set, done.result, input.conventions, colour));
    } else {
        write_stdout(render_ap_sweep_table(input.set, done.sweep_thresholds, done.sweep,
                                           input.conventions, colour));
    }
    if (!done.errors) return;
    const std::span<const ap_result> results = done.sweep.empty()
                                                   ? std::span<const ap_result>(&done.result, 1)
                                                   : std::span<const ap_result>(done.sweep);
    for (std::size_t t = 0; t < results.size(); ++t) {
        const double threshold =
            done.sweep.empty() ? input.conventions.iou_threshold : done.sweep_thresholds[t];
        write_stdout("\n");
        write_stdout(render_ap_errors_table(input.set, results[t], threshold, colour));
    }
}

void print_tables(const ap_evaluation& done) {
    const bool colour = stdout_is_colour_terminal();
    if (done.voc) print_voc_tables(done, colour);
    if (done.voc && done.coco) write_stdout("\n");
    if (done.coco) {
        write_stdout(render_coco_summary(done.coco_result.summary));
        write_stdout("\n");
        write_stdout(render_coco_table(done.inputs.coco.class_names, done.coco_result, colour));
    }
}

// The VOC protocol's results: one, or one per threshold of a sweep.
void evaluate_voc(ap_evaluation& done, const ap_analysis& analysis) {
    const ap_input& input = done.inputs.input;
    if (done.sweep_thresholds.empty()) {
        done.result = evaluate_average_precision(input.set, input.conventions, analysis);
        return;
    }
    done.sweep = evaluate_average_precision_sweep(input.set, input.conventions,
                                                  done.sweep_thresholds, analysis);
    done.result = done.sweep.front();
}

}  // namespace

int ap_main(const ap_options& options) {
    ap_evaluation done;
    std::optional<double> iou_threshold;
    if (!options.iou.empty()) {
        std::vector<double> thresholds = parse_threshold_list(options.iou, "--iou", 0, 1);
        if (thresholds.size() == 1) {
            iou_threshold = thresholds.front();
        } else {
            done.sweep_thresholds = std::move(thresholds);
        }
    }
    done.voc = options.protocol != "coco";
    done.coco = options.protocol != "voc";
    done.errors = options.errors && done.voc;
    done.inputs = load_inputs(options, iou_threshold, done.coco);
    detection_warning_list checked = check_inputs(options, done.inputs.input.set);
    done.warnings = std::move(checked.warnings);
    if (done.voc) evaluate_voc(done, {.errors = done.errors, .curve_scores = options.curves});
    if (options.errors && !done.voc)
        note(done, "--errors: the split is made for --protocol voc only");
    if (done.coco) {
        if (done.inputs.coco.detections.empty()) {
            note(done,
                 "no detections: every COCO number is 0, or -1 where there is no ground "
                 "truth");
        }
        done.coco_result = evaluate_coco(done.inputs.coco.view());
    }
    if (!options.plot_dir.empty()) {
        if (!done.sweep.empty()) {
            note(done, fmt::format("--plot: the curves at IoU {}, the first of the sweep",
                                   done.sweep_thresholds.front()));
        }
        write_plots(options.plot_dir, done);
    }
    // A warning on the images (detection_checks) has said what this note would.
    if (done.voc && !checked.about_images &&
        done.result.detections_without_ground_truth_image > 0) {
        const std::size_t count = done.result.detections_without_ground_truth_image;
        note(done, counted(count, "detection") +
                       " on images without any ground truth counted as false positives");
    }
    if (options.json) {
        print_json(options, done);
    } else {
        print_tables(done);
    }
    return code(finish_stdout(exit_status::ok));
}

}  // namespace algojudge::cli
