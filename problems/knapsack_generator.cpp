// The knapsack generator: n items of random weight and value, a capacity (docs/gen.md).
#include <vector>

#include "problems/knapsack.hpp"

namespace algojudge {

namespace {

constexpr generator_option knapsack_options[] = {
    {"kind", option_kind::choice, "0-1",
     "0-1: each item at most once; complete: any number of times; bounded: up to its count",
     "0-1|complete|bounded"},
    {"n", option_kind::integer, "8", "how many items", {}, 0, 10000, true},
    {"capacity", option_kind::integer, "50", "the knapsack's capacity", {}, 0, 10000000, true},
    {"max-weight",
     option_kind::integer,
     "20",
     "heaviest item; each weighs from 1 to this",
     {},
     1,
     1000000000,
     true},
    {"max-value",
     option_kind::integer,
     "100",
     "most valuable item; each is worth 0 to this",
     {},
     0,
     1000000000,
     true},
    {"max-count",
     option_kind::integer,
     "4",
     "bounded only: each count is from 0 to this",
     {},
     0,
     1000000,
     true},
    {"fill", option_kind::choice, "at-most",
     "at-most: total weight up to the capacity; exact: equal to it", "at-most|exact"},
};

json generate_knapsack(const generator_settings& settings, prng& random) {
    const auto n = static_cast<std::size_t>(settings.integer("n"));
    const std::string_view kind = settings.choice("kind");
    std::vector<std::int64_t> weights;
    std::vector<std::int64_t> values;
    std::vector<std::int64_t> counts;
    for (std::size_t i = 0; i < n; ++i) {
        // Weights start at 1: a weightless valuable item makes a complete knapsack unbounded.
        weights.push_back(random.between(1, settings.integer("max-weight")));
        values.push_back(random.between(0, settings.integer("max-value")));
        if (kind == "bounded") counts.push_back(random.between(0, settings.integer("max-count")));
    }
    json input = {{"kind", kind},
                  {"capacity", settings.integer("capacity")},
                  {"weights", weights},
                  {"values", values},
                  {"fill", settings.choice("fill")}};
    if (kind == "bounded") input["counts"] = counts;
    return input;
}

}  // namespace

const generator knapsack_generator{knapsack_options, generate_knapsack};

}  // namespace algojudge
