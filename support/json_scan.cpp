#include "support/json_scan.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace algojudge {

namespace {

std::size_t skip_space(std::string_view text, std::size_t at) {
    while (at < text.size() && is_json_space(text[at]))
        ++at;
    return at;
}

bool is_scalar_byte(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' ||
           c == '+' || c == '.';
}

// The end of the string whose opening quote is at `at`; npos when it does not end.
std::size_t string_end(std::string_view text, std::size_t at) {
    for (std::size_t i = at + 1; i < text.size(); ++i) {
        if (text[i] == '\\') {
            ++i;
        } else if (text[i] == '"') {
            return i + 1;
        }
    }
    return std::string_view::npos;
}

// False when none of the 8 bytes at `p` is a quote, bracket or brace; true may be a false alarm
// (a control byte), which only sends the caller to look byte by byte. A byte | 0x20 is '{' for
// '[' and '{', '}' for ']' and '}', '"' for '"' (and 0x02); a zero byte of x ^ c is found by the
// usual (v - 0x01..) & ~v & 0x80.. test, exact for "some byte is zero".
bool may_hold_structure(const char* p) {
    constexpr std::uint64_t ones = 0x0101010101010101u;
    constexpr std::uint64_t highs = 0x8080808080808080u;
    std::uint64_t bytes = 0;
    std::memcpy(&bytes, p, sizeof bytes);
    bytes |= 0x20 * ones;
    auto has = [bytes](char c) {
        const std::uint64_t v = bytes ^ (static_cast<std::uint64_t>(c) * ones);
        return ((v - ones) & ~v & highs) != 0;
    };
    return has('{') || has('}') || has('"');
}

// The first position from `i` where a quote, bracket or brace may stand, looking 32 bytes at a
// time with SSE2 (the x86-64 baseline) where there is one, then 8 at a time: long runs of
// numbers (a case's input) cost a few instructions per 32 bytes. May stop early (a control
// byte, as may_hold_structure), never late.
std::size_t skip_plain_bytes(std::string_view text, std::size_t i) {
#if defined(__SSE2__)
    const __m128i case_bit = _mm_set1_epi8(0x20);
    const __m128i open = _mm_set1_epi8('{'), close = _mm_set1_epi8('}'), quote = _mm_set1_epi8('"');
    const auto structure = [&](const char* p) {
        const __m128i bytes =
            _mm_or_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)), case_bit);
        const __m128i hits =
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(bytes, open), _mm_cmpeq_epi8(bytes, close)),
                         _mm_cmpeq_epi8(bytes, quote));
        return _mm_movemask_epi8(hits) != 0;
    };
    while (text.size() - i >= 32 && !structure(text.data() + i) &&
           !structure(text.data() + i + 16)) {
        i += 32;
    }
#endif
    while (text.size() - i >= 8 && !may_hold_structure(text.data() + i))
        i += 8;
    return i;
}

// The end of the value starting at `at` (not whitespace): brackets matched, strings skipped,
// a scalar run to the next delimiter. npos when a bracket or string does not close.
std::size_t value_end(std::string_view text, std::size_t at) {
    if (at >= text.size()) return std::string_view::npos;
    if (text[at] == '"') return string_end(text, at);
    if (text[at] != '{' && text[at] != '[') {
        // A scalar runs over the bytes numbers and literals are made of; anything else (a NUL,
        // a control character) ends it where the caller then finds no delimiter.
        std::size_t i = at;
        while (i < text.size() && is_scalar_byte(text[i]))
            ++i;
        return i;
    }
    std::size_t depth = 0;
    for (std::size_t i = at; i < text.size(); ++i) {
        i = skip_plain_bytes(text, i);
        if (i >= text.size()) break;
        const char c = text[i];
        if (c == '"') {
            i = string_end(text, i);
            if (i == std::string_view::npos) return i;
            --i;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (--depth == 0) return i + 1;
        }
    }
    return std::string_view::npos;
}

// Calls `each(at)` with the position of every item of the object or array opened at text[0]
// (after whitespace); `each` returns the position after its item, or npos to give up.
template <class Each>
bool for_each_item(std::string_view text, char open, char close, Each each) {
    std::size_t at = skip_space(text, 0);
    if (at >= text.size() || text[at] != open) return false;
    at = skip_space(text, at + 1);
    if (at < text.size() && text[at] == close) return skip_space(text, at + 1) == text.size();
    while (true) {
        at = each(at);
        if (at == std::string_view::npos) return false;
        at = skip_space(text, at);
        if (at >= text.size()) return false;
        if (text[at] == close) return skip_space(text, at + 1) == text.size();
        if (text[at] != ',') return false;
        at = skip_space(text, at + 1);
    }
}

constexpr std::uint64_t byte_ones = 0x0101010101010101u;

// How many of the 8 bytes at `p` are ASCII digits before the first one that is not (0 to 8).
std::size_t leading_digits(const char* p) {
    std::uint64_t bytes = 0;
    std::memcpy(&bytes, p, sizeof bytes);
    // A byte is a digit when its high nibble is 3 and adding 6 keeps it there; a non-digit
    // byte's +6 may carry into the next byte, which is then past the first non-digit anyway.
    const std::uint64_t high_nibbles = 0xF0F0F0F0F0F0F0F0u, threes = 0x30 * byte_ones;
    const std::uint64_t not_digit =
        ((bytes & high_nibbles) ^ threes) | (((bytes + 6 * byte_ones) & high_nibbles) ^ threes);
    if (not_digit == 0) return 8;
    // Little-endian: the first byte in memory is the lowest.
    return static_cast<std::size_t>(__builtin_ctzll(not_digit)) / 8;
}

