#include "formats/class_names.hpp"

#include <charconv>
#include <string_view>
#include <unordered_map>

#include <fmt/format.h>

#include "support/errors.hpp"
#include "support/files.hpp"
#include "support/name_table.hpp"
#include "support/text_lines.hpp"

namespace algojudge {

namespace {

std::string_view trimmed(std::string_view line) {
    const std::size_t start = line.find_first_not_of(" \t\r");
    if (start == std::string_view::npos) return {};
    return line.substr(start, line.find_last_not_of(" \t\r") - start + 1);
}

// The id a class name stands for: canonical digits only ("7", not "07" or "+7").
std::optional<std::size_t> numeric_id(std::string_view name) {
    if (name.empty() || (name.size() > 1 && name.front() == '0')) return std::nullopt;
    std::size_t id = 0;
    const auto [end, failure] = std::from_chars(name.data(), name.data() + name.size(), id);
    if (failure != std::errc() || end != name.data() + name.size()) return std::nullopt;
    return id;
}

}  // namespace

class_names read_class_names(const std::filesystem::path& file) {
    class_names result;
    result.file = file.string();
    const std::string text = read_text_file(result.file, default_input_limit, true);
    refuse_nul(file, text);
    std::vector<std::string_view> lines;
    for (std::size_t start = 0; start < text.size();) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        lines.push_back(trimmed(std::string_view(text).substr(start, end - start)));
        start = end + 1;
    }
    while (!lines.empty() && lines.back().empty())
        lines.pop_back();
    if (lines.empty())
        throw input_error::at(result.file, "expected one class name a line, got none");
    std::unordered_map<std::string_view, std::size_t> first_line;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string where = line_place(file, i + 1);
        if (lines[i].empty()) {
            throw input_error::at(where, fmt::format("expected the name of class {}, got a blank "
                                                     "line",
                                                     i));
        }
        if (const auto [seen, fresh] = first_line.emplace(lines[i], i + 1); !fresh) {
            throw input_error::at(where, fmt::format("\"{}\" already names class {} (line {})",
                                                     lines[i], seen->second - 1, seen->second));
        }
        result.names.emplace_back(lines[i]);
    }
    return result;
}

void name_numeric_classes(detection_set& set, const class_names& names) {
    std::vector<std::string> renamed;
    name_table table;
    std::vector<std::uint32_t> new_id(set.classes.size());
    for (std::size_t c = 0; c < set.classes.size(); ++c) {
        std::string_view name = set.classes[c];
        if (const std::optional<std::size_t> id = numeric_id(name)) {
            if (*id >= names.names.size()) {
                throw input_error::at(
                    names.file, fmt::format("class id {} is past its last line ({} names, ids 0 "
                                            "to {})",
                                            *id, names.names.size(), names.names.size() - 1));
            }
            name = names.names[*id];
        }
        new_id[c] = table.intern(renamed, name);
    }
    for (ground_truth_box& g : set.ground_truth)
        g.class_id = new_id[g.class_id];
    for (detection& d : set.detections)
        d.class_id = new_id[d.class_id];
    set.classes = std::move(renamed);
}

}  // namespace algojudge
