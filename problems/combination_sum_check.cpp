// combination-sum's checker: the actual count exactly, the actual combinations as a multiset
// against the expected list (or, beside a truncated or count-only answer, each one valid and
// listed once), naming what is missing, extra or invalid.
#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "problems/combination_sum.hpp"
#include "problems/internal_combination_sum_input.hpp"
#include "support/counted.hpp"
#include "support/json_input.hpp"

namespace algojudge {

namespace {

// A count as a canonical decimal string: a JSON unsigned integer, or a string of digits
// without leading zeros (how counts beyond 64 bits are written).
std::string read_count(const json& value, const std::string& path) {
    if (value.is_number_unsigned() ||
        (value.is_number_integer() && value.get<std::int64_t>() >= 0)) {
        return std::to_string(value.get<std::uint64_t>());
    }
    if (value.is_string()) {
        const auto& text = value.get_ref<const std::string&>();
        const bool digits = !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
            return c >= '0' && c <= '9';
        });
        if (digits && (text.size() == 1 || text[0] != '0')) return text;
    }
    throw_expected(path, "a non-negative integer or a string of decimal digits", value);
}

using combination = std::vector<std::int64_t>;

// "[1,2,5]"; a long combination as "[2,2,2,2,2,2,2,2,...,3] (287 elements)".
std::string show(const combination& values) {
    constexpr std::size_t shown = 8;
    if (values.size() <= 2 * shown) return fmt::format("[{}]", fmt::join(values, ","));
    return fmt::format("[{},...,{}] ({} elements)",
                       fmt::join(values.begin(), values.begin() + shown, ","), values.back(),
                       values.size());
}

// What the input allows: each candidate value with its number of copies.
struct allowance {
    std::map<std::int64_t, std::uint64_t> copies;
    std::int64_t target = 0;
    bool reuse = false;
    std::optional<std::uint64_t> k;

    explicit allowance(const combination_sum_query& query)
        : target(query.target), reuse(query.reuse), k(query.k) {
        for (std::int64_t value : query.candidates)
            ++copies[value];
    }

    // Why `values` (ascending) is not a combination of the input, or "" when it is one.
    std::string defect_in(const combination& values) const {
        if (k && values.size() != *k) {
            return fmt::format("has {} elements, not k = {}", values.size(), *k);
        }
        __int128 sum = 0;  // values are candidates here, at most 2^63 each: no overflow
        for (std::size_t i = 0; i < values.size();) {
            std::size_t end = i;
            while (end < values.size() && values[end] == values[i])
                ++end;
            const auto found = copies.find(values[i]);
            if (found == copies.end()) {
                return fmt::format("uses {}, which is not in input.candidates", values[i]);
            }
            if (!reuse && end - i > found->second) {
                return fmt::format("uses {} {} times, but input.candidates holds it {}", values[i],
                                   end - i, counted(found->second, "time"));
            }
            sum += static_cast<__int128>(values[i]) * static_cast<__int128>(end - i);
            i = end;
        }
        if (sum > INT64_MAX)
            return fmt::format("sums to more than 2^63, not the target {}", target);
        if (sum != target) {
            return fmt::format("sums to {}, not the target {}", static_cast<std::int64_t>(sum),
                               target);
        }
        return "";
    }
};

// A combination read as sorted integers; nullopt (and `why`) when it is not an array of them.
std::optional<combination> read_combination(const json& value, std::string& why) {
    if (!value.is_array()) {
        why = fmt::format("is {}, not an array of integers", json_kind(value));
        return std::nullopt;
    }
    combination values;
    values.reserve(value.size());
    for (const json& element : value) {
        if (!element.is_number_integer() ||
            (element.is_number_unsigned() &&
             element.get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX))) {
            why = fmt::format("{} holds {}, not a 64-bit integer", json_brief(value),
                              json_brief(element));
            return std::nullopt;
        }
        values.push_back(element.get<std::int64_t>());
    }
    std::sort(values.begin(), values.end());
    return values;
}

struct answer {
    std::string count;
    bool has_combinations = false;
    std::map<combination, std::size_t> combinations;  // each with how often it is listed
    std::size_t listed = 0;
    bool truncated = false;
};

// The expected answer; input_error (a bad case file) when it is malformed or contradicts itself.
answer read_expected(const json& expected, const allowance& allowed) {
    reject_unknown_fields(expected, "expected", {"count", "combinations", "truncated"});
    answer result;
    result.count = read_count(require_field(expected, "expected", "count"), "expected.count");
    if (const json* truncated = optional_field(expected, "truncated")) {
        result.truncated = read_bool(*truncated, "expected.truncated");
    }
    const json* combinations = optional_field(expected, "combinations");
    if (combinations == nullptr) return result;
    require_array(*combinations, "expected.combinations");
    result.has_combinations = true;
    for (std::size_t i = 0; i < combinations->size(); ++i) {
        const std::string path = json_path("expected.combinations", i);
        std::string why;
        const auto values = read_combination((*combinations)[i], why);
        if (!values) throw input_error(path, why);
        why = allowed.defect_in(*values);
        if (!why.empty()) throw input_error(path, fmt::format("{} {}", show(*values), why));
        if (++result.combinations[*values] > 1) {
            throw input_error(path, fmt::format("{} is listed twice", show(*values)));
        }
    }
    result.listed = combinations->size();
    if (!result.truncated && result.count != std::to_string(result.listed)) {
        throw input_error("expected.count",
                          fmt::format("is {}, but expected.combinations lists {} and truncated "
                                      "is false",
                                      result.count, result.listed));
    }
    return result;
}

