#include "judging/case_files.hpp"

#include <algorithm>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include <fmt/format.h>

#include "problems/registry.hpp"
#include "support/files.hpp"
#include "support/json_input.hpp"
#include "support/json_scan.hpp"

namespace algojudge {

namespace fs = std::filesystem;

std::string test_case::label() const {
    return fmt::format("{}: case {} \"{}\"", file, number, name);
}

namespace {

test_case make_case(const json& object, const std::string& file, std::size_t number,
                    const std::string& default_name) {
    test_case c;
    c.file = file;
    c.number = number;
    c.name = default_name;
    try {
        require_object(object, "case");
        if (const json* name = optional_field(object, "name")) c.name = read_string(*name, "name");
        reject_unknown_fields(object, "",
                              {"problem", "name", "input", "expected", "tolerance", "time_limit"});
        const std::string& problem_name =
            read_string(require_field(object, "", "problem"), "problem");
        c.solver = &problem_named(problem_name, "problem");
        c.input = require_field(object, "", "input");
        require_object(c.input, "input");
        if (const json* expected = optional_field(object, "expected", false)) {
            c.expected = *expected;
            c.has_expected = true;
        }
        if (const json* time_limit = optional_field(object, "time_limit")) {
            const double seconds = read_double(*time_limit, "time_limit", 0);
            if (seconds <= 0 || seconds > 86400) {
                throw_expected("time_limit", "a number of seconds above 0, at most 86400",
                               *time_limit);
            }
            c.time_limit = seconds;
        }
        if (const json* tolerance = optional_field(object, "tolerance")) {
            if (!c.solver->takes_tolerance) {
                throw input_error(
                    "tolerance",
                    fmt::format("\"{}\" has exact results: no tolerance applies", c.solver->name));
            }
            c.tolerance = require_object(*tolerance, "tolerance");
        }
    } catch (input_error& e) {
        e.within(c.label());
        throw;
    }
    return c;
}

// One case object's text, as make_case would read it parsed whole; nullopt on any doubt. `outer`
// is how deep the object sits in its file (1 inside an array of cases), so that nothing nested
// deeper than parse_json_text allows gets through.
std::optional<test_case> make_case_fast(std::string_view text, const std::string& file,
                                        std::size_t number, const std::string& default_name,
                                        std::size_t outer) {
    const std::optional<std::vector<raw_member>> members = split_json_object(text);
    if (!members) return std::nullopt;
    json object = json::object();
    std::string_view input_text;
    try {
        for (const raw_member& member : *members) {
            if (member.key == "input") {
                input_text = member.value;
                continue;
            }
            if (json_nesting(member.value) + outer + 1 > max_json_depth) return std::nullopt;
            object[std::string(member.key)] = parse_json_text(member.value, "");
        }
        const problem* solver = nullptr;
        const json* name = optional_field(object, "problem");
        if (name != nullptr && name->is_string()) solver = find_problem(name->get<std::string>());
        std::any typed;
        if (solver != nullptr && solver->fast != nullptr && !input_text.empty()) {
            typed = solver->fast->read_text(input_text);
        }
        if (typed.has_value()) {
            object["input"] = json::object();  // a stand-in: make_case checks the rest
        } else if (!input_text.empty()) {
            // No fast reader (or it declined): the input as the json path would build it.
            if (json_nesting(input_text) + outer + 1 > max_json_depth) return std::nullopt;
            object["input"] = parse_json_text(input_text, "");
        }
        test_case c = make_case(object, file, number, default_name);
        if (typed.has_value()) {
            c.input = nullptr;
            c.typed_input = std::move(typed);
        }
        return c;
    } catch (const input_error&) {
        return std::nullopt;  // a piece is not valid, or make_case refuses: the json path says
    }
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
        throw input_error::at(file,
                              fmt::format("expected a case object or an array of cases, got {}",
                                          json_kind(document)));
    }
    return cases;
}

std::optional<std::vector<test_case>> parse_case_text_fast(std::string_view text,
                                                           const std::string& file, bool jsonl) {
    std::vector<test_case> cases;
    const std::string base = file_name_of(file);
    auto add = [&](std::string_view piece, std::size_t number, const std::string& name,
                   std::size_t outer) {
        std::optional<test_case> c = make_case_fast(piece, file, number, name, outer);
        if (c) cases.push_back(std::move(*c));
        return c.has_value();
    };
    if (jsonl) {
        std::size_t line_number = 0;
        for (std::size_t start = 0; start <= text.size();) {
            const std::size_t end = std::min(text.find('\n', start), text.size());
            const std::string_view line = text.substr(start, end - start);
            ++line_number;
            start = end + 1;
            if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
            if (!add(line, line_number, fmt::format("{}#{}", base, line_number), 0)) {
                return std::nullopt;
            }
        }
        return cases;
    }
    if (const std::optional<std::vector<std::string_view>> elements = split_json_array(text)) {
        for (std::size_t i = 0; i < elements->size(); ++i) {
            if (!add((*elements)[i], i + 1, fmt::format("{}#{}", base, i + 1), 1)) {
                return std::nullopt;
            }
        }
        return cases;
    }
    if (!add(text, 1, base, 0)) return std::nullopt;
    return cases;
}

std::vector<test_case> load_case_file(const fs::path& file, std::uint64_t max_bytes,
                                      bool typed_inputs) {
    const std::string name = file.string();
    const bool jsonl = file.extension() == ".jsonl";
    if (typed_inputs) {
        // A regular file is split where it is mapped (no copy); on any doubt it is read.
        if (const std::optional<mapped_file> mapped =
                mapped_file::open(name, max_bytes, text_padding)) {
            if (std::optional<std::vector<test_case>> cases =
                    parse_case_text_fast(mapped->text(), name, jsonl)) {
                return std::move(*cases);
            }
        }
    }
    return parse_case_text(read_text_file(name, max_bytes, true), name, jsonl);
}

std::vector<fs::path> collect_case_files(const std::vector<std::string>& paths) {
    std::vector<fs::path> files;
    for (const std::string& path : paths) {
        std::error_code ec;
        if (!fs::exists(path, ec)) throw input_error::at(path, "no such file or directory");
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
        if (ec) throw input_error::at(path, fmt::format("{}", ec.message()));
        sort_naturally(found, false);
        files.insert(files.end(), found.begin(), found.end());
    }
    return files;
}

}  // namespace algojudge
