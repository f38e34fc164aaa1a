// Description: case files. A case is {"problem", "name"?, "input", "expected"?, "tolerance"?,
// "time_limit"? (judge's CPU limit for this case, seconds > 0)};
// a file holds one case, an array of cases, or (.jsonl) one case per line. Unknown top-level
// keys are errors. Format reference: docs/case-format.md.
// Status: tested in tests/judging/case_files_test.cpp.
#pragma once

#include <any>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "problems/problem.hpp"
#include "support/files.hpp"

namespace algojudge {

struct test_case {
    std::string file;        // the file as named on the command line or found under a folder
    std::size_t number = 0;  // 1-based position in the file (the line number in .jsonl)
    std::string name;        // the case's "name", or "<file name>#<number>"
    const problem* solver = nullptr;
    json input;            // null when the solver's fast reader read it into typed_input
    std::any typed_input;  // the fast reader's result (problem::fast), or empty
    json expected;         // null when the case has none
    bool has_expected = false;
    json tolerance;                    // null when absent
    std::optional<double> time_limit;  // seconds of CPU for judge; nullopt: --time-limit

    // `cases.json: case 3 "big"`: the prefix of every message about this case.
    std::string label() const;
};

// Parses a case file's text. `file` names it in messages; `jsonl` selects one case per line.
std::vector<test_case> parse_case_text(std::string_view text, const std::string& file, bool jsonl);

// The same cases without a json DOM of the inputs that have a fast reader (problem::fast): the
// case objects are split by a raw scan (support/json_scan), the small members (problem, name,
// expected, tolerance, time_limit) parsed by parse_json_text. nullopt on any doubt (not the
// plain layout, not valid, nested too deep, or a case parse_case_text would reject), never a
// different result. `text` is followed by at least text_padding readable bytes
// (support/files.hpp).
std::optional<std::vector<test_case>> parse_case_text_fast(std::string_view text,
                                                           const std::string& file, bool jsonl);

// Reads and parses one file (JSON Lines when the name ends in .jsonl); input_error when it
// holds more than `max_bytes` (see read_text_file). With `typed_inputs`, through
// parse_case_text_fast first: the cases it reads have typed inputs and null `input`, so only
// callers that solve and check through problem::fast ask for it (verify; judge needs the json).
std::vector<test_case> load_case_file(const std::filesystem::path& file,
                                      std::uint64_t max_bytes = default_input_limit,
                                      bool typed_inputs = false);

// The case files named by `paths`: files as given, folders searched recursively for .json and
// .jsonl files. Natural order ("case2" before "case10") within each folder.
std::vector<std::filesystem::path> collect_case_files(const std::vector<std::string>& paths);

}  // namespace algojudge
