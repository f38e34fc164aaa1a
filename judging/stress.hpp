// Description: stress testing (algojudge stress): generate case after case with a problem's
// generator, sizes growing from tiny, run the user's program on each exactly as judge does
// (judge_program_case: same I/O, limits and verdicts), stop at the first case not accepted,
// then shrink it (judging/shrink.hpp) while it still gets the same verdict. Cases run on
// several threads; the failure reported is the one of the lowest case number, whatever the
// scheduling, since every lower case has started (and is awaited) before any higher one.
// Reference: docs/stress.md.
// Status: tested end to end with planted bugs in tests/cli/stress_tests.cmake; case settings
// in tests/judging/stress_test.cpp.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "judging/run_program.hpp"
#include "judging/shrink.hpp"
#include "problems/problem.hpp"

namespace algojudge {

// The cases run so far, for a progress line.
struct stress_progress {
    std::uint64_t cases_run = 0;
    double seconds = 0;
    std::string sizes;  // the sizes of the latest case: "n 7"
};

struct stress_settings {
    const problem* chosen = nullptr;
    // Generator options given on the command line, as (name, text). Size options given are the
    // upper bounds of the sizes; other options given are fixed; choices and flags not given
    // vary from case to case.
    std::vector<std::pair<std::string, std::string>> given;
    std::vector<std::string> command;
    program_options program;
    std::uint64_t seed = 1;
    std::uint64_t iterations = 0;  // 0: no limit on the count
    double seconds = 0;            // 0: no limit on the time
    double shrink_seconds = 10;
    unsigned jobs = 0;  // 0: one per core
    // Called at most every quarter second, from one thread at a time.
    std::function<void(const stress_progress&)> progress;
};

// One case as generated (or shrunk) and judged.
struct stress_case {
    std::string name;  // "max-gap-seed18": `gen PROBLEM --seed 18` with its options makes it
    json input;
    json expected;
    program_outcome outcome;  // with the program's stdout
};

struct size_range {
    std::string name;  // a size option: "n"
    std::int64_t low = 0;
    std::int64_t high = 0;
};

struct stress_result {
    std::uint64_t cases_run = 0;
    double seconds = 0;                   // generating and running, shrinking excluded
    std::vector<size_range> sizes;        // the values each size option took
    std::optional<stress_case> original;  // the first case not accepted
    std::optional<stress_case> shrunk;    // the smallest one failing the same way
    std::size_t shrink_steps = 0;
    std::size_t shrink_tried = 0;
    double shrink_seconds = 0;
};

// The generator settings of case `number` (from 0): the options given, size options drawn
// between their minimum and a bound that grows over the first 100 cases to the value given
// (or the default), choices and flags not given drawn at random, all from the seed alone.
generator_settings stress_case_settings(const stress_settings& settings, std::uint64_t number);

// Runs the loop, then shrinks the failure. Throws usage_error for contradictory generator
// options, and error when a case is a judge error (never the program's fault).
stress_result run_stress(const stress_settings& settings);

// A case in the case-file form (docs/case-format.md), keys in reading order; `time_limit` makes
// judge run it under the same CPU limit as stress did.
nlohmann::ordered_json stress_case_file(const problem& chosen, const stress_case& c,
                                        double time_limit);

}  // namespace algojudge
