#include "reports/ap_sweep_table.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "tests/average_precision_fixtures.hpp"

using namespace algojudge;
using namespace algojudge::testing;

namespace {

// dog: one box, one detection at IoU 0.6 (a TP at 0.5, a FP at 0.75); zebra: a hit at any
// threshold; cat: only a difficult box (no AP). Classes given out of name order.
set_maker sample() {
    set_maker m;
    m.gt("a", "zebra", far_away).gt("a", "dog", unit).gt("a", "cat", {30, 30, 40, 40}, true);
    m.det("a", "zebra", 0.8, far_away).det("a", "dog", 0.9, {0, 0, 10, 6});
    return m;
}

}  // namespace

TEST_CASE("sweep table: a column per threshold, the mean, the mAP row, two methods") {
    const set_maker m = sample();
    const std::vector<double> thresholds = {0.5, 0.75};
    const std::vector<ap_result> sweep = evaluate_average_precision_sweep(m.set, {}, thresholds);
    const std::string table = render_ap_sweep_table(m.set, thresholds, sweep, {}, false);
    CHECK(table ==
          "IoU 0.5 to 0.75, 2 thresholds (>=)\n"
          "AP 11-point % by IoU threshold\n"
          "class               0.5    0.75    mean\n"
          "cat                 n/a     n/a     n/a\n"
          "dog              100.00    0.00   50.00\n"
          "zebra            100.00  100.00  100.00\n"
          "mAP (2 classes)  100.00   50.00   75.00\n"
          "\n"
          "AP area % by IoU threshold\n"
          "class               0.5    0.75    mean\n"
          "cat                 n/a     n/a     n/a\n"
          "dog              100.00    0.00   50.00\n"
          "zebra            100.00  100.00  100.00\n"
          "mAP (2 classes)  100.00   50.00   75.00\n"
          "1 class without non-difficult ground truth: n/a, left out of the mAP\n");
}

TEST_CASE("errors table: a row per class and the totals") {
    set_maker m = sample();
    m.det("a", "dog", 0.7, unit).det("b", "zebra", 0.1, unit);  // dog: a TP; zebra: background
    const ap_result r = evaluate_average_precision(m.set, {}, {.errors = true});
    const std::string table = render_ap_errors_table(m.set, r, 0.5, false);
    CHECK(table ==
          "false positives by cause at IoU 0.5 (localisation: IoU >= 0.1 with a free box of the "
          "class)\n"
          "class        FP  duplicate  localisation  confusion  background  missed GT\n"
          "cat           0          0             0          0           0          0\n"
          "dog           1          1             0          0           0          0\n"
          "zebra         1          0             0          0           1          0\n"
          "all classes   2          1             0          0           1          0\n");
}