// "[1,2,5], [2,6] and 3 more": the first few of a list.
std::string first_few(const std::vector<combination>& list) {
    constexpr std::size_t shown = 5;
    std::vector<std::string> parts;
    for (std::size_t i = 0; i < list.size() && i < shown; ++i)
        parts.push_back(show(list[i]));
    std::string text = fmt::format("{}", fmt::join(parts, ", "));
    if (list.size() > shown) text += fmt::format(" and {} more", list.size() - shown);
    return text;
}

// Accepted when nothing differs; otherwise each difference, in the order found.
check_result verdict_of(const std::vector<std::string>& defects) {
    if (defects.empty()) return check_result::accept();
    return check_result::wrong(fmt::format("{}", fmt::join(defects, "; ")));
}

// `truncated` must be false beside a complete expected list, and true/false if given at all.
void check_truncated_flag(const json* truncated, bool complete, std::vector<std::string>& defects) {
    if (complete) {
        if (truncated == nullptr || !truncated->is_boolean()) {
            defects.push_back("truncated: missing or not true/false");
        } else if (truncated->get<bool>()) {
            defects.push_back("truncated: expected false, got true");
        }
    } else if (truncated != nullptr && !truncated->is_boolean()) {
        defects.push_back("truncated: not true/false");
    }
}

// The actual combinations read against the input: each invalid one described by its path, each
// valid one counted.
struct listing {
    std::vector<std::string> invalid;
    std::map<combination, std::size_t> seen;  // each valid combination with how often it is listed
};

listing read_listing(const json& combinations, const allowance& allowed) {
    listing listed;
    for (std::size_t i = 0; i < combinations.size(); ++i) {
        const std::string path = json_path("combinations", i);
        std::string why;
        const auto values = read_combination(combinations[i], why);
        if (values) why = allowed.defect_in(*values);
        if (!why.empty()) {
            listed.invalid.push_back(
                fmt::format("{} {}{}", path, values ? show(*values) + " " : "", why));
            continue;
        }
        ++listed.seen[*values];
    }
    return listed;
}

// What the listing holds that is invalid, and (against a complete expected list) what it misses
// and adds; against a partial one, what it lists more than once. `size`: entries listed.
void compare_listing(const listing& listed, const answer& expected, bool complete, std::size_t size,
                     std::vector<std::string>& defects) {
    std::vector<combination> missing;
    std::vector<combination> extra;
    if (complete) {
        for (const auto& [values, times] : expected.combinations) {
            if (listed.seen.find(values) == listed.seen.end()) missing.push_back(values);
        }
    }
    for (const auto& [values, times] : listed.seen) {
        const bool expected_one = !complete || expected.combinations.count(values) > 0;
        for (std::size_t t = expected_one ? 1 : 0; t < times; ++t)
            extra.push_back(values);
    }
    const std::vector<std::string>& invalid = listed.invalid;
    if (!invalid.empty()) {
        defects.push_back(fmt::format(
            "{} invalid: {}{}", invalid.size(), invalid.front(),
            invalid.size() > 1 ? fmt::format(" (and {} more)", invalid.size() - 1) : ""));
    }
    if (!missing.empty()) {
        defects.push_back(fmt::format("{} missing: {}", missing.size(), first_few(missing)));
    }
    if (!extra.empty()) {
        defects.push_back(fmt::format("{} {}: {}", extra.size(),
                                      complete ? "extra" : "listed more than once",
                                      first_few(extra)));
    }
    if (complete && (!invalid.empty() || !missing.empty() || !extra.empty())) {
        defects.push_back(fmt::format("expected {} combinations, got {}", expected.listed, size));
    }
}

}  // namespace

check_result check_combination_sum(const check_args& args) {
    const allowance allowed(detail::read_combination_sum_input(args.input).query);
    answer expected;
    try {
        expected = read_expected(args.expected, allowed);
    } catch (const input_error& e) {
        return check_result::bad(e.what());
    }

    std::vector<std::string> defects;
    const json* actual_count = optional_field(args.actual, "count");
    std::string count;
    try {
        count = read_count(actual_count ? *actual_count : json(), "count");
    } catch (const input_error& e) {
        return check_result::wrong(e.what());
    }
    if (count != expected.count) {
        defects.push_back(fmt::format("count: expected {}, got {}", expected.count, count));
    }
    // A complete expected list is compared as a set. A truncated one (by its limit) cannot be:
    // the program may list other combinations, or all of them. Then, as for combinations given
    // beside a count_only answer, each listed one must be valid and listed once.
    const bool complete = expected.has_combinations && !expected.truncated;
    const json* combinations = optional_field(args.actual, "combinations");
    const json* truncated = optional_field(args.actual, "truncated");
    check_truncated_flag(truncated, complete, defects);
    if (combinations == nullptr && !expected.has_combinations) return verdict_of(defects);
    if (combinations == nullptr || !combinations->is_array()) {
        defects.push_back("combinations: missing or not an array");
        return verdict_of(defects);
    }
    compare_listing(read_listing(*combinations, allowed), expected, complete, combinations->size(),
                    defects);
    // A partial list that says it is complete must hold `count` combinations.
    if (!complete && defects.empty() && truncated != nullptr && !truncated->get<bool>() &&
        std::to_string(combinations->size()) != count) {
        defects.push_back(fmt::format("truncated is false, but {} of {} combinations are listed",
                                      combinations->size(), count));
    }
    return verdict_of(defects);
}

}  // namespace algojudge
