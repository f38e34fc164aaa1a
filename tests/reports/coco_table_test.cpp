#include "reports/coco_table.hpp"

#include <doctest/doctest.h>

using namespace algojudge;

TEST_CASE("render_coco_summary: pycocotools' twelve lines, -1 as -1.000") {
    coco_summary summary;
    summary.ap = 0.3724;
    summary.ap50 = 0.5;
    summary.ar1 = 0.0005;  // rounds half to even on the binary value, as Python's format
    summary.ar_large = 1;
    const std::string text = render_coco_summary(summary);
    CHECK(text ==
          " Average Precision  (AP) @[ IoU=0.50:0.95 | area=   all | maxDets=100 ] = 0.372\n"
          " Average Precision  (AP) @[ IoU=0.50      | area=   all | maxDets=100 ] = 0.500\n"
          " Average Precision  (AP) @[ IoU=0.75      | area=   all | maxDets=100 ] = -1.000\n"
          " Average Precision  (AP) @[ IoU=0.50:0.95 | area= small | maxDets=100 ] = -1.000\n"
          " Average Precision  (AP) @[ IoU=0.50:0.95 | area=medium | maxDets=100 ] = -1.000\n"
          " Average Precision  (AP) @[ IoU=0.50:0.95 | area= large | maxDets=100 ] = -1.000\n"
          " Average Recall     (AR) @[ IoU=0.50:0.95 | area=   all | maxDets=  1 ] = 0.001\n"
          " Average Recall     (AR) @[ IoU=0.50:0.95 | area=   all | maxDets= 10 ] = -1.000\n"
          " Average Recall     (AR) @[ IoU=0.50:0.95 | area=   all | maxDets=100 ] = -1.000\n"
          " Average Recall     (AR) @[ IoU=0.50:0.95 | area= small | maxDets=100 ] = -1.000\n"
          " Average Recall     (AR) @[ IoU=0.50:0.95 | area=medium | maxDets=100 ] = -1.000\n"
          " Average Recall     (AR) @[ IoU=0.50:0.95 | area= large | maxDets=100 ] = 1.000\n");
}

TEST_CASE("render_coco_table: a row per class in class order, n/a without ground truth") {
    coco_eval_result result;
    result.classes.resize(2);
    result.classes[0].ap = 0.25;
    result.classes[0].ap50 = 0.5;
    result.classes[0].ar100 = 1;
    result.classes[0].num_gt = 12;
    const std::string text = render_coco_table({"zebra", "ant"}, result, false);
    CHECK(text ==
          "class  GT     AP   AP50  AP75  APs  APm  APl  AR100\n"
          "zebra  12  0.250  0.500   n/a  n/a  n/a  n/a  1.000\n"
          "ant     0    n/a    n/a   n/a  n/a  n/a  n/a    n/a\n");
    CHECK(coco_number(-1) == "n/a");
    CHECK(coco_number(0) == "0.000");
}

TEST_CASE("render_coco_table: a newline or an ESC in a class name stays on its row") {
    coco_eval_result result;
    result.classes.resize(2);
    result.classes[0].num_gt = 1;
    const std::string text = render_coco_table({"a\nb", "\x1b[31mred"}, result, false);
    CHECK(text ==
          "class        GT   AP  AP50  AP75  APs  APm  APl  AR100\n"
          "a\\x0ab        1  n/a   n/a   n/a  n/a  n/a  n/a    n/a\n"
          "\\x1b[31mred   0  n/a   n/a   n/a  n/a  n/a  n/a    n/a\n");
}

TEST_CASE("coco JSON: the documented keys in the documented order") {
    coco_summary summary;
    summary.ap = 0.5;
    CHECK(coco_summary_json(summary).dump() ==
          R"({"AP":0.5,"AP50":-1.0,"AP75":-1.0,"APs":-1.0,"APm":-1.0,"APl":-1.0,"AR1":-1.0,)"
          R"("AR10":-1.0,"AR100":-1.0,"ARs":-1.0,"ARm":-1.0,"ARl":-1.0})");
    coco_eval_result result;
    result.classes.resize(1);
    result.classes[0].ap75 = 0.125;
    CHECK(coco_classes_json({"b"}, result).dump() ==
          R"({"b":{"AP":-1.0,"AP50":-1.0,"AP75":0.125,"APs":-1.0,"APm":-1.0,"APl":-1.0,)"
          R"("AR100":-1.0}})");
}
