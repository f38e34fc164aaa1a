#include "formats/detection_input.hpp"

#include <filesystem>

#include <fmt/format.h>

#include "formats/ap_json.hpp"
#include "formats/class_names.hpp"
#include "formats/coco.hpp"
#include "formats/voc.hpp"
#include "support/errors.hpp"

namespace algojudge {

namespace fs = std::filesystem;

namespace {

bool holds_extension(const std::string& dir, std::string_view extension) {
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(dir, error)) {
        if (entry.path().extension() == extension) return true;
    }
    return false;
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

}  // namespace

std::string detection_format(const detection_source& source) {
    const bool folders = !source.ground_truth.empty() || !source.detections.empty();
    if (!source.file.empty() && folders) {
        throw usage_error("give either one input FILE or --gt and --det, not both");
    }
    std::string format = source.format;
    if (format.empty()) {
        if (!source.file.empty()) {
            format = "json";
        } else if (!folders) {
            throw usage_error("nothing to evaluate: give a JSON FILE or --gt and --det");
        } else if (fs::is_regular_file(source.ground_truth)) {
            format = "coco";
        } else {
            format = holds_extension(source.ground_truth, ".xml") ? "voc" : "text";
        }
    }
    if (format == "json") {
        if (source.file.empty()) throw usage_error("--format json needs an input FILE");
        if (folders) throw usage_error("--format json takes one FILE, not --gt/--det");
    } else {
        if (!source.file.empty()) {
            throw usage_error(fmt::format("--format {} reads --gt and --det, not a FILE", format));
        }
        if (source.ground_truth.empty() || source.detections.empty()) {
            throw usage_error(fmt::format("--format {} needs both --gt and --det", format));
        }
    }
    if (source.layout_given && format != "text" && format != "voc") {
        throw usage_error(fmt::format("--box applies to text detections, not {}", format));
    }
    if (!source.class_names.empty() && format != "text" && format != "voc" && format != "yolo") {
        throw usage_error(fmt::format(
            "--names applies to text and yolo inputs, not {} (whose classes have names)", format));
    }
    if (format != "yolo" && (source.score_given || !source.image_sizes.empty())) {
        throw usage_error(fmt::format("--{} applies to --format yolo, not {}",
                                      source.score_given ? "yolo-score" : "image-sizes", format));
    }
    if (format == "yolo" && source.needs_pixels && source.image_sizes.empty()) {
        throw usage_error(
            "--format yolo boxes are normalised to the image: the +1 pixel IoU "
            "(--pixel-plus-one) and COCO's area ranges (--protocol coco or both) need the "
            "images' sizes in pixels, --image-sizes FILE (lines `image width height`)");
    }
    return format;
}

text_box_halves text_boxes_of(const detection_source& source) {
    const std::string format = detection_format(source);
    if (format == "text") return {true, true};
    if (format == "voc") return {false, !holds_voc_results(source.detections)};
    return {};
}

ap_input load_detections(const detection_source& source) {
    const std::string format = detection_format(source);
    if (format == "json") return load_ap_json_file(source.file);
    ap_input input;
    if (format == "text") {
        input.set = load_ap_text_folders(source.ground_truth, source.detections, source.layout);
    } else if (format == "voc" && holds_voc_results(source.detections)) {
        input.set = load_voc(source.ground_truth, source.detections);
    } else if (format == "voc") {
        // VOC XML ground truth with per-image text detections (`class score <box>`); the
        // detections are read first, so their names take the first ids.
        detection_builder builder;
        read_text_detections(builder, source.detections, source.layout);
        read_voc_annotations(builder, source.ground_truth);
        input.set = std::move(builder.set());
    } else if (format == "yolo") {
        image_sizes sizes;
        yolo_options options;
        options.score = source.score;
        if (!source.image_sizes.empty()) {
            sizes = read_image_sizes(source.image_sizes);
            options.sizes = &sizes;
        }
        input.set = load_yolo(source.ground_truth, source.detections, options);
    } else {
        input.set = load_coco(source.ground_truth, source.detections);
    }
    if (!source.class_names.empty()) {
        name_numeric_classes(input.set, read_class_names(source.class_names));
    }
    return input;
}

detection_inputs load_detections_with_coco(const detection_source& source) {
    detection_inputs inputs;
    if (detection_format(source) == "coco") {
        coco_files files = load_coco_files(source.ground_truth, source.detections);
        inputs.input.set = std::move(files.set);
        inputs.coco = std::move(files.protocol);
    } else {
        inputs.input = load_detections(source);
        inputs.coco = coco_protocol_from(inputs.input.set);
    }
    return inputs;
}

}  // namespace algojudge
