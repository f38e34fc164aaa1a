// The combination-sum generator: candidates from 1 to --max-candidate, a target (docs/gen.md).
#include <vector>

#include "problems/combination_sum.hpp"

namespace algojudge {

namespace {

constexpr generator_option combination_sum_options[] = {
    {"candidates",
     option_kind::integer,
     "6",
     "how many candidates (duplicates may occur)",
     {},
     0,
     1000,
     true},
    {"max-candidate",
     option_kind::integer,
     "10",
     "largest candidate; each is from 1 to this",
     {},
     1,
     100000,
     true},
    {"target",
     option_kind::integer,
     "15",
     "the target every combination adds up to",
     {},
     0,
     100000,
     true},
    {"reuse", option_kind::flag, "false", "each candidate may be used any number of times"},
    {"k",
     option_kind::integer,
     "-1",
     "only combinations of exactly k numbers; -1 for any length",
     {},
     -1,
     1000},
};

json generate_combination_sum(const generator_settings& settings, prng& random) {
    const std::int64_t count = settings.integer("candidates");
    const std::int64_t largest = settings.integer("max-candidate");
    std::vector<std::int64_t> candidates;
    candidates.reserve(static_cast<std::size_t>(count));
    for (std::int64_t i = 0; i < count; ++i)
        candidates.push_back(random.between(1, largest));
    json input = {{"candidates", candidates},
                  {"target", settings.integer("target")},
                  {"reuse", settings.flag("reuse")}};
    if (settings.integer("k") >= 0) input["k"] = settings.integer("k");
    return input;
}

}  // namespace

const generator combination_sum_generator{combination_sum_options, generate_combination_sum};

}  // namespace algojudge
