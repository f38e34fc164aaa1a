// Description: `algojudge ap --plot DIR`: one SVG per class (raw precision/recall curve, the
// monotone precision envelope with the area under it shaded, the 11 interpolation samples
// marked, both APs in the title) and an index.html with the per-class table and every plot
// inlined. Every file is well-formed XML (XHTML for the index), self-contained, with class
// names escaped. Description of the pictures: docs/average-precision-formats.md.
// Status: tested in tests/reports/ap_plot_test.cpp (files parsed back with pugixml) and by the CLI
// tests in tests/cli/ap_formats_tests.cmake (xmllint --noout).
#pragma once

#include <filesystem>

#include <string>
#include <vector>

#include "algorithms/average_precision.hpp"
#include "algorithms/coco_eval.hpp"

namespace algojudge {

// Writes `dir`/index.html and `dir`/<class>.svg for every class of `set` (the file name is the
// class name with characters other than letters, digits, '-', '_' and '.' replaced by '_', and
// "-<n>" appended when two names would clash). Creates `dir` if needed; overwrites those files.
// `result` must come from evaluate_average_precision(set, conventions).
// Only the first max_plotted_classes classes get an SVG (and a figure in the index); the
// table lists every class. Returns the number of classes plotted.
// Throws output_error, one line naming the path, when a file cannot be written.
// Example: write_ap_plots("plots", set, evaluate_average_precision(set, conv), conv);
inline constexpr std::size_t max_plotted_classes = 1000;
std::size_t write_ap_plots(const std::filesystem::path& dir, const detection_set& set,
                           const ap_result& result, const ap_conventions& conventions);

// `--plot DIR --protocol coco`: writes `dir`/coco-<class>.svg (names as above) for every class:
// the interpolated precision at the 101 recall points at IoU .50, .75 and the mean over the ten
// thresholds. `class_names[c]` names result.classes[c]. Throws as write_ap_plots.
void write_coco_plots(const std::filesystem::path& dir, const std::vector<std::string>& class_names,
                      const coco_eval_result& result);

}  // namespace algojudge
