#include "judging/generated_cases.hpp"

#include <fmt/format.h>

#include "support/errors.hpp"

namespace algojudge {

generated_case generate_case(const problem& chosen, const generator_settings& settings,
                             std::uint64_t seed, const solve_options& options) {
    generated_case made;
    made.name = fmt::format("{}-seed{}", chosen.name, seed);
    prng random(seed);
    made.input = chosen.case_generator->generate(settings, random);
    try {
        made.expected = chosen.solve(made.input, options);
    } catch (input_error& e) {
        e.within(fmt::format("generated case \"{}\"", made.name));
        throw;
    }
    return made;
}

std::string case_line(const problem& chosen, const generated_case& made) {
    // Built by hand to keep the keys in reading order; nlohmann would sort them.
    return fmt::format(R"({{"problem":{},"name":{},"input":{},"expected":{}}})",
                       json(chosen.name).dump(), json(made.name).dump(), made.input.dump(),
                       made.expected.dump());
}

}  // namespace algojudge
