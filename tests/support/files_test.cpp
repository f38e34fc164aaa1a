#include "support/files.hpp"

#include <doctest/doctest.h>

#include <unistd.h>

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

TEST_CASE("read_padded_text_file: the text of read_text_file, then the padding") {
    const algojudge::testing::scratch_dir dir;
    const std::string text(200000, 'x');
    const auto file = dir.write("big.txt", text).string();
    const algojudge::padded_text padded = algojudge::read_padded_text_file(file);
    CHECK(padded.text() == text);
    REQUIRE(padded.buffer.size() == text.size() + algojudge::text_padding);
    CHECK(padded.buffer.find_first_not_of('\0', text.size()) == std::string::npos);
    CHECK_THROWS_WITH_AS(
        algojudge::read_padded_text_file(file, 1000),
        (file + ": larger than the input limit of 1000 bytes (--memory-limit)").c_str(),
        algojudge::input_error);
}

TEST_CASE("mapped_file: a regular file's text, nullopt for anything else") {
    const algojudge::testing::scratch_dir dir;
    const auto file = dir.write("nums.json", R"({"nums": [1, 2]})").string();
    const auto mapped = algojudge::mapped_file::open(file, 1000);
    REQUIRE(mapped);
    CHECK(mapped->text() == R"({"nums": [1, 2]})");
    CHECK(!algojudge::mapped_file::open(file, 10));  // larger than the limit
    CHECK(!algojudge::mapped_file::open(dir.write("empty.json", "").string(), 1000));
    CHECK(!algojudge::mapped_file::open((dir / "absent.json").string(), 1000));
    CHECK(!algojudge::mapped_file::open((dir / "").string(), 1000));  // a folder
    CHECK(!algojudge::mapped_file::open("/dev/null", 1000));
    CHECK(!algojudge::mapped_file::open("/proc/self/mem", 1000));
}

TEST_CASE("mapped_file: the padding after the text is zeros, at a page's end too") {
    const algojudge::testing::scratch_dir dir;
    const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    for (const std::size_t size : {std::size_t{1}, page - 1, page, 2 * page + 5}) {
        const std::string text(size, 'x');
        const auto file = dir.write("f" + std::to_string(size), text).string();
        const auto mapped = algojudge::mapped_file::open(file, size, algojudge::text_padding);
        REQUIRE(mapped);
        CHECK(mapped->text() == text);
        const std::string_view padding(mapped->text().data() + size, algojudge::text_padding);
        CHECK(padding.find_first_not_of('\0') == std::string_view::npos);
    }
}
