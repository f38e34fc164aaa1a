// Description: case files. A case is {"problem", "name"?, "input", "expected"?, "tolerance"?,
// "time_limit"? (judge's CPU limit for this case, seconds > 0)};
// a file holds one case, an array of cases, or (.jsonl) one case per line. Unknown top-level
// keys are errors. Format reference: docs/case-format.md.
// Status: tested in tests/judging/case_files_test.cpp.
#pragma once

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
    json input;
    json expected;  // null when the case has none
    bool has_expected = false;
    json tolerance;                    // null when absent
    std::optional<double> time_limit;  // seconds of CPU for judge; nullopt: --time-limit

    // `cases.json: case 3 "big"`: the prefix of every message about this case.
    std::string label() const;
};

// Parses a case file's text. `file` names it in messages; `jsonl` selects one case per line.
std::vector<test_case> parse_case_text(std::string_view text, const std::string& file, bool jsonl);

// Reads and parses one file (JSON Lines when the name ends in .jsonl); input_error when it
// holds more than `max_bytes` (see read_text_file).
std::vector<test_case> load_case_file(const std::filesystem::path& file,
                                      std::uint64_t max_bytes = default_input_limit);

// The case files named by `paths`: files as given, folders searched recursively for .json and
// .jsonl files. Natural order ("case2" before "case10") within each folder.
std::vector<std::filesystem::path> collect_case_files(const std::vector<std::string>& paths);

}  // namespace algojudge
