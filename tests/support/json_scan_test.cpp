#include "support/json_scan.hpp"

#include <random>
#include <string>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "json_layout_fixtures.hpp"

using algojudge::split_json_array;
using algojudge::split_json_object;
using json = nlohmann::json;

TEST_CASE("split_json_object: empty, nested, strings with brackets, and what it declines") {
    CHECK(split_json_object(" {} ")->empty());
    const auto members = split_json_object(R"({"a": {"b": [1, "]}"]}, "c" : "x\"}", "d":-1e5})");
    REQUIRE(members);
    REQUIRE(members->size() == 3);
    CHECK((*members)[0].key == "a");
    CHECK((*members)[0].value == R"({"b": [1, "]}"]})");
    CHECK((*members)[1].value == R"("x\"}")");
    CHECK((*members)[2].value == "-1e5");
    for (const char* declined :
         {"", "[]", "{", R"({"a": 1, "a": 2})", R"({"\u0061": 1})", R"({"a": 1} x)", R"({"a": 1,})",
          R"({"a" 1})", R"({"a": })", R"({"a": [1})", "\xef\xbb\xbf{}"}) {
        CAPTURE(declined);
        CHECK(!split_json_object(declined));
    }
}

TEST_CASE("split_json_array: elements as text") {
    CHECK(split_json_array("[]")->empty());
    const auto elements = split_json_array(R"([ {"a": [1]} ,2,"]" ])");
    REQUIRE(elements);
    REQUIRE(elements->size() == 3);
    CHECK((*elements)[0] == R"({"a": [1]})");
    CHECK((*elements)[2] == R"("]")");
    CHECK(!split_json_array("[1,]"));
    CHECK(!split_json_array("[1] [2]"));
}

TEST_CASE("split_json_object: a long value's brackets, braces and quotes at every offset") {
    // The scan skips eight bytes at a time where none of them can be structure: each kind of
    // structural byte, at each place in such a block, must still be seen.
    for (const std::string inner : {"[2]", "{}", R"("s")", R"("[")", R"("\"]")"}) {
        for (std::size_t before = 0; before < 20; ++before) {
            std::string value = "[" + std::string(before, '1');
            value += "," + inner + "," + std::string(17, '3') + "]";
            const std::string text = R"({"input": )" + value + R"(, "name": "x"})";
            CAPTURE(text);
            const auto members = split_json_object(text);
            REQUIRE(members);
            REQUIRE(members->size() == 2);
            CHECK((*members)[0].value == value);
            CHECK((*members)[1].value == R"("x")");
            const std::string unclosed = R"({"input": )" + value.substr(0, value.size() - 1) + "}";
            CHECK(!split_json_object(unclosed));
        }
    }
}

TEST_CASE("split_json_object: valid pieces make a valid whole, on random and damaged documents") {
    std::mt19937_64 rng(7);
    using algojudge::testing::random_space;
    int split = 0;
    for (int round = 0; round < 20000; ++round) {
        std::string text = random_space(rng) + "{";
        const std::uint64_t count = rng() % 4;
        for (std::uint64_t i = 0; i < count; ++i) {
            static constexpr const char* values[] = {
                R"({"x": [1, "}"]})", "[]", R"("a\"b")", "null", "-0", "1e5", "[[{}]]", "true"};
            text += random_space(rng) + "\"k" + std::to_string(rng() % 5) + "\"" +
                    random_space(rng) + ":" + random_space(rng) + values[rng() % 8] +
                    random_space(rng) + (i + 1 < count ? "," : "");
        }
        text += '}';
        text += random_space(rng);
        if (round % 2 == 1) text = algojudge::testing::damage(text, rng);
        CAPTURE(text);
        const auto members = split_json_object(text);
        if (!members) continue;
        json rebuilt = json::object();
        bool pieces_valid = true;
        for (const auto& member : *members) {
            try {
                rebuilt[std::string(member.key)] = json::parse(member.value);
            } catch (const json::exception&) {
                pieces_valid = false;
            }
        }
        if (!pieces_valid) continue;
        ++split;
        json whole;
        REQUIRE_NOTHROW(whole = json::parse(text));
        CHECK(whole == rebuilt);
    }
    CHECK(split > 2000);
}
