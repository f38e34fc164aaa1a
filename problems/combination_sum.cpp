#include "problems/combination_sum.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>
#include <map>
#include <span>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "algorithms/combination_sum.hpp"
#include "support/byte_size.hpp"
#include "support/json_input.hpp"

namespace algojudge {

namespace {

constexpr std::uint64_t default_limit = 100'000;
// Tables are linear in the target; beyond this even a single candidate's tables are absurd.
constexpr std::int64_t max_target = 100'000'000;

struct combination_sum_input {
    combination_sum_query query;
    std::uint64_t limit = default_limit;
    bool count_only = false;
};

combination_sum_input read_combination_sum_input(const json& input) {
    reject_unknown_fields(input, "input", combination_sum_fields);
    combination_sum_input parsed;
    const json& candidates =
        require_array(require_field(input, "input", "candidates"), "input.candidates");
    parsed.query.candidates.reserve(candidates.size());
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        parsed.query.candidates.push_back(
            read_int64(candidates[i], json_path("input.candidates", i), 1));
    }
    parsed.query.target =
        read_int64(require_field(input, "input", "target"), "input.target", 0, max_target);
    parsed.query.reuse = read_bool(require_field(input, "input", "reuse"), "input.reuse");
    if (const json* k = optional_field(input, "k")) parsed.query.k = read_uint64(*k, "input.k");
    if (const json* limit = optional_field(input, "limit")) {
        parsed.limit = read_uint64(*limit, "input.limit");
    }
    if (const json* count_only = optional_field(input, "count_only")) {
        parsed.count_only = read_bool(*count_only, "input.count_only");
    }
    return parsed;
}

// Refuses a table of `bytes` over the memory limit: "<needs> 2.1 GiB, over the memory limit of
// 1.0 GiB; <advice>".
void refuse_over_memory(std::string_view needs, std::uint64_t bytes, const solve_options& options,
                        std::string_view advice) {
    if (bytes <= options.memory_limit_bytes) return;
    throw input_error("input", fmt::format("{} {}, over the memory limit of {}; {}", needs,
                                           format_byte_size(bytes),
                                           format_byte_size(options.memory_limit_bytes), advice));
}

mpz_class settle_count(const combination_sum_input& parsed, const solve_options& options) {
    refuse_over_memory("counting needs a table of about", combination_count_bytes(parsed.query),
                       options, "lower the target");
    const std::uint64_t steps = combination_count_steps(parsed.query);
    if (steps > combination_count_step_limit) {
        throw input_error(
            "input", fmt::format("counting needs {} big-integer additions (distinct candidates x "
                                 "target x (k+1)), over the limit of {}; lower the target",
                                 steps, combination_count_step_limit));
    }
    const std::uint64_t limb_steps = combination_count_limb_steps(parsed.query);
    if (limb_steps > combination_count_limb_step_limit) {
        throw input_error(
            "input",
            fmt::format("counting needs about {} word additions (additions x 64-bit words per "
                        "count), over the limit of {}; lower the target or use fewer candidates",
                        limb_steps, combination_count_limb_step_limit));
    }
    const combination_count counted = count_combinations(parsed.query, options.memory_limit_bytes);
    // The budget checks above are the ones count_combinations applies.
    if (counted.refused) throw input_error("input", "counting refused: table too large");
    return counted.count;
}

json count_json(const mpz_class& count) {
    if (mpz_sizeinbase(count.get_mpz_t(), 2) <= 64) {
        std::uint64_t value = 0;
        mpz_export(&value, nullptr, -1, sizeof value, 0, 0, count.get_mpz_t());
        return value;
    }
    return count.get_str();
}

// Walks the first `limit` combinations into `sink` (a callable taking the combination and
// returning false once the output outgrows the memory limit); returns whether the list is
// truncated.
template <class Sink>
bool enumerate_into(const combination_sum_input& parsed, const mpz_class& count,
                    const solve_options& options, Sink&& sink) {
    if (parsed.limit == 0 || count == 0) return count > 0;
    refuse_over_memory("enumerating needs a table of", combination_table_bytes(parsed.query),
                       options, "lower the target or set count_only");
    std::uint64_t listed = 0;
    bool outgrown = false;
    for_each_combination(
        parsed.query,
        [&](std::span<const std::int64_t> combination) {
            if (!sink(combination)) {
                outgrown = true;
                return false;
            }
            return ++listed < parsed.limit;
        },
        options.memory_limit_bytes);
    if (outgrown) {
        throw input_error("input.limit",
                          fmt::format("the first {} combinations would need more than the memory "
                                      "limit of {}; lower the limit or set count_only",
                                      parsed.limit, format_byte_size(options.memory_limit_bytes)));
    }
    return count > listed;
}

// "7," and "42,": the text of each value below 100 with its comma, padded to four bytes.
struct small_value_text {
    char bytes[4];
    std::size_t length;
};
constexpr std::int64_t small_value_count = 100;
constexpr auto small_value_texts = [] {
    std::array<small_value_text, small_value_count> texts{};
    for (std::size_t value = 0; value < texts.size(); ++value) {
        small_value_text& text = texts[value];
        if (value >= 10) text.bytes[text.length++] = static_cast<char>('0' + value / 10);
        text.bytes[text.length++] = static_cast<char>('0' + value % 10);
        text.bytes[text.length++] = ',';
    }
    return texts;
}();

// Writes combinations as JSON arrays straight into one string, reserved up front from a bound on
// the output: reserved but untouched memory costs no page, while regrowing a string of tens of
// megabytes costs a copy and fresh page faults each time.
class combination_writer {
  public:
    combination_writer(std::string_view prefix, std::uint64_t reserve_bytes) {
        text_.reserve(static_cast<std::size_t>(reserve_bytes));
        text_ += prefix;
    }

