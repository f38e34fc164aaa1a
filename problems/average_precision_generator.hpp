// Description: the average-precision generator: images of 1000 x 800 pixels with ground-truth
// boxes of a few classes (some difficult), detections jittered around them (some duplicates, some
// of the wrong class), clutter, and scores that tie on request. Every coordinate and score is an
// integer count of tenths (coordinates) or ten-thousandths (scores) divided once, so the input is
// the same on every machine. Options: docs/gen.md. Used by `algojudge gen` and
// bench/average_precision_bench.cpp.
// Status: tested in tests/problems/generator_test.cpp and tests/formats/ap_json_test.cpp.
#pragma once

#include "problems/generator.hpp"

namespace algojudge {

// --images, --classes, --ground-truth, --detections, --difficult, --ties.
extern const generator average_precision_generator;

}  // namespace algojudge
