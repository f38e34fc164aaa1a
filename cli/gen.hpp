// `algojudge gen PROBLEM [--seed S] [--count K] [--out FILE | --out DIR --io text] [problem
// options]`: print seeded random cases as JSON Lines (or write a folder of NAME.in + NAME.ans),
// expected answers from the reference solver. `gen PROBLEM --help` lists the problem's own
// options. Reference: docs/gen.md.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>

#include "problems/problem.hpp"

namespace algojudge::cli {

// Generator options given on a command line, as (name without dashes, text); flags as
// "true"/"false".
using generator_option_values = std::vector<std::pair<std::string, std::string>>;

// Adds every problem's generator options to `command` (gen, stress), each name once; the
// returned function, called after parsing, gives the ones given.
std::function<generator_option_values()> add_generator_options(CLI::App& command);

// The chosen problem's settings with `given` applied; usage_error for an option of another
// problem ("--capacity is an option of knapsack, not of max-gap") or a bad value.
generator_settings check_generator_options(const problem& chosen,
                                           const generator_option_values& given);

struct gen_options {
    std::string problem;  // empty: only --help makes sense
    std::uint64_t seed = 1;
    std::uint64_t count = 1;
    std::string out;          // "" for stdout; else a .json or .jsonl file, or a folder for text
    std::string io = "json";  // "text": a folder of NAME.in + NAME.ans
    bool help = false;
    std::uint64_t memory_limit_bytes = std::uint64_t{1} << 30;
    generator_option_values given;  // the problem options given
};

void setup_gen(CLI::App& app, int& status);
int gen_main(const gen_options& options);

}  // namespace algojudge::cli
