// Description: case files. A case is {"problem", "name"?, "input", "expected"?, "tolerance"?};
// a file holds one case, an array of cases, or (.jsonl) one case per line. Unknown top-level
// keys are errors. Format reference: docs/case-format.md.
// Status: tested in tests/cases_test.cpp.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "problems/problem.hpp"

namespace algojudge {

struct test_case {
    std::string file;        // the file as named on the command line or found under a folder
    std::size_t number = 0;  // 1-based position in the file (the line number in .jsonl)
    std::string name;        // the case's "name", or "<file name>#<number>"
    const problem* solver = nullptr;
    json input;
    json expected;  // null when the case has none
    bool has_expected = false;
    json tolerance;  // null when absent

    // `cases.json: case 3 "big"`: the prefix of every message about this case.
    std::string label() const;
};

// A case file that cannot be read or parsed. what() is the whole one-line message, starting
// with the file name: `cases.json: case 3: input: missing field "nums"`.
class case_file_error : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Parses a case file's text. `file` names it in messages; `jsonl` selects one case per line.
std::vector<test_case> parse_case_text(std::string_view text, const std::string& file, bool jsonl);

// Reads and parses one file (JSON Lines when the name ends in .jsonl).
std::vector<test_case> load_case_file(const std::filesystem::path& file);

// The case files named by `paths`: files as given, folders searched recursively for .json and
// .jsonl files. Natural order ("case2" before "case10") within each folder.
std::vector<std::filesystem::path> collect_case_files(const std::vector<std::string>& paths);

// Natural-order comparison: digit runs compare as numbers.
bool natural_less(std::string_view a, std::string_view b);

// "malformed JSON at line 3, column 7 near 'NaN]'" for a parse failure at byte `byte` (1-based,
// as nlohmann reports it) of `text`; the line is left out for one-line texts.
std::string describe_parse_failure(std::string_view text, std::size_t byte);

// Reads a whole file or, for "-", standard input; case_file_error when it cannot.
std::string read_text_file(const std::string& file);

}  // namespace algojudge
