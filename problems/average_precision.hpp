// Description: the average-precision problem's JSON edge. Input {"iou_threshold",
// "ground_truth": [{"image", "class", "bbox": [x1, y1, x2, y2], "difficult"?}], "detections":
// [{"image", "class", "score", "bbox"}], "pixel_plus_one"?, "strict_greater"?,
// "numpy_thresholds"?}; output {"classes": {name: {"num_gt", "num_difficult", "num_detections",
// "tp", "fp", "ap_11point", "ap_area", "ap_101point"}}, "map_11point", "map_area",
// "map_101point"} with null APs for classes without non-difficult ground truth. The checker
// compares counts exactly and APs within the case's tolerance (default absolute 1e-9).
// Format reference: docs/average-precision.md.
// Status: tested in tests/average_precision_test.cpp and tests/cli/ap_tests.cmake.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "algorithms/average_precision.hpp"
#include "problems/problem.hpp"

namespace algojudge {

// A parsed input: the boxes with interned names, and the conventions the input asks for.
struct ap_input {
    detection_set set;
    ap_conventions conventions;
};

// Validates a parsed input object; input_error with paths under `path` ("input.detections[4]
// .bbox: x2 (3) is less than x1 (7)").
ap_input parse_ap_input(const json& input, const std::string& path = "input");

// Reads a JSON input file straight into a detection_set with simdjson On-Demand: no DOM, and
// the file is read a block at a time, so a 150 MB file takes under a second and about 110 MB.
// Errors: case_file_error "<file>: detections[4].score: expected a number, got a string".
ap_input load_ap_json_file(const std::filesystem::path& file);

// The two halves of load_ap_json_file, for tests. In blocks of `block_size` bytes: nullopt
// when the text strays from the plain layout (top-level keys without escapes, scalar
// settings) or is not valid, never a wrong result. Whole: the file in memory at once, with
// every error's JSON path; what load_ap_json_file falls back on.
constexpr std::size_t ap_json_block_size = std::size_t{1} << 20;
std::optional<ap_input> read_ap_json_in_blocks(const std::filesystem::path& file,
                                               std::size_t block_size = ap_json_block_size);
ap_input read_ap_json_whole(const std::filesystem::path& file);

// How a text file writes a box: corners, or corner plus width and height (x2 = x + w).
enum class box_layout { xyxy, xywh };

// Per-image text folders, file stem = image id: ground truth lines `class x1 y1 x2 y2
// [difficult]` (difficult: the word "difficult" or 1/0), detection lines `class score x1 y1 x2
// y2`. Files are read in natural name order, lines in order (that order breaks score ties);
// blank lines are skipped. Errors: case_file_error "<file>:<line>: <what>".
detection_set load_ap_text_folders(const std::filesystem::path& ground_truth_dir,
                                   const std::filesystem::path& detections_dir, box_layout layout);

// Only the detections half of the text format (one file per image, `class score <box>`), for
// pairing with ground truth in another format (VOC XML: load_voc_annotations).
detection_set load_ap_text_detections(const std::filesystem::path& detections_dir,
                                      box_layout layout);

// The output object for a result of `set` (class names from the set).
json ap_result_json(const detection_set& set, const ap_result& result);

json solve_average_precision(const json& input, const run_options& options);
check_result check_average_precision(const check_args& args);

// A seeded synthetic input: `images` images, about `detections` detections and
// `ground_truth` boxes over `classes` classes, with jittered true positives, clutter and some
// difficult boxes, rendered as the problem's JSON text (what `algojudge gen` writes).
struct ap_generator_options {
    std::size_t images = 1000;
    std::size_t classes = 20;
    std::size_t ground_truth = 6900;
    std::size_t detections = 10000;
    std::uint64_t seed = 1;
};
std::string generate_ap_json(const ap_generator_options& options);

}  // namespace algojudge
