// Description: `--names FILE`, class names for numeric class ids as darknet/YOLO `.names` files
// give them: line 1 names class 0, line 2 class 1, and so on. Applied after reading, so that any
// line-based input (text folders, YOLO labels, VOC XML beside id-named text detections) can name
// its classes by id and meet ground truth that names them by word.
// Status: tested in tests/formats/class_names_test.cpp.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "algorithms/average_precision.hpp"

namespace algojudge {

struct class_names {
    std::string file;
    std::vector<std::string> names;  // names[id]
};

// One name a line; trailing blank lines are allowed, others and a name given twice are
// input_error "<file>: line <n>: ...". A name keeps its inner spaces, not its outer ones.
class_names read_class_names(const std::filesystem::path& file);

// Renames every class of `set` whose name is a non-negative integer (canonical digits, as YOLO
// and text readers keep them) to its name in `names`, merging it with a class already of that
// name; other classes keep theirs. input_error "<file>: class id 25 is past its last line (20
// names, ids 0 to 19)" for an id without a name.
void name_numeric_classes(detection_set& set, const class_names& names);

}  // namespace algojudge
