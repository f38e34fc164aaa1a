// combination-sum's plain text. In: `n target reuse k count_only`, then the n candidates.
// Out: the count, then one combination per line (none with count_only).
#include <fmt/format.h>

#include "problems/combination_sum.hpp"
#include "support/text_tokens.hpp"

namespace algojudge {

namespace {

bool flag_of(const json& input, std::string_view key) {
    const json* value = optional_field(input, key);
    return value != nullptr && value->get<bool>();
}

std::string render_combination_sum_input(const json& input) {
    const json& candidates = input.at("candidates");
    const json* k = optional_field(input, "k");
    return fmt::format("{} {} {} {} {}\n{}\n", candidates.size(), input.at("target").dump(),
                       flag_of(input, "reuse") ? 1 : 0, k ? k->dump() : "-1",
                       flag_of(input, "count_only") ? 1 : 0, json_words(candidates));
}

json parse_combination_sum_input(std::string_view text) {
    token_reader tokens(text);
    const auto n = tokens.read_int64("n, the count of candidates", 0, 100'000'000);
    json input = {{"target", tokens.read_int64("the target", 0)}};
    input["reuse"] = tokens.read_int64("reuse (0 or 1)", 0, 1) == 1;
    const std::int64_t k = tokens.read_int64("k (-1 for any size)", -1);
    if (k >= 0) input["k"] = k;
    input["count_only"] = tokens.read_int64("count_only (0 or 1)", 0, 1) == 1;
    json candidates = json::array();
    for (std::int64_t i = 0; i < n; ++i)
        candidates.push_back(tokens.read_int64(fmt::format("candidate {} of {}", i + 1, n), 1));
    tokens.expect_end("the candidates");
    input["candidates"] = std::move(candidates);
    return input;
}

json parse_combination_sum_output(std::string_view text, const json& input) {
    token_reader tokens(text);
    const std::string digits = tokens.read_digits("the count");
    json count = digits;  // beyond 64 bits, a string of digits as in the JSON form
    if (digits.size() < 20 || (digits.size() == 20 && digits <= "18446744073709551615")) {
        count = std::stoull(digits);
    }
    json output = {{"count", std::move(count)}};
    json combinations = json::array();
    while (!tokens.at_end()) {
        const std::size_t line = tokens.next_line();
        json combination = json::array();
        while (!tokens.at_end() && tokens.next_line() == line)
            combination.push_back(tokens.read_int64("a candidate"));
        combinations.push_back(std::move(combination));
    }
    // The one combination of target 0 is empty: an empty line, which leaves no token.
    const json* target = optional_field(input, "target");
    if (combinations.empty() && target != nullptr && *target == 0 && digits == "1") {
        combinations.push_back(json::array());
    }
    if (flag_of(input, "count_only")) {
        if (!combinations.empty()) output["combinations"] = std::move(combinations);
        return output;
    }
    output["combinations"] = std::move(combinations);
    output["truncated"] = false;
    return output;
}

std::string render_combination_sum_output(const json& output) {
    const json& count = output.at("count");
    std::string text =
        fmt::format("{}\n", count.is_string() ? count.get<std::string>() : count.dump());
    if (const json* combinations = optional_field(output, "combinations")) {
        for (const json& combination : *combinations)
            text += fmt::format("{}\n", json_words(combination));
    }
    return text;
}

}  // namespace

const text_io combination_sum_text = {
    "n target reuse k count_only (reuse, count_only 0 or 1; k = -1 for any size), then the n "
    "candidates",
    "the count, then one combination per line (numbers separated by spaces, any order); with "
    "count_only 1, the count alone",
    render_combination_sum_input,
    parse_combination_sum_input,
    parse_combination_sum_output,
    render_combination_sum_output,
};

}  // namespace algojudge
