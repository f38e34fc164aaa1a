#include "support/json_scan.hpp"

#include <charconv>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "json_layout_fixtures.hpp"

using algojudge::read_plain_int64_array;
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

namespace {

// The reference for read_plain_int64_array: every token between the brackets read by
// std::from_chars, and the same rules (no leading zero, no fraction or exponent, int64 range).
std::optional<std::vector<std::int64_t>> plain_integers(const std::string& inner) {
    std::vector<std::int64_t> values;
    std::size_t at = 0;
    const auto space = [&] {
        while (at < inner.size() && algojudge::is_json_space(inner[at]))
            ++at;
    };
    space();
    if (at == inner.size()) return values;
    for (;;) {
        const std::size_t start = at;
        if (at < inner.size() && inner[at] == '-') ++at;
        const std::size_t digits = at;
        while (at < inner.size() && inner[at] >= '0' && inner[at] <= '9')
            ++at;
        if (at == digits || (at - digits > 1 && inner[digits] == '0')) return std::nullopt;
        std::int64_t value = 0;
        const auto [end, error] = std::from_chars(inner.data() + start, inner.data() + at, value);
        if (error != std::errc() || end != inner.data() + at) return std::nullopt;
        values.push_back(value);
        space();
        if (at == inner.size()) return values;
        if (inner[at] != ',') return std::nullopt;
        ++at;
        space();
    }
}

}  // namespace

TEST_CASE("read_plain_int64_array: every length of number, the edges, and what it declines") {
    // Eight digits are read at a time: lengths around 8 and 16, the int64 ends, and numbers
    // cut by the end of the text, where fewer than eight bytes remain.
    const std::vector<std::string> samples = {"[]",
                                              "[0]",
                                              "[-0]",
                                              "[7]",
                                              "[12345678]",
                                              "[123456789]",
                                              "[1234567812345678]",
                                              "[12345678123456789]",
                                              "[9223372036854775807]",
                                              "[-9223372036854775808]",
                                              "[9223372036854775808]",
                                              "[-9223372036854775809]",
                                              "[99999999999999999999]",
                                              "[1234567890123456789]",
                                              "[12345678901234567890]",
                                              "[01]",
                                              "[00000000]",
                                              "[1.5]",
                                              "[12345678.5]",
                                              "[12345678e3]",
                                              "[1,2 , 3\n,4]",
                                              "[1,]",
                                              "[,1]",
                                              "[1 2]",
                                              "[+1]",
                                              "[--1]",
                                              "[-]",
                                              "[1]x",
                                              "[123456781234567812345678]",
                                              "[\"1\"]",
                                              "[1a]"};
    for (const std::string& text : samples) {
        CAPTURE(text);
        std::vector<std::int64_t> values;
        const std::size_t end = read_plain_int64_array(text, 0, values);
        const std::size_t close = text.rfind(']');
        const auto expected = plain_integers(text.substr(1, close - 1));
        if (expected) {
            CHECK(end == close + 1);
            CHECK(values == *expected);
        } else {
            CHECK(end == std::string::npos);
        }
    }
}

TEST_CASE("read_plain_int64_array: random numbers of every length against std::from_chars") {
    std::mt19937_64 random(20261202);
    for (int round = 0; round < 2000; ++round) {
        std::string text = "[";
        const int count = static_cast<int>(random() % 12);
        for (int k = 0; k < count; ++k) {
            if (k > 0) text += random() % 3 == 0 ? " , " : ",";
            if (random() % 2) text += '-';
            const int digits = 1 + static_cast<int>(random() % 20);
            for (int d = 0; d < digits; ++d)
                text += static_cast<char>('0' + random() % 10);
            if (random() % 40 == 0) text += random() % 2 ? ".5" : "e1";
        }
        text += "]";
        CAPTURE(text);
        std::vector<std::int64_t> values;
        const std::size_t end = read_plain_int64_array(text, 0, values);
        const auto expected = plain_integers(text.substr(1, text.size() - 2));
        if (expected) {
            CHECK(end == text.size());
            CHECK(values == *expected);
        } else {
            CHECK(end == std::string::npos);
        }
    }
}