    void add(std::span<const std::int64_t> combination) {
        char buffer[512];
        char* out = buffer;
        if (listed_++ > 0) *out++ = ',';
        *out++ = '[';
        for (std::int64_t value : combination) {
            if (out + 22 > buffer + sizeof buffer) {
                text_.append(buffer, static_cast<std::size_t>(out - buffer));
                out = buffer;
            }
            if (value < small_value_count) {  // most values: a fixed-size copy, no branches
                const small_value_text& text = small_value_texts[static_cast<std::size_t>(value)];
                std::memcpy(out, text.bytes, sizeof text.bytes);
                out += text.length;
            } else {
                out = std::to_chars(out, out + 20, value).ptr;
                *out++ = ',';
            }
        }
        if (combination.empty()) ++out;  // keep the '[' that the ']' below would overwrite
        out[-1] = ']';
        text_.append(buffer, static_cast<std::size_t>(out - buffer));
    }

    std::string& text() { return text_; }

  private:
    std::string text_;
    std::size_t listed_ = 0;
};

// An upper bound on the bytes of the combinations listed: each at most `longest` values of at
// most the largest candidate's digits, with commas and brackets; at most the memory limit.
std::uint64_t output_bound(const combination_sum_input& parsed, const mpz_class& count,
                           const solve_options& options) {
    const combination_sum_query& query = parsed.query;
    std::int64_t smallest = 0;
    std::int64_t largest = 0;
    std::uint64_t usable = 0;
    for (std::int64_t value : query.candidates) {
        if (value > query.target) continue;
        smallest = usable++ == 0 ? value : std::min(smallest, value);
        largest = std::max(largest, value);
    }
    std::uint64_t longest = smallest > 0 ? static_cast<std::uint64_t>(query.target / smallest) : 0;
    if (!query.reuse) longest = std::min(longest, usable);
    if (query.k) longest = std::min(longest, *query.k);
    const std::uint64_t per_combination = longest * (std::to_string(largest).size() + 1) + 3;
    std::uint64_t listed = parsed.limit;
    if (count < listed) listed = count.get_ui();
    std::uint64_t bound = 0;
    if (__builtin_mul_overflow(listed, per_combination, &bound)) bound = UINT64_MAX;
    return std::min(bound, options.memory_limit_bytes) + 64;
}

}  // namespace

json solve_combination_sum(const json& input, const solve_options& options) {
    const combination_sum_input parsed = read_combination_sum_input(input);
    const mpz_class count = settle_count(parsed, options);
    json output = {{"count", count_json(count)}};
    if (parsed.count_only) return output;
    json combinations = json::array();
    // A json array element costs its value (16 bytes), a vector and an allocation per element.
    std::uint64_t bytes = 0;
    const bool truncated =
        enumerate_into(parsed, count, options, [&](std::span<const std::int64_t> combination) {
            bytes += 64 + 16 * combination.size();
            if (bytes > options.memory_limit_bytes) return false;
            combinations.push_back(json::array_t(combination.begin(), combination.end()));
            return true;
        });
    output["combinations"] = std::move(combinations);
    output["truncated"] = truncated;
    return output;
}

