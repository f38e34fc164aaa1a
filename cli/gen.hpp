// `algojudge gen PROBLEM [--seed S] [--count K] [--out FILE] [problem options]`: print seeded
// random cases as JSON Lines, expected answers from the reference solver. `gen PROBLEM --help`
// lists the problem's own options. Reference: docs/gen.md.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>

namespace algojudge::cli {

struct gen_options {
    std::string problem;  // empty: only --help makes sense
    std::uint64_t seed = 1;
    std::uint64_t count = 1;
    std::string out;  // "" for stdout; else a .json or .jsonl file
    bool help = false;
    std::uint64_t memory_limit_bytes = std::uint64_t{1} << 30;
    // The problem options given, as (name without dashes, text); flags as "true"/"false".
    std::vector<std::pair<std::string, std::string>> given;
};

void setup_gen(CLI::App& app, int& status);
int gen_main(const gen_options& options);

}  // namespace algojudge::cli
