#include "support/files.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "support/errors.hpp"
#include "tests/scratch_dir.hpp"

using namespace algojudge;

TEST_CASE("natural order compares digit runs as numbers") {
    CHECK(natural_less("case2", "case10"));
    CHECK(!natural_less("case10", "case2"));
    CHECK(natural_less("a", "b"));
    CHECK(natural_less("a", "a1"));
    CHECK(!natural_less("a1", "a1"));
    CHECK(natural_less("x007y", "x8y"));
    std::vector<std::string> names = {"t10.json", "t9.json", "t1.json", "s.json", "t1a.json"};
    std::sort(names.begin(), names.end(),
              [](const std::string& a, const std::string& b) { return natural_less(a, b); });
    CHECK(names ==
          std::vector<std::string>{"s.json", "t1.json", "t1a.json", "t9.json", "t10.json"});
}
