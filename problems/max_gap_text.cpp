// max-gap's plain text. In: n, then the n integers. Out: the gap, optionally the two neighbours.
#include <fmt/format.h>

#include "problems/max_gap.hpp"
#include "support/text_tokens.hpp"

namespace algojudge {

namespace {

std::string render_max_gap_input(const json& input) {
    const json& nums = input.at("nums");
    return fmt::format("{}\n{}\n", nums.size(), json_words(nums));
}

json parse_max_gap_input(std::string_view text) {
    token_reader tokens(text);
    const auto n = tokens.read_int64("n, the count of numbers", 0, 100'000'000);
    json nums = json::array();
    for (std::int64_t i = 0; i < n; ++i)
        nums.push_back(tokens.read_int64(fmt::format("number {} of {}", i + 1, n)));
    tokens.expect_end("the numbers");
    return {{"nums", std::move(nums)}};
}

json parse_max_gap_output(std::string_view text, const json&) {
    token_reader tokens(text);
    json output = {{"max_gap", tokens.read_uint64("the gap")}};
    if (tokens.at_end()) return output;
    const std::int64_t low = tokens.read_int64("the lower neighbour");
    const std::int64_t high = tokens.read_int64("the upper neighbour");
    tokens.expect_end("the two neighbours");
    output["between"] = {low, high};
    return output;
}

std::string render_max_gap_output(const json& output) {
    std::string text = fmt::format("{}\n", output.at("max_gap").dump());
    const json* between = optional_field(output, "between");
    if (between != nullptr)
        text += fmt::format("{} {}\n", (*between)[0].dump(), (*between)[1].dump());
    return text;
}

}  // namespace

const text_io max_gap_text = {
    "n, then the n integers (on the next line)",
    "the gap G, optionally followed by the two neighbours a b (checked when given)",
    render_max_gap_input,
    parse_max_gap_input,
    parse_max_gap_output,
    render_max_gap_output,
};

}  // namespace algojudge
