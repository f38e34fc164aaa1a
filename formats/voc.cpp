#include "formats/voc.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "formats/boxes.hpp"
#include "support/errors.hpp"
#include "support/files.hpp"
#include "support/text_lines.hpp"

namespace algojudge {

namespace fs = std::filesystem;

namespace {

std::string_view trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

// 1-based line of byte `offset` in `text`.
std::size_t line_at(std::string_view text, std::ptrdiff_t offset) {
    if (offset < 0) return 1;
    const auto end = std::min(static_cast<std::size_t>(offset), text.size());
    return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + end, '\n'));
}

// ---- PASCAL VOC annotations ----

class xml_annotation {
  public:
    xml_annotation(const fs::path& file, std::string text) : file_(file), text_(std::move(text)) {
        refuse_nul(file_, text_);  // pugixml would end the document there
        const pugi::xml_parse_result parsed =
            document_.load_buffer(text_.data(), text_.size(), pugi::parse_default);
        if (!parsed) {
            throw input_error::at(file_.string(),
                                  fmt::format("line {}: malformed XML: {}",
                                              line_at(text_, parsed.offset), parsed.description()));
        }
    }

    const pugi::xml_document& document() const { return document_; }

    [[noreturn]] void fail(const pugi::xml_node& where, std::string_view message) const {
        throw input_error::at(
            file_.string(),
            fmt::format("line {}: {}", line_at(text_, where.offset_debug()), message));
    }

    // The trimmed text of the child element `name` of `parent`; an error when it is absent.
    std::string_view required_text(const pugi::xml_node& parent, const char* name,
                                   std::string_view context) const {
        const pugi::xml_node child = parent.child(name);
        if (!child) fail(parent, fmt::format("{}missing <{}>", context, name));
        return trim(child.child_value());
    }

    double required_number(const pugi::xml_node& parent, const char* name,
                           std::string_view context) const {
        const std::string_view text = required_text(parent, name, context);
        const std::optional<double> value = parse_finite(text);
        if (!value) {
            fail(parent.child(name),
                 fmt::format("{}<{}>: expected a finite number, got \"{}\"", context, name, text));
        }
        return *value;
    }

  private:
    fs::path file_;
    std::string text_;
    pugi::xml_document document_;
};

void read_voc_annotation(const fs::path& file, detection_builder& ids) {
    const xml_annotation xml(file, read_text_file(file.string(), default_input_limit, true));
    const pugi::xml_node root = xml.document().document_element();
    if (std::string_view(root.name()) != "annotation") {
        xml.fail(root,
                 fmt::format("expected the root element <annotation>, got <{}>", root.name()));
    }
    const std::uint32_t image = ids.image(file.stem().string());
    std::size_t number = 0;
    for (const pugi::xml_node object : root.children("object")) {
        const std::string context = fmt::format("object {}: ", ++number);
        const std::string_view name = xml.required_text(object, "name", context);
        if (name.empty()) xml.fail(object.child("name"), context + "<name> is empty");

        bool difficult = false;
        if (const pugi::xml_node flag = object.child("difficult")) {
            const std::string_view text = trim(flag.child_value());
            if (text == "1") {
                difficult = true;
            } else if (text != "0" && !text.empty()) {
                xml.fail(flag,
                         fmt::format("{}<difficult>: expected 0 or 1, got \"{}\"", context, text));
            }
        }

        const pugi::xml_node bndbox = object.child("bndbox");
        if (!bndbox) xml.fail(object, context + "missing <bndbox>");
        const std::string box_context = context + "bndbox: ";
        ground_truth_box gt;
        gt.image = image;
        gt.class_id = ids.class_id(name);
        gt.difficult = difficult;
        gt.bbox.x1 = xml.required_number(bndbox, "xmin", box_context);
        gt.bbox.y1 = xml.required_number(bndbox, "ymin", box_context);
        gt.bbox.x2 = xml.required_number(bndbox, "xmax", box_context);
        gt.bbox.y2 = xml.required_number(bndbox, "ymax", box_context);
        const std::string defect = box_defect({gt.bbox.x1, gt.bbox.y1, gt.bbox.x2, gt.bbox.y2},
                                              {"xmin", "ymin", "xmax", "ymax"});
        if (!defect.empty()) xml.fail(bndbox, box_context + defect);
        ids.set().ground_truth.push_back(gt);
    }
}

