#include "formats/text_folders.hpp"

#include <unistd.h>

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <fstream>
#include <future>
#include <random>
#include <string>
#include "algorithms/average_precision.hpp"
#include "formats/ap_json.hpp"
#include "formats/text_folders.hpp"
#include "judging/case_files.hpp"
#include "problems/average_precision.hpp"
#include "tests/average_precision_fixtures.hpp"

using namespace algojudge;
using namespace algojudge::testing;
namespace fs = std::filesystem;

TEST_CASE("text folders: errors name the file and the line") {
    const fs::path root =
        fs::temp_directory_path() / ("algojudge_ap_text_test_" + std::to_string(::getpid()));
    fs::remove_all(root);
    fs::create_directories(root / "gt");
    fs::create_directories(root / "det");
    std::ofstream(root / "gt" / "img1.txt") << "dog 0 0 10 10\n\ncat 0 0 5 5 difficult\n";
    std::ofstream(root / "det" / "img1.txt") << "dog 0.9 0 0 10 10\n";
    const detection_set set = load_ap_text_folders(root / "gt", root / "det", box_layout::xyxy);
    CHECK(set.ground_truth.size() == 2);
    CHECK(set.ground_truth[1].difficult);
    CHECK(set.images == std::vector<std::string>{"img1"});

    auto error_of = [&](const std::string& gt_line, const std::string& det_line) {
        std::ofstream(root / "gt" / "img1.txt") << "dog 0 0 10 10\n" << gt_line;
        std::ofstream(root / "det" / "img1.txt") << det_line;
        try {
            load_ap_text_folders(root / "gt", root / "det", box_layout::xyxy);
        } catch (const input_error& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    const std::string gt_file = (root / "gt" / "img1.txt").string();
    const std::string det_file = (root / "det" / "img1.txt").string();
    // Out of order but readable as x y width height: the error says to try --box xywh.
    CHECK(error_of("dog 5 0 1 1\n", "") ==
          gt_file +
              ": line 2: x2 (1) is less than x1 (5) (if the files hold x y width height, try "
              "--box xywh)");
    CHECK(error_of("dog 5 0 -1 1\n", "") == gt_file + ": line 2: x2 (-1) is less than x1 (5)");
    CHECK(error_of("dog 0 0 1\n", "") ==
          gt_file + ": line 2: expected \"class x1 y1 x2 y2 [difficult]\", got 4 words");
    CHECK(error_of("dog 0 0 1 1 hard\n", "") ==
          gt_file + ": line 2: expected \"difficult\", 1 or 0 after the box, got \"hard\"");
    CHECK(error_of("", "dog high 0 0 1 1\n") ==
          det_file + ": line 1: score: expected a finite number, got \"high\"");
    CHECK(error_of("", "dog 0.5 0 0 nan 1\n") ==
          det_file + ": line 1: x2: expected a finite number, got \"nan\"");
    // A NUL byte would otherwise stay in a class name: refused with its line and column.
    CHECK(error_of(std::string("do\0g 0 0 1 1\n", 14), "") ==
          gt_file + ": line 2: a NUL byte at column 3");
    CHECK(error_of("", std::string("dog 0.9 0 0 1\0 1\n", 18)) ==
          det_file + ": line 1: a NUL byte at column 14");
    CHECK_THROWS_AS(load_ap_text_folders(root / "missing", root / "det", box_layout::xyxy),
                    input_error);
    fs::remove_all(root);
}

TEST_CASE("text folders: a corner plus a size that overflows is refused") {
    const fs::path root = fs::temp_directory_path() /
                          ("algojudge_ap_text_overflow_test_" + std::to_string(::getpid()));
    fs::remove_all(root);
    fs::create_directories(root / "gt");
    fs::create_directories(root / "det");
    std::ofstream(root / "gt" / "img1.txt") << "dog 1.7e308 1 1.7e308 10\n";
    std::ofstream(root / "det" / "img1.txt") << "dog 0.9 0 0 10 10\n";
    std::string message;
    try {
        load_ap_text_folders(root / "gt", root / "det", box_layout::xywh);
    } catch (const input_error& e) {
        message = e.what();
    }
    CHECK(message ==
          (root / "gt" / "img1.txt").string() + ": line 1: x2 (inf) is not a finite number");
    std::ofstream(root / "gt" / "img1.txt") << "dog -1.7e308 1 1.7e308 10\n";
    CHECK_THROWS_WITH_AS(load_ap_text_folders(root / "gt", root / "det", box_layout::xyxy),
                         doctest::Contains("its area is not a finite number"), input_error);
    fs::remove_all(root);
}
