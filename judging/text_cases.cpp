#include "judging/text_cases.hpp"

#include <fmt/format.h>

#include "support/files.hpp"
#include "support/text_tokens.hpp"

namespace algojudge {

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> in_files(const fs::path& path) {
    std::vector<fs::path> found;
    std::error_code ec;
    if (!fs::is_directory(path, ec)) {
        if (path.extension() == ".in") found.push_back(path);
        return found;
    }
    for (auto it = fs::recursive_directory_iterator(path, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec) && it->path().extension() == ".in") found.push_back(it->path());
    }
    if (ec) throw input_error::at(path.string(), ec.message());
    sort_naturally(found, false);
    return found;
}

}  // namespace

bool holds_text_cases(const fs::path& path) {
    return !in_files(path).empty();
}

std::vector<test_case> load_text_cases(const fs::path& path, const problem& solver) {
    std::vector<test_case> cases;
    std::error_code ec;
    const bool folder = fs::is_directory(path, ec);
    for (const fs::path& in : in_files(path)) {
        test_case c;
        c.file = in.string();
        c.number = 1;
        fs::path name = folder ? in.lexically_relative(path) : in.filename();
        c.name = name.replace_extension().string();
        c.solver = &solver;
        try {
            c.input = solver.text->parse_input(read_text_file(c.file));
        } catch (const text_format_error& e) {
            throw input_error::at(c.file, e.what());
        }
        for (const char* extension : {".ans", ".out"}) {
            fs::path answer = in;
            answer.replace_extension(extension);
            if (!fs::is_regular_file(answer, ec)) continue;
            try {
                c.expected = solver.text->parse_output(read_text_file(answer.string()), c.input);
            } catch (const text_format_error& e) {
                throw input_error::at(answer.string(), e.what());
            }
            c.has_expected = true;
            break;
        }
        cases.push_back(std::move(c));
    }
    return cases;
}

void write_text_case(const fs::path& dir, const std::string& name, const problem& solver,
                     const json& input, const json& expected) {
    const json* truncated = optional_field(expected, "truncated");
    if (truncated != nullptr && truncated->is_boolean() && truncated->get<bool>()) {
        throw usage_error(fmt::format(
            "case \"{}\": the expected list is truncated by the case's limit, and an .ans file "
            "would read as the complete list; write JSON instead or lower the sizes",
            name));
    }
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec)
        throw output_error(
            fmt::format("{}: cannot create the folder: {}", dir.string(), ec.message()));
    write_text_file(dir / (name + ".in"), solver.text->render_input(input));
    write_text_file(dir / (name + ".ans"), solver.text->render_output(expected));
}

}  // namespace algojudge