// ---- PASCAL VOC results files ----

// The class named by a results file `<prefix>_det_<set>_<class>.txt`; nullopt otherwise.
std::optional<std::string> voc_results_class(const std::string& stem) {
    constexpr std::string_view marker = "_det_";
    const auto at = stem.find(marker);
    if (at == std::string::npos || at == 0) return std::nullopt;
    const auto set_end = stem.find('_', at + marker.size());
    if (set_end == std::string::npos || set_end == at + marker.size()) return std::nullopt;
    if (set_end + 1 >= stem.size()) return std::nullopt;
    return stem.substr(set_end + 1);
}

void read_voc_results_file(const fs::path& file, std::uint32_t class_id, detection_builder& ids) {
    for_each_line(file, [&](const std::vector<std::string_view>& fields, std::size_t line_number) {
        auto fail = [&](std::string_view message) {
            return input_error::at(line_place(file, line_number), std::string(message));
        };
        if (fields.size() != 6) {
            throw fail(
                fmt::format("expected 6 fields `image score x1 y1 x2 y2`, got {}", fields.size()));
        }
        constexpr std::string_view field_names[] = {"image", "score", "x1", "y1", "x2", "y2"};
        double numbers[6] = {};
        for (std::size_t i = 1; i < 6; ++i) {
            const std::optional<double> value = parse_finite(fields[i]);
            if (!value) {
                throw fail(fmt::format("{}: expected a finite number, got \"{}\"", field_names[i],
                                       fields[i]));
            }
            numbers[i] = *value;
        }
        detection d;
        d.image = ids.image(fields[0]);
        d.class_id = class_id;
        d.score = numbers[1];
        d.bbox = {numbers[2], numbers[3], numbers[4], numbers[5]};
        if (std::string defect = box_defect({numbers[2], numbers[3], numbers[4], numbers[5]});
            !defect.empty()) {
            throw fail(defect);
        }
        ids.set().detections.push_back(d);
    });
}

}  // namespace

void read_voc_annotations(detection_builder& ids, const fs::path& annotations_dir) {
    const std::vector<fs::path> files = files_in(annotations_dir, ".xml");
    if (files.empty()) {
        throw input_error::at(annotations_dir.string(),
                              "no .xml annotation files in this directory");
    }
    std::unordered_map<std::string, fs::path> stems;
    for (const fs::path& file : files) {
        const auto [previous, fresh] = stems.emplace(file.stem().string(), file);
        if (!fresh) {
            throw input_error::at(file.string(),
                                  fmt::format("image id \"{}\" is also annotated by {}",
                                              file.stem().string(), previous->second.string()));
        }
        read_voc_annotation(file, ids);
    }
}

void read_voc_results(detection_builder& ids, const fs::path& results_dir) {
    const std::vector<fs::path> files = files_in(results_dir, ".txt");
    std::unordered_map<std::string, fs::path> class_files;
    for (const fs::path& file : files) {
        const std::optional<std::string> class_name = voc_results_class(file.stem().string());
        if (!class_name) {
            throw input_error::at(
                file.string(),
                "not a VOC results file name (expected <prefix>_det_<set>_<class>.txt such "
                "as comp4_det_test_dog.txt)");
        }
        const auto [previous, fresh] = class_files.emplace(*class_name, file);
        if (!fresh) {
            throw input_error::at(file.string(),
                                  fmt::format("class \"{}\" also has results in {}", *class_name,
                                              previous->second.string()));
        }
        read_voc_results_file(file, ids.class_id(*class_name), ids);
    }
    if (files.empty()) {
        throw input_error::at(
            results_dir.string(),
            "no VOC results files (<prefix>_det_<set>_<class>.txt) in this directory");
    }
}

detection_set load_voc(const fs::path& annotations_dir, const fs::path& results_dir) {
    detection_builder builder;
    read_voc_annotations(builder, annotations_dir);
    read_voc_results(builder, results_dir);
    return std::move(builder.set());
}

}  // namespace algojudge
