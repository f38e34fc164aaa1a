// Description: darknet/YOLO label folders, one `<image>.txt` per image: ground-truth lines
// `class cx cy w h`, detection lines `class cx cy w h conf` (Ultralytics' save_conf) or
// `class conf cx cy w h` (yolo_score::first); the class a non-negative integer, the box its
// centre and size normalised to the image. `classes.txt` in a label folder is a names file,
// not labels. Boxes stay normalised unless image sizes are given (IoU does not change when x
// and y are scaled separately, so VOC AP needs none; pixels matter only to the +1 pixel IoU and
// COCO's area ranges). Errors: input_error "<file>: line <n>: <what>".
// Reference: docs/average-precision-formats.md. Status: tested in tests/formats/yolo_test.cpp.
#pragma once

#include <filesystem>
#include <string>
#include <unordered_map>
#include <vector>

#include "formats/detection_builder.hpp"

namespace algojudge {

// Where a detection line has its confidence: after the box (Ultralytics) or after the class.
enum class yolo_score { last, first };

struct image_size {
    double width = 0, height = 0;
};

// Image sizes in pixels by image name, from a file of `image width height` lines (blank lines
// skipped); input_error "<file>: line <n>: ..." for a malformed line or an image given twice.
struct image_sizes {
    std::string file;
    std::unordered_map<std::string, image_size> sizes;
};
image_sizes read_image_sizes(const std::filesystem::path& file);

struct yolo_options {
    yolo_score score = yolo_score::last;
    const image_sizes* sizes = nullptr;  // scale boxes to pixels; every image must have a size
};

// The label files of `dir`: its .txt files but classes.txt.
std::vector<std::filesystem::path> yolo_label_files(const std::filesystem::path& dir);

void read_yolo_ground_truth(detection_builder& builder, const std::filesystem::path& dir,
                            const yolo_options& options);
void read_yolo_detections(detection_builder& builder, const std::filesystem::path& dir,
                          const yolo_options& options);

// Both halves; classes are named by their ids ("0", "1", ...) until named (formats/class_names).
detection_set load_yolo(const std::filesystem::path& ground_truth_dir,
                        const std::filesystem::path& detections_dir, const yolo_options& options);

}  // namespace algojudge
