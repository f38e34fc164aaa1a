// Description: reading files and listing folders, the same way everywhere: whole files (or
// standard input), folders in natural order ("img2" before "img10"). Every failure is an
// input_error naming the file: "cases.json: cannot open file".
// Status: tested in tests/support/files_test.cpp.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace algojudge {

// A whole file or, for "-", standard input.
std::string read_text_file(const std::string& file);

// Natural-order comparison: digit runs compare as numbers.
bool natural_less(std::string_view a, std::string_view b);

// Sorts paths by natural order of their file names (`by_name`) or of their whole paths.
void sort_naturally(std::vector<std::filesystem::path>& paths, bool by_name = true);

// The regular files directly in `dir` whose extension is `extension` (".txt", any letter
// case), in natural order of their names; input_error when `dir` is not a readable folder.
std::vector<std::filesystem::path> files_in(const std::filesystem::path& dir,
                                            std::string_view extension);

}  // namespace algojudge
