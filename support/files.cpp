#include "support/files.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include <fmt/format.h>

#include "support/errors.hpp"

namespace algojudge {

namespace fs = std::filesystem;

std::string read_text_file(const std::string& file) {
    if (file == "-") {
        std::ostringstream buffer;
        buffer << std::cin.rdbuf();
        return buffer.str();
    }
    std::error_code ec;
    if (fs::is_directory(file, ec)) throw input_error::at(file, "is a directory, expected a file");
    std::ifstream in(file, std::ios::binary);
    if (!in) throw input_error::at(file, "cannot open file");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) throw input_error::at(file, "read error");
    return text;
}

bool natural_less(std::string_view a, std::string_view b) {
    std::size_t i = 0;
    std::size_t j = 0;
    auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
    while (i < a.size() && j < b.size()) {
        if (is_digit(a[i]) && is_digit(b[j])) {
            std::size_t i_end = i;
            std::size_t j_end = j;
            while (i_end < a.size() && is_digit(a[i_end]))
                ++i_end;
            while (j_end < b.size() && is_digit(b[j_end]))
                ++j_end;
            std::string_view x = a.substr(i, i_end - i);
            std::string_view y = b.substr(j, j_end - j);
            x.remove_prefix(std::min(x.find_first_not_of('0'), x.size()));
            y.remove_prefix(std::min(y.find_first_not_of('0'), y.size()));
            if (x.size() != y.size()) return x.size() < y.size();
            if (x != y) return x < y;
            i = i_end;
            j = j_end;
        } else {
            if (a[i] != b[j]) return a[i] < b[j];
            ++i;
            ++j;
        }
    }
    return a.size() - i < b.size() - j;
}

void sort_naturally(std::vector<fs::path>& paths, bool by_name) {
    std::sort(paths.begin(), paths.end(), [by_name](const fs::path& a, const fs::path& b) {
        return by_name ? natural_less(a.filename().string(), b.filename().string())
                       : natural_less(a.generic_string(), b.generic_string());
    });
}

std::vector<fs::path> files_in(const fs::path& dir, std::string_view extension) {
    std::error_code ec;
    if (!fs::exists(dir, ec)) throw input_error::at(dir.string(), "no such directory");
    if (!fs::is_directory(dir, ec)) throw input_error::at(dir.string(), "is not a directory");
    std::vector<fs::path> found;
    for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator();
         it.increment(ec)) {
        std::string ext = it->path().extension().string();
        std::transform(ext.begin(), ext.end(), ext.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (ext == extension && it->is_regular_file(ec)) found.push_back(it->path());
    }
    if (ec) throw input_error::at(dir.string(), ec.message());
    sort_naturally(found);
    return found;
}

}  // namespace algojudge
