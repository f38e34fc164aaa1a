// Description: plain-text test folders, as competitive programmers keep them (Kattis
// data/secret/NAME.in + NAME.ans, online-judge-tools test/NAME.in + NAME.out): each NAME.in is
// a case in the problem's text format, its expected answer NAME.ans (or NAME.out) beside it;
// an .in without one is checked against the reference solution.
// Status: tested end to end in tests/cli/judge_tests.cmake.
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

}  // namespace algojudge
