// Description: the AP JSON form (the average-precision problem's input), from a parsed value
// or straight from a file: {"iou_threshold"?, "ground_truth": [{"image", "class", "bbox":
// [x1, y1, x2, y2], "difficult"?}], "detections": [{"image", "class", "score", "bbox"}],
// "pixel_plus_one"?, "strict_greater"?, "numpy_thresholds"?}. Reference: docs/average-precision.md.
// Errors: input_error "<file>: detections[4].score: expected a number, got a string".
// Status: tested in tests/formats/ap_json_test.cpp.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "formats/detection_builder.hpp"
#include "support/json_input.hpp"

namespace algojudge {

inline constexpr json_field ap_json_fields[] = {
    {"iou_threshold", {}, true},
    {"ground_truth", "[{image, class, bbox, difficult?}]"},
    {"detections", "[{image, class, score, bbox}]"},
    {"pixel_plus_one", {}, true},
    {"strict_greater", {}, true},
    {"numpy_thresholds", {}, true}};

// A parsed input object; paths under `path` ("input.detections[4].bbox: x2 (3) is less than x1
// (7)").
ap_input read_ap_json_value(const json& input, const std::string& path = "input");

// A file, without a DOM: read a block at a time (read_ap_json_in_blocks) and, when that
// declines, whole (read_ap_json_whole), which names the JSON path of any error.
ap_input load_ap_json_file(const std::filesystem::path& file);

// The two halves of load_ap_json_file, for tests. In blocks of `block_size` bytes: nullopt
// when the text strays from the plain layout (top-level keys without escapes, scalar
// settings) or is not valid, never a wrong result. Whole: the file in memory at once.
constexpr std::size_t ap_json_block_size = std::size_t{1} << 20;
std::optional<ap_input> read_ap_json_in_blocks(const std::filesystem::path& file,
                                               std::size_t block_size = ap_json_block_size);
ap_input read_ap_json_whole(const std::filesystem::path& file);

// The same reader on an input object's text (a case's "input", a bare input file read whole)
// followed by at least text_padding readable bytes: nullopt when it is not valid, never a wrong
// result; read_ap_json_value then says why. For `run` and `verify` (problem::fast).
std::optional<ap_input> read_ap_json_text(std::string_view text);

}  // namespace algojudge
