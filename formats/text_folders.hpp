// Description: per-image text folders, one file per image (file stem = image id), as
// Cartucho/mAP and Object-Detection-Metrics keep them: ground-truth lines `class <box>
// [difficult]` (the word "difficult", or 1/0), detection lines `class score <box>`. Files are
// read in natural name order, lines in order (that order breaks score ties); blank lines are
// skipped. Errors: input_error "<file>:<line>: <what>". Reference:
// docs/average-precision-formats.md. Status: tested in tests/formats/text_folders_test.cpp.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "formats/detection_builder.hpp"

namespace algojudge {

// How a text file writes a box: corners, or corner plus width and height (x2 = x + w).
enum class box_layout { xyxy, xywh };

void read_text_ground_truth(detection_builder& builder, const std::filesystem::path& dir,
                            box_layout layout);
void read_text_detections(detection_builder& builder, const std::filesystem::path& dir,
                          box_layout layout);

// A finite number filling `word`; input_error "<where>: <what>: expected a finite number, got
// \"<word>\"" otherwise (every line-based detection reader words it so).
double text_number(std::string_view word, const std::string& where, std::string_view what);

// Both halves: ground truth from `ground_truth_dir`, detections from `detections_dir`.
detection_set load_ap_text_folders(const std::filesystem::path& ground_truth_dir,
                                   const std::filesystem::path& detections_dir, box_layout layout);

}  // namespace algojudge