std::string solve_combination_sum_text(const json& input, const solve_options& options) {
    const combination_sum_input parsed = read_combination_sum_input(input);
    const mpz_class count = settle_count(parsed, options);
    const std::string count_text = count_json(count).dump();
    if (parsed.count_only) return "{\"count\":" + count_text + "}";
    // The keys in the order json::dump() prints them (sorted), so both outputs are identical.
    combination_writer writer("{\"combinations\":[", output_bound(parsed, count, options));
    const bool truncated =
        enumerate_into(parsed, count, options, [&](std::span<const std::int64_t> combination) {
            if (writer.text().size() > options.memory_limit_bytes) return false;
            writer.add(combination);
            return true;
        });
    std::string& text = writer.text();
    text += "],\"count\":";
    text += count_text;
    text += truncated ? ",\"truncated\":true}" : ",\"truncated\":false}";
    return std::move(text);
}

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
    std::string problem_with(const combination& values) const {
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
                return fmt::format("uses {} {} times, but input.candidates holds it {} time{}",
                                   values[i], end - i, found->second,
                                   found->second == 1 ? "" : "s");
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
        why = allowed.problem_with(*values);
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

}  // namespace

check_result check_combination_sum(const check_args& args) {
    const combination_sum_input parsed = read_combination_sum_input(args.input);
    const allowance allowed(parsed.query);
    answer expected;
    try {
        expected = read_expected(args.expected, allowed);
    } catch (const input_error& e) {
        return check_result::bad(e.what());
    }

    std::vector<std::string> problems;
    const json* actual_count = optional_field(args.actual, "count");
    std::string count;
    try {
        count = read_count(actual_count ? *actual_count : json(), "count");
    } catch (const input_error& e) {
        return check_result::wrong(e.what());
    }
    if (count != expected.count) {
        problems.push_back(fmt::format("count: expected {}, got {}", expected.count, count));
    }
    // A complete expected list is compared as a set. A truncated one (by its limit) cannot be:
    // the program may list other combinations, or all of them. Then, as for combinations given
    // beside a count_only answer, each listed one must be valid and listed once.
    const bool complete = expected.has_combinations && !expected.truncated;
    const json* combinations = optional_field(args.actual, "combinations");
    const json* truncated = optional_field(args.actual, "truncated");
    if (complete) {
        if (truncated == nullptr || !truncated->is_boolean()) {
            problems.push_back("truncated: missing or not true/false");
        } else if (truncated->get<bool>()) {
            problems.push_back("truncated: expected false, got true");
        }
    } else if (truncated != nullptr && !truncated->is_boolean()) {
        problems.push_back("truncated: not true/false");
    }
    if (combinations == nullptr && !expected.has_combinations) {
        if (problems.empty()) return check_result::accept();
        return check_result::wrong(fmt::format("{}", fmt::join(problems, "; ")));
    }
    if (combinations == nullptr || !combinations->is_array()) {
        problems.push_back("combinations: missing or not an array");
        return check_result::wrong(fmt::format("{}", fmt::join(problems, "; ")));
    }
    std::vector<std::string> invalid;
    std::map<combination, std::size_t> seen;
    for (std::size_t i = 0; i < combinations->size(); ++i) {
        const std::string path = json_path("combinations", i);
        std::string why;
        const auto values = read_combination((*combinations)[i], why);
        if (values) why = allowed.problem_with(*values);
        if (!why.empty()) {
            invalid.push_back(fmt::format("{} {}{}", path, values ? show(*values) + " " : "", why));
            continue;
        }
        ++seen[*values];
    }
    std::vector<combination> missing;
    std::vector<combination> extra;
    if (complete) {
        for (const auto& [values, times] : expected.combinations) {
            if (seen.find(values) == seen.end()) missing.push_back(values);
        }
    }
    for (const auto& [values, times] : seen) {
        const bool expected_one = !complete || expected.combinations.count(values) > 0;
        for (std::size_t t = expected_one ? 1 : 0; t < times; ++t)
            extra.push_back(values);
    }
    if (!invalid.empty()) {
        problems.push_back(fmt::format(
            "{} invalid: {}{}", invalid.size(), invalid.front(),
            invalid.size() > 1 ? fmt::format(" (and {} more)", invalid.size() - 1) : ""));
    }
    if (!missing.empty()) {
        problems.push_back(fmt::format("{} missing: {}", missing.size(), first_few(missing)));
    }
    if (!extra.empty()) {
        problems.push_back(fmt::format("{} {}: {}", extra.size(),
                                       complete ? "extra" : "listed more than once",
                                       first_few(extra)));
    }
    if (complete && (!invalid.empty() || !missing.empty() || !extra.empty())) {
        problems.push_back(
            fmt::format("expected {} combinations, got {}", expected.listed, combinations->size()));
    }
    // A partial list that says it is complete must hold `count` combinations.
    if (!complete && problems.empty() && truncated != nullptr && !truncated->get<bool>() &&
        std::to_string(combinations->size()) != count) {
        problems.push_back(fmt::format("truncated is false, but {} of {} combinations are listed",
                                       combinations->size(), count));
    }
    if (problems.empty()) return check_result::accept();
    return check_result::wrong(fmt::format("{}", fmt::join(problems, "; ")));
}

}  // namespace algojudge
