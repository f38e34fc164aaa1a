#include "support/threshold_list.hpp"

#include <doctest/doctest.h>
#include <string>

#include "support/errors.hpp"

using namespace algojudge;

namespace {

std::string error_of(std::string_view spec) {
    try {
        parse_threshold_list(spec, "--iou", 0, 1);
    } catch (const usage_error& e) {
        return e.what();
    }
    return "no error";
}

}  // namespace

TEST_CASE("threshold list: one number, a list") {
    CHECK(parse_threshold_list("0.5", "--iou", 0, 1) == std::vector<double>{0.5});
    CHECK(parse_threshold_list("0", "--iou", 0, 1) == std::vector<double>{0.0});
    CHECK(parse_threshold_list("0.5,0.75,1", "--iou", 0, 1) == std::vector<double>{0.5, 0.75, 1});
}

TEST_CASE("threshold list: a range includes its stop and lands on the decimals") {
    const std::vector<double> coco = parse_threshold_list("0.5:0.95:0.05", "--iou", 0, 1);
    CHECK(coco == std::vector<double>{0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95});
    CHECK(parse_threshold_list("0.1:0.3:0.1", "--iou", 0, 1) == std::vector<double>{0.1, 0.2, 0.3});
    // A stop between two steps is not reached; a one-value range is one threshold.
    CHECK(parse_threshold_list("0.5:0.9:0.3", "--iou", 0, 1) == std::vector<double>{0.5, 0.8});
    CHECK(parse_threshold_list("0.5:0.5:0.1", "--iou", 0, 1) == std::vector<double>{0.5});
    CHECK(parse_threshold_list("0:0.999:0.001", "--iou", 0, 1).size() == max_thresholds);
}

TEST_CASE("threshold list: each bad spec names the option and what was wrong") {
    CHECK(error_of("") == "--iou: expected a number, got ''");
    CHECK(error_of("half") == "--iou: expected a number, got 'half'");
    CHECK(error_of("0.5,") == "--iou: expected a number, got ''");
    CHECK(error_of("0.5x") == "--iou: expected a number, got '0.5x'");
    CHECK(error_of("nan") == "--iou: expected a number, got 'nan'");
    CHECK(error_of("1.5") == "--iou: expected a number in [0, 1], got 1.5");
    CHECK(error_of("0.75,0.5") == "--iou: expected increasing thresholds, got 0.5 after 0.75");
    CHECK(error_of("0.5,0.5") == "--iou: expected increasing thresholds, got 0.5 after 0.5");
    CHECK(error_of("0.5:0.95") == "--iou: expected start:stop:step, got '0.5:0.95'");
    CHECK(error_of("0.5:0.95:0") == "--iou: expected a step above 0, got 0");
    CHECK(error_of("0.5:0.95:-0.1") == "--iou: expected a step above 0, got -0.1");
    CHECK(error_of("0.9:0.5:0.1") == "--iou: expected a stop at or above the start 0.9, got 0.5");
    CHECK(error_of("0.5:1.2:0.1") == "--iou: expected a number in [0, 1], got 1.2");
    CHECK(error_of("0:1:0.0001") == "--iou: expected at most 1000 thresholds, got 10001");
}