// The value of the `count` (1 to 8) digits at `p`: shifted to the end of a word of '0's, then
// the usual SWAR sums of pairs, quads and the two halves.
std::uint64_t eight_digits_value(const char* p, std::size_t count) {
    std::uint64_t bytes = 0;
    std::memcpy(&bytes, p, sizeof bytes);
    if (count < 8) {
        bytes = (bytes << (8 * (8 - count))) | ((0x30 * byte_ones) >> (8 * count));
    }
    bytes -= 0x30 * byte_ones;
    bytes = (bytes * 10 + (bytes >> 8)) & 0x00FF00FF00FF00FFu;
    bytes = (bytes * 100 + (bytes >> 16)) & 0x0000FFFF0000FFFFu;
    return (bytes * 10000 + (bytes >> 32)) & 0xFFFFFFFFu;
}

constexpr std::uint64_t powers_of_ten[9] = {1,      10,      100,      1000,     10000,
                                            100000, 1000000, 10000000, 100000000};

// Reads one integer at text[at...]; false when it is not a plain int64 (sign, digits without a
// leading zero, then a delimiter).
bool read_plain_int64(std::string_view text, std::size_t& at, std::int64_t& value) {
    const bool negative = at < text.size() && text[at] == '-';
    std::size_t i = at + (negative ? 1 : 0);
    const std::size_t first = i;
    std::uint64_t magnitude = 0;
    // Eight digits at a time while eight bytes are there, then one at a time; 19 digits always
    // fit in a uint64 (more are refused), the range check below catches the rest.
    while (text.size() - i >= 8) {
        const std::size_t count = leading_digits(text.data() + i);
        if (count == 0) break;
        if (i + count - first > 19) return false;
        magnitude = magnitude * powers_of_ten[count] + eight_digits_value(text.data() + i, count);
        i += count;
        if (count < 8) break;
    }
    while (i < text.size() && i - first < 20 && text[i] >= '0' && text[i] <= '9') {
        magnitude = magnitude * 10 + static_cast<std::uint64_t>(text[i] - '0');
        ++i;
    }
    const std::size_t digits = i - first;
    if (digits == 0 || digits > 19 || (digits > 1 && text[first] == '0')) return false;
    if (i < text.size() && (text[i] == '.' || text[i] == 'e' || text[i] == 'E')) return false;
    constexpr auto limit = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
    if (magnitude > limit + (negative ? 1 : 0)) return false;
    value =
        negative ? static_cast<std::int64_t>(0 - magnitude) : static_cast<std::int64_t>(magnitude);
    at = i;
    return true;
}

}  // namespace

std::optional<std::vector<raw_member>> split_json_object(std::string_view text) {
    std::vector<raw_member> members;
    const bool plain = for_each_item(text, '{', '}', [&](std::size_t at) {
        if (members.size() == max_split_members || at >= text.size() || text[at] != '"') {
            return std::string_view::npos;
        }
        const std::size_t key_end = text.find_first_of("\\\"", at + 1);
        if (key_end == std::string_view::npos || text[key_end] != '"') return key_end;
        const std::string_view key = text.substr(at + 1, key_end - at - 1);
        // Plain keys are printable ASCII: control characters are invalid in JSON strings, and
        // other bytes would need a UTF-8 check; leave both to the validating reader.
        if (std::any_of(key.begin(), key.end(), [](char c) { return c < 0x20 || c > 0x7e; }) ||
            std::any_of(members.begin(), members.end(),
                        [&](const raw_member& m) { return m.key == key; })) {
            return std::string_view::npos;
        }
        at = skip_space(text, key_end + 1);
        if (at >= text.size() || text[at] != ':') return std::string_view::npos;
        at = skip_space(text, at + 1);
        const std::size_t end = value_end(text, at);
        if (end == std::string_view::npos || end == at) return std::string_view::npos;
        members.push_back({key, text.substr(at, end - at)});
        return end;
    });
    if (!plain) return std::nullopt;
    return members;
}

std::size_t json_nesting(std::string_view text) {
    std::size_t depth = 0;
    std::size_t deepest = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (c == '\\') {
                ++i;
            } else if (c == '"') {
                in_string = false;
            }
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            deepest = std::max(deepest, ++depth);
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return deepest;
}

std::optional<std::vector<std::string_view>> split_json_array(std::string_view text) {
    std::vector<std::string_view> elements;
    const bool plain = for_each_item(text, '[', ']', [&](std::size_t at) {
        const std::size_t end = value_end(text, at);
        if (end == std::string_view::npos || end == at) return std::string_view::npos;
        elements.push_back(text.substr(at, end - at));
        return end;
    });
    if (!plain) return std::nullopt;
    return elements;
}

std::size_t read_plain_int64_array(std::string_view text, std::size_t at,
                                   std::vector<std::int64_t>& values) {
    constexpr std::size_t fail = std::string_view::npos;
    auto space = [&] {
        while (at < text.size() && is_json_space(text[at]))
            ++at;
    };
    if (at >= text.size() || text[at] != '[') return fail;
    ++at;
    // A number takes at least two bytes ("7,"): room for that many costs address space only
    // (untouched pages), and spares the copies of a growing vector.
    values.reserve(values.size() + (text.size() - at) / 2 + 1);
    space();
    if (at < text.size() && text[at] == ']') return at + 1;
    while (true) {
        std::int64_t value = 0;
        if (!read_plain_int64(text, at, value)) return fail;
        values.push_back(value);
        space();
        if (at >= text.size()) return fail;
        if (text[at++] == ']') return at;
        if (text[at - 1] != ',') return fail;
        space();
    }
}

}  // namespace algojudge
