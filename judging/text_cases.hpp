// Description: plain-text test folders, as competitive programmers keep them (Kattis
// data/secret/NAME.in + NAME.ans, online-judge-tools test/NAME.in + NAME.out): each NAME.in is
// a case in the problem's text format, its expected answer NAME.ans (or NAME.out) beside it;
// an .in without one is checked against the reference solution. `gen --out DIR --io text`
// writes such folders.
// Status: tested end to end in tests/cli/judge_tests.cmake and tests/cli/gen_tests.cmake.
#pragma once

#include <filesystem>
#include <vector>

#include "judging/case_files.hpp"

namespace algojudge {

// The .in files under `path` (a folder, searched recursively, in natural order; or one .in file)
// read as cases of `solver`, which must have a text I/O. Unreadable files are input_errors
// naming the file, line and column.
std::vector<test_case> load_text_cases(const std::filesystem::path& path, const problem& solver);

// True when `path` is an .in file or a folder holding at least one (recursively).
bool holds_text_cases(const std::filesystem::path& path);

// Writes `dir`/`name`.in (the input in `solver`'s text format) and `name`.ans (the expected
// answer), creating `dir` when needed; output_error when a file cannot be written, usage_error
// when the answer has no text form (a combination list truncated by its limit: the .ans would
// read as the complete list).
void write_text_case(const std::filesystem::path& dir, const std::string& name,
                     const problem& solver, const json& input, const json& expected);

}  // namespace algojudge
