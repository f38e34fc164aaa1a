// Random layouts of JSON documents and damaged copies of them, for the property tests of the
// fast readers (tests/support/json_scan_test.cpp, tests/problems/max_gap_test.cpp,
// tests/judging/case_files_test.cpp): fast and json readers must agree on every one.
#pragma once

#include <algorithm>
#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "support/files.hpp"

namespace algojudge::testing {

// Whitespace between tokens: none most often, else a mix of the four JSON allows.
inline std::string random_space(std::mt19937_64& rng) {
    static constexpr std::string_view kinds = " \t\n\r";
    std::string space;
    if (rng() % 2 == 0) return space;
    for (std::uint64_t n = rng() % 4; n > 0; --n)
        space += kinds[rng() % kinds.size()];
    return space;
}

// An object of the members ("key": value texts) in a random order, with random whitespace.
inline std::string random_object(std::vector<std::string> members, std::mt19937_64& rng) {
    std::shuffle(members.begin(), members.end(), rng);
    std::string text = random_space(rng) + "{";
    for (std::size_t i = 0; i < members.size(); ++i) {
        text += random_space(rng) + members[i] + random_space(rng) +
                (i + 1 < members.size() ? "," : "");
    }
    return text + "}" + random_space(rng);
}

// A number token: mostly plain integers (the int64 limits, -0, small and large), sometimes
// forms the fast readers must decline or reject (1e5, 1.0, beyond int64, leading zeros).
inline std::string random_number(std::mt19937_64& rng) {
    constexpr auto min = std::numeric_limits<std::int64_t>::min();
    constexpr auto max = std::numeric_limits<std::int64_t>::max();
    switch (rng() % 16) {
        case 0:
            return std::to_string(min);
        case 1:
            return std::to_string(max);
        case 2:
            return "-0";
        case 3:
            return "1e5";
        case 4:
            return "2.0";
        case 5:
            return "9223372036854775808";
        case 6:
            return "-9223372036854775809";
        case 7:
            return "18446744073709551615";
        case 8:
            return "007";
        case 9:
            return std::to_string(static_cast<std::int64_t>(rng()));
        default:
            return std::to_string(static_cast<std::int64_t>(rng() % 2001) - 1000);
    }
}

// `text` with a few bytes replaced, inserted or deleted, drawn from JSON's own characters.
inline std::string damage(std::string text, std::mt19937_64& rng) {
    // A NUL byte too (sizeof keeps the terminator), which every reader must refuse.
    static constexpr char raw[] = "{}[],:\"\\ -+.0123456789eEnutrfalsx\x01\xff";
    static constexpr std::string_view bytes{raw, sizeof raw};
    for (std::uint64_t n = 1 + rng() % 3; n > 0; --n) {
        const std::size_t at = text.empty() ? 0 : rng() % text.size();
        const char byte = bytes[rng() % bytes.size()];
        switch (rng() % 3) {
            case 0:
                if (!text.empty()) text[at] = byte;
                break;
            case 1:
                text.insert(text.begin() + static_cast<std::ptrdiff_t>(at), byte);
                break;
            default:
                if (!text.empty()) text.erase(at, 1);
        }
    }
    return text;
}

// The text followed by text_padding zero bytes, as the fast readers may read.
struct padded {
    explicit padded(std::string_view text) : buffer(text) { buffer.append(text_padding, '\0'); }
    std::string_view view() const { return {buffer.data(), buffer.size() - text_padding}; }
    std::string buffer;
};

}  // namespace algojudge::testing
