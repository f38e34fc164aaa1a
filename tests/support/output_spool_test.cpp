#include "support/output_spool.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <string>

#include "support/random.hpp"

using namespace algojudge;

namespace {

// What copy_to writes, read back from a temporary file.
std::string copied(output_spool& spool) {
    std::FILE* out = std::tmpfile();
    REQUIRE(out != nullptr);
    spool.copy_to(out);
    std::rewind(out);
    std::string text;
    char block[4096];
    for (std::size_t got; (got = std::fread(block, 1, sizeof block, out)) > 0;)
        text.append(block, got);
    std::fclose(out);
    return text;
}

}  // namespace

TEST_CASE("output_spool: empty, then text that fits stays in memory") {
    output_spool empty;
    CHECK(copied(empty).empty());
    output_spool small(16);
    small.add("0123456789");
    small.add("");
    small.add("abcdef");
    CHECK(!small.spilled());
    CHECK(small.memory_bytes_held() == 16);
    CHECK(copied(small) == "0123456789abcdef");
}

TEST_CASE("output_spool: past its memory it spills, keeping the order and every byte") {
    output_spool one(4);
    one.add("abc");
    one.add(std::string("d\0e\n", 4));  // one byte past: all of it goes to the file
    CHECK(one.spilled());
    CHECK(one.memory_bytes_held() == 0);
    CHECK(copied(one) == std::string("abcd\0e\n", 7));

    // Pieces of random sizes, some larger than the memory, some empty.
    prng random(14);
    for (int round = 0; round < 20; ++round) {
        const std::size_t memory = random.below(200);
        output_spool spool(memory);
        std::string expected;
        const std::uint64_t pieces = random.below(50);
        for (std::uint64_t piece = 0; piece < pieces; ++piece) {
            std::string text(random.below(300), '\0');
            for (char& c : text)
                c = static_cast<char>(random.below(256));
            spool.add(text);
            expected += text;
            CHECK(spool.memory_bytes_held() <= memory);
        }
        CHECK(spool.spilled() == (expected.size() > memory));
        CHECK(copied(spool) == expected);
    }
}
