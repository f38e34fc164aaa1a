#include "problems/cases.hpp"

#include <algorithm>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include <fmt/format.h>

#include "problems/json_input.hpp"
#include "problems/registry.hpp"

namespace algojudge {

namespace fs = std::filesystem;

std::string test_case::label() const {
    return fmt::format("{}: case {} \"{}\"", file, number, name);
}

std::string describe_parse_failure(std::string_view text, std::size_t byte) {
    if (byte > text.size() ||
        text.find_first_not_of(" \t\r\n", byte == 0 ? 0 : byte - 1) == std::string_view::npos) {
        return "malformed JSON: unexpected end of input";
    }
    const std::size_t offset = byte == 0 ? 0 : byte - 1;
    std::size_t line = 1;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++line;
            line_start = i + 1;
        }
    }
    // A few characters from the offending token on, so "NaN" or a stray comma is visible.
    std::string_view near = text.substr(offset, 12);
    near = near.substr(0, near.find('\n'));
    const std::string where =
        text.find('\n') == std::string_view::npos
            ? fmt::format("column {}", offset - line_start + 1)
            : fmt::format("line {}, column {}", line, offset - line_start + 1);
    return fmt::format("malformed JSON at {} near '{}'", where, near);
}

namespace {

json parse_json_text(std::string_view text, const std::string& where) {
    try {
        return json::parse(text.begin(), text.end());
    } catch (const json::parse_error& e) {
        throw case_file_error(fmt::format("{}: {}", where, describe_parse_failure(text, e.byte)));
    }
}

test_case make_case(const json& object, const std::string& file, std::size_t number,
                    const std::string& default_name) {
    test_case c;
    c.file = file;
    c.number = number;
    c.name = default_name;
    auto fail = [&](const input_error& e) {
        return case_file_error(fmt::format("{}: {}", c.label(), e.describe()));
    };
    try {
        require_object(object, "case");
        if (const json* name = optional_field(object, "name")) c.name = read_string(*name, "name");
        reject_unknown_fields(object, "", {"problem", "name", "input", "expected", "tolerance"});
        const std::string& problem_name =
            read_string(require_field(object, "", "problem"), "problem");
        c.solver = &problem_named(problem_name, "problem");
        c.input = require_field(object, "", "input");
        require_object(c.input, "input");
        if (const json* expected = optional_field(object, "expected", false)) {
            c.expected = *expected;
            c.has_expected = true;
        }
        if (const json* tolerance = optional_field(object, "tolerance")) {
            c.tolerance = require_object(*tolerance, "tolerance");
        }
    } catch (const input_error& e) {
        throw fail(e);
    }
    return c;
}

std::string file_name_of(const std::string& file) {
    if (file == "-") return "stdin";
    return fs::path(file).filename().string();
}

}  // namespace

std::vector<test_case> parse_case_text(std::string_view text, const std::string& file, bool jsonl) {
    std::vector<test_case> cases;
    const std::string base = file_name_of(file);
    if (jsonl) {
        std::size_t line_number = 0;
        std::size_t start = 0;
        while (start <= text.size()) {
            std::size_t end = text.find('\n', start);
            if (end == std::string_view::npos) end = text.size();
            std::string_view line = text.substr(start, end - start);
            ++line_number;
            start = end + 1;
            if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
            json object = parse_json_text(line, fmt::format("{}: line {}", file, line_number));
            cases.push_back(
                make_case(object, file, line_number, fmt::format("{}#{}", base, line_number)));
        }
        return cases;
    }
    json document = parse_json_text(text, file);
    if (document.is_array()) {
        for (std::size_t i = 0; i < document.size(); ++i) {
            cases.push_back(make_case(document[i], file, i + 1, fmt::format("{}#{}", base, i + 1)));
        }
    } else if (document.is_object()) {
        cases.push_back(make_case(document, file, 1, base));
    } else {
        throw case_file_error(fmt::format("{}: expected a case object or an array of cases, got {}",
                                          file, json_kind(document)));
    }
    return cases;
}

std::string read_text_file(const std::string& file) {
    if (file == "-") {
        std::ostringstream buffer;
        buffer << std::cin.rdbuf();
        return buffer.str();
    }
    std::error_code ec;
    if (fs::is_directory(file, ec)) {
        throw case_file_error(fmt::format("{}: is a directory, expected a file", file));
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) throw case_file_error(fmt::format("{}: cannot open file", file));
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) throw case_file_error(fmt::format("{}: read error", file));
    return text;
}

std::vector<test_case> load_case_file(const fs::path& file) {
    const std::string name = file.string();
    return parse_case_text(read_text_file(name), name, file.extension() == ".jsonl");
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

std::vector<fs::path> collect_case_files(const std::vector<std::string>& paths) {
    std::vector<fs::path> files;
    for (const std::string& path : paths) {
        std::error_code ec;
        if (!fs::exists(path, ec))
            throw case_file_error(fmt::format("{}: no such file or directory", path));
        if (!fs::is_directory(path, ec)) {
            files.emplace_back(path);
            continue;
        }
        std::vector<fs::path> found;
        for (auto it = fs::recursive_directory_iterator(path, ec);
             !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
            const fs::path& entry = it->path();
            if (it->is_regular_file(ec) &&
                (entry.extension() == ".json" || entry.extension() == ".jsonl")) {
                found.push_back(entry);
            }
        }
        if (ec) throw case_file_error(fmt::format("{}: {}", path, ec.message()));
        std::sort(found.begin(), found.end(), [](const fs::path& x, const fs::path& y) {
            return natural_less(x.generic_string(), y.generic_string());
        });
        files.insert(files.end(), found.begin(), found.end());
    }
    return files;
}

}  // namespace algojudge
