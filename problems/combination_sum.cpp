#include "problems/combination_sum.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>
#include <span>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "algorithms/combination_sum.hpp"
#include "problems/internal_combination_sum_input.hpp"
#include "support/byte_size.hpp"
#include "support/json_input.hpp"

namespace algojudge {

// Tables are linear in the target; beyond this even a single candidate's tables are absurd.
constexpr std::int64_t max_target = 100'000'000;

namespace detail {

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

}  // namespace detail

namespace {

using detail::combination_sum_input;
using detail::read_combination_sum_input;

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

}  // namespace algojudge
