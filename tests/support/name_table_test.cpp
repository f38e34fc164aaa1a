#include "support/name_table.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "support/huge_pages.hpp"

using namespace algojudge;

TEST_CASE("name_table: dense ids in first-use order, a repeated name keeps its id") {
    name_table table;
    std::vector<std::string> names;
    CHECK(table.intern(names, "dog") == 0);
    CHECK(table.intern(names, "cat") == 1);
    CHECK(table.intern(names, "dog") == 0);
    CHECK(table.intern(names, "bird") == 2);
    CHECK(table.intern(names, "cat") == 1);
    CHECK(names == std::vector<std::string>{"dog", "cat", "bird"});
}

TEST_CASE("name_table: the empty name is a name like any other") {
    name_table table;
    std::vector<std::string> names;
    CHECK(table.intern(names, "") == 0);
    CHECK(table.intern(names, "a") == 1);
    CHECK(table.intern(names, "") == 0);
    CHECK(names == std::vector<std::string>{"", "a"});
    // Names that share a prefix, or differ only in length by a zero byte, are different.
    CHECK(table.intern(names, std::string_view("\0", 1)) == 2);
    CHECK(table.intern(names, "ab") == 3);
    CHECK(table.intern(names, std::string_view("a\0", 2)) == 4);
    CHECK(table.intern(names, "a") == 1);
    CHECK(names.size() == 5);
}

TEST_CASE("name_table: names on both sides of the inline size (16 bytes)") {
    name_table table;
    std::vector<std::string> names;
    const std::string n15(15, 'x'), n16(16, 'x'), n17(17, 'x');
    CHECK(table.intern(names, n15) == 0);
    CHECK(table.intern(names, n16) == 1);
    CHECK(table.intern(names, n17) == 2);
    CHECK(table.intern(names, n16) == 1);
    CHECK(table.intern(names, n17) == 2);
    CHECK(table.intern(names, n15) == 0);

    // Equal up to byte 16, different after it: compared in full, not by the inline copy.
    const std::string base = "0123456789abcdef";
    CHECK(table.intern(names, base + "A") == 3);
    CHECK(table.intern(names, base + "B") == 4);
    CHECK(table.intern(names, base + "A") == 3);
    const std::string long_a = std::string(100, 'q') + "end-a";
    const std::string long_b = std::string(100, 'q') + "end-b";
    CHECK(table.intern(names, long_a) == 5);
    CHECK(table.intern(names, long_b) == 6);
    CHECK(table.intern(names, long_a) == 5);
    // Differing only in the last inline byte.
    CHECK(table.intern(names, "0123456789abcdeF") == 7);
    CHECK(table.intern(names, base) == 8);
    CHECK(table.intern(names, "0123456789abcdeF") == 7);
    CHECK(names.size() == 9);
    CHECK(names[2] == n17);
    CHECK(names[6] == long_b);
}

TEST_CASE("name_table: a table built from existing names keeps their ids") {
    std::vector<std::string> names = {"dog", "cat", std::string(40, 'z'), ""};
    name_table table(names);
    CHECK(table.intern(names, "cat") == 1);
    CHECK(table.intern(names, std::string(40, 'z')) == 2);
    CHECK(table.intern(names, "") == 3);
    CHECK(table.intern(names, "dog") == 0);
    CHECK(table.intern(names, "bird") == 4);
    CHECK(names.size() == 5);

    std::vector<std::string> none;
    name_table empty_start(none);
    CHECK(empty_start.intern(none, "a") == 0);

    // Many names given up front, more than the first table size.
    std::vector<std::string> many;
    for (int i = 0; i < 1000; ++i)
        many.push_back("image_" + std::to_string(i));
    name_table big(many);
    for (int i = 999; i >= 0; --i)
        CHECK(big.intern(many, "image_" + std::to_string(i)) == static_cast<std::uint32_t>(i));
    CHECK(big.intern(many, "image_1000") == 1000);
    CHECK(many.size() == 1001);
}

TEST_CASE("name_table: the same ids as an unordered_map over 100k seeded random names") {
    std::mt19937_64 random(20261201);
    std::uniform_int_distribution<int> length(0, 40);
    // A small alphabet and short names, so many names repeat.
    std::uniform_int_distribution<int> letter(0, 3);
    name_table table;
    std::vector<std::string> names;
    std::unordered_map<std::string, std::uint32_t> reference;
    std::size_t mismatches = 0;
    for (int i = 0; i < 100000; ++i) {
        const int size = i % 3 == 0 ? length(random) % 6 : length(random);
        std::string name;
        for (int j = 0; j < size; ++j)
            name += static_cast<char>('a' + letter(random));
        const auto [it, added] =
            reference.emplace(name, static_cast<std::uint32_t>(reference.size()));
        if (table.intern(names, name) != it->second) ++mismatches;
    }
    CHECK(mismatches == 0);
    REQUIRE(names.size() == reference.size());
    CHECK(names.size() > 50000);  // the table grew many times
    for (const auto& [name, id] : reference)
        CHECK_MESSAGE(names[id] == name, "id ", id);
    // A second pass over every name finds it again and adds nothing.
    std::size_t wrong = 0;
    for (const auto& [name, id] : reference)
        wrong += table.intern(names, name) != id;
    CHECK(wrong == 0);
    CHECK(names.size() == reference.size());
}

TEST_CASE("name_table: prefetch and intern with the hash give intern's ids") {
    name_table plain, split;
    std::vector<std::string> plain_names, split_names;
    split.prefetch(name_hash("before anything"));  // an empty table: nothing to load
    std::size_t mismatches = 0;
    for (int i = 0; i < 5000; ++i) {
        const std::string name =
            "2007_" + std::to_string((i * 7919) % 3001) + (i % 2 == 0 ? "" : "_with_a_long_suffix");
        const std::uint64_t hash = name_hash(name);
        split.prefetch(hash);
        if (split.intern(split_names, name, hash) != plain.intern(plain_names, name)) ++mismatches;
    }
    CHECK(mismatches == 0);
    CHECK(split_names == plain_names);
}

TEST_CASE("name_hash: a function of the bytes, length included") {
    CHECK(name_hash("dog") == name_hash(std::string("dog")));
    CHECK(name_hash("") != name_hash(std::string_view("\0", 1)));
    CHECK(name_hash("a") != name_hash(std::string_view("a\0", 2)));
    CHECK(name_hash("0123456789abcdefA") != name_hash("0123456789abcdefB"));
    CHECK(name_hash("12345678") != name_hash("12345679"));
}

TEST_CASE("reserve_huge: capacity at least the count, contents kept") {
    std::vector<int> none;
    reserve_huge(none, 0);
    CHECK(none.empty());
    std::vector<std::uint64_t> big = {1, 2, 3};
    reserve_huge(big, 1 << 20);  // 8 MB: whole 2 MB spans to advise
    CHECK(big.capacity() >= (1u << 20));
    CHECK(big == std::vector<std::uint64_t>{1, 2, 3});
    std::vector<char> small;
    reserve_huge(small, 1);
    CHECK(small.capacity() >= 1);
}
