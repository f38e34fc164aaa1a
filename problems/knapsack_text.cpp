// knapsack's plain text. In: `kind n capacity fill`, then n lines `weight value [count]`.
// Out: the best value (-1: no exact fill), optionally m and m lines `item count`.
#include <fmt/format.h>

#include "problems/knapsack.hpp"
#include "support/text_tokens.hpp"

namespace algojudge {

namespace {

std::string render_knapsack_input(const json& input) {
    const json& weights = input.at("weights");
    const json& values = input.at("values");
    const json* counts = optional_field(input, "counts");
    const json* fill = optional_field(input, "fill");
    std::string text =
        fmt::format("{} {} {} {}\n", input.at("kind").get<std::string>(), weights.size(),
                    input.at("capacity").dump(), fill ? fill->get<std::string>() : "at-most");
    for (std::size_t i = 0; i < weights.size(); ++i) {
        text += fmt::format("{} {}", weights[i].dump(), values[i].dump());
        text += counts != nullptr ? fmt::format(" {}\n", (*counts)[i].dump()) : "\n";
    }
    return text;
}

json parse_knapsack_input(std::string_view text) {
    token_reader tokens(text);
    constexpr std::string_view kinds[] = {"0-1", "complete", "bounded"};
    const std::size_t kind = tokens.read_choice("the kind", {"0-1", "complete", "bounded"});
    const auto n = tokens.read_int64("n, the count of items", 0, 100'000'000);
    json input = {{"kind", kinds[kind]}, {"capacity", tokens.read_int64("the capacity", 0)}};
    input["fill"] = tokens.read_choice("the fill", {"at-most", "exact"}) == 0 ? "at-most" : "exact";
    json weights = json::array();
    json values = json::array();
    json counts = json::array();
    for (std::int64_t i = 0; i < n; ++i) {
        weights.push_back(tokens.read_int64(fmt::format("the weight of item {}", i), 0));
        values.push_back(tokens.read_int64(fmt::format("the value of item {}", i), 0));
        if (kind == 2)
            counts.push_back(tokens.read_int64(fmt::format("the count of item {}", i), 0));
    }
    tokens.expect_end("the items");
    input["weights"] = std::move(weights);
    input["values"] = std::move(values);
    if (kind == 2) input["counts"] = std::move(counts);
    return input;
}

json parse_knapsack_output(std::string_view text, const json&) {
    token_reader tokens(text);
    const std::int64_t best = tokens.read_int64("the best value (-1 when no exact fill)", -1);
    json output = {{"best_value", best < 0 ? json() : json(best)}};
    if (tokens.at_end()) return output;
    const auto m = tokens.read_int64("m, the count of chosen items", 0, 100'000'000);
    json chosen = json::array();
    for (std::int64_t k = 0; k < m; ++k) {
        const std::int64_t item =
            tokens.read_int64(fmt::format("chosen item {} of {}", k + 1, m), 0);
        const std::int64_t count = tokens.read_int64(fmt::format("the count of item {}", item), 0);
        chosen.push_back({{"item", item}, {"count", count}});
    }
    tokens.expect_end("the chosen items");
    output["chosen"] = std::move(chosen);
    return output;
}

std::string render_knapsack_output(const json& output) {
    const json& best = output.at("best_value");
    std::string text = fmt::format("{}\n", best.is_null() ? "-1" : best.dump());
    if (const json* chosen = optional_field(output, "chosen")) {
        text += fmt::format("{}\n", chosen->size());
        for (const json& entry : *chosen)
            text += fmt::format("{} {}\n", entry.at("item").dump(), entry.at("count").dump());
    }
    return text;
}

}  // namespace

const text_io knapsack_text = {
    "kind n capacity fill (kind 0-1, complete or bounded; fill at-most or exact), then n lines "
    "`weight value` (`weight value count` for bounded)",
    "the best value (-1 when an exact fill is impossible), optionally followed by m and m lines "
    "`item count` (checked when given)",
    render_knapsack_input,
    parse_knapsack_input,
    parse_knapsack_output,
    render_knapsack_output,
};

}  // namespace algojudge
