#include "problems/detection_formats.hpp"

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
#include <simdjson.h>
#include <pugixml.hpp>

#include "problems/json_input.hpp"

namespace algojudge {

namespace fs = std::filesystem;

namespace {

// Turns image and class names into the dense ids of a detection_set, reusing those it has.
class id_interner {
  public:
    explicit id_interner(detection_set& set) : set_(set) {
        for (std::size_t i = 0; i < set.images.size(); ++i)
            image_ids_.emplace(set.images[i], static_cast<std::uint32_t>(i));
        for (std::size_t i = 0; i < set.classes.size(); ++i)
            class_ids_.emplace(set.classes[i], static_cast<std::uint32_t>(i));
    }
    std::uint32_t image(const std::string& name) { return intern(set_.images, image_ids_, name); }
    std::uint32_t class_id(const std::string& name) {
        return intern(set_.classes, class_ids_, name);
    }

  private:
    static std::uint32_t intern(std::vector<std::string>& names,
                                std::unordered_map<std::string, std::uint32_t>& ids,
                                const std::string& name) {
        auto [it, inserted] = ids.emplace(name, static_cast<std::uint32_t>(names.size()));
        if (inserted) {
            if (names.size() >= std::numeric_limits<std::uint32_t>::max()) {
                throw case_file_error("too many distinct image or class names (limit 2^32 - 1)");
            }
            names.push_back(name);
        }
        return it->second;
    }

    detection_set& set_;
    std::unordered_map<std::string, std::uint32_t> image_ids_, class_ids_;
};

std::string_view trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

// A finite decimal number filling the whole of `token`; nullopt otherwise.
std::optional<double> parse_finite(std::string_view token) {
    if (!token.empty() && token.front() == '+') token.remove_prefix(1);
    double value = 0;
    const auto [end, error] = std::from_chars(token.data(), token.data() + token.size(), value);
    if (error != std::errc() || end != token.data() + token.size() || !std::isfinite(value)) {
        return std::nullopt;
    }
    return value;
}

// 1-based line of byte `offset` in `text`.
std::size_t line_at(std::string_view text, std::ptrdiff_t offset) {
    if (offset < 0) return 1;
    const auto end = std::min(static_cast<std::size_t>(offset), text.size());
    return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + end, '\n'));
}

// The regular files directly in `dir` whose extension is `extension` (any letter case), in
// natural order of their names; case_file_error when `dir` is not a readable folder.
std::vector<fs::path> files_in(const fs::path& dir, std::string_view extension) {
    std::error_code ec;
    if (!fs::exists(dir, ec)) {
        throw case_file_error(fmt::format("{}: no such directory", dir.string()));
    }
    if (!fs::is_directory(dir, ec)) {
        throw case_file_error(fmt::format("{}: is not a directory", dir.string()));
    }
    std::vector<fs::path> found;
    for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator();
         it.increment(ec)) {
        std::string ext = it->path().extension().string();
        std::transform(ext.begin(), ext.end(), ext.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (ext == extension && it->is_regular_file(ec)) found.push_back(it->path());
    }
    if (ec) throw case_file_error(fmt::format("{}: {}", dir.string(), ec.message()));
    std::sort(found.begin(), found.end(), [](const fs::path& a, const fs::path& b) {
        return natural_less(a.filename().string(), b.filename().string());
    });
    return found;
}

// ---- PASCAL VOC annotations ----

class xml_annotation {
  public:
    xml_annotation(const fs::path& file, std::string text) : file_(file), text_(std::move(text)) {
        const pugi::xml_parse_result parsed =
            document_.load_buffer(text_.data(), text_.size(), pugi::parse_default);
        if (!parsed) {
            throw case_file_error(fmt::format("{}: line {}: malformed XML: {}", file_.string(),
                                              line_at(text_, parsed.offset), parsed.description()));
        }
    }

    const pugi::xml_document& document() const { return document_; }

    [[noreturn]] void fail(const pugi::xml_node& where, std::string_view message) const {
        throw case_file_error(fmt::format("{}: line {}: {}", file_.string(),
                                          line_at(text_, where.offset_debug()), message));
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

void read_voc_annotation(const fs::path& file, id_interner& ids, detection_set& set) {
    const xml_annotation xml(file, read_text_file(file.string()));
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
        gt.class_id = ids.class_id(std::string(name));
        gt.difficult = difficult;
        gt.bbox.x1 = xml.required_number(bndbox, "xmin", box_context);
        gt.bbox.y1 = xml.required_number(bndbox, "ymin", box_context);
        gt.bbox.x2 = xml.required_number(bndbox, "xmax", box_context);
        gt.bbox.y2 = xml.required_number(bndbox, "ymax", box_context);
        if (gt.bbox.x2 < gt.bbox.x1) {
            xml.fail(bndbox,
                     fmt::format("{}xmax {} < xmin {}", box_context, gt.bbox.x2, gt.bbox.x1));
        }
        if (gt.bbox.y2 < gt.bbox.y1) {
            xml.fail(bndbox,
                     fmt::format("{}ymax {} < ymin {}", box_context, gt.bbox.y2, gt.bbox.y1));
        }
        set.ground_truth.push_back(gt);
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

void read_voc_results_file(const fs::path& file, std::uint32_t class_id, id_interner& ids,
                           detection_set& set) {
    const std::string text = read_text_file(file.string());
    std::size_t line_number = 0;
    std::size_t start = 0;
    std::vector<std::string_view> fields;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        const std::string_view line(text.data() + start, end - start);
        start = end + 1;
        ++line_number;
        fields.clear();
        for (std::size_t i = 0; i < line.size();) {
            const auto first = line.find_first_not_of(" \t\r", i);
            if (first == std::string_view::npos) break;
            auto last = line.find_first_of(" \t\r", first);
            if (last == std::string_view::npos) last = line.size();
            fields.push_back(line.substr(first, last - first));
            i = last;
        }
        if (fields.empty()) continue;
        auto fail = [&](std::string_view message) {
            return case_file_error(
                fmt::format("{}: line {}: {}", file.string(), line_number, message));
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
        d.image = ids.image(std::string(fields[0]));
        d.class_id = class_id;
        d.score = numbers[1];
        d.bbox = {numbers[2], numbers[3], numbers[4], numbers[5]};
        if (d.bbox.x2 < d.bbox.x1) throw fail(fmt::format("x2 {} < x1 {}", d.bbox.x2, d.bbox.x1));
        if (d.bbox.y2 < d.bbox.y1) throw fail(fmt::format("y2 {} < y1 {}", d.bbox.y2, d.bbox.y1));
        set.detections.push_back(d);
    }
}

// ---- COCO ----

json parse_json_file(const fs::path& file) {
    const std::string text = read_text_file(file.string());
    try {
        return json::parse(text);
    } catch (const json::parse_error& e) {
        throw case_file_error(
            fmt::format("{}: {}", file.string(), describe_parse_failure(text, e.byte)));
    } catch (const json::out_of_range& e) {
        // A number too large for a double ("1e999"): nlohmann gives no position; keep its words
        // without the "[json.exception...] " prefix.
        std::string_view words = e.what();
        if (const auto end = words.find("] "); end != std::string_view::npos) {
            words.remove_prefix(end + 2);
        }
        throw case_file_error(fmt::format("{}: malformed JSON: {}", file.string(), words));
    }
}

// A COCO box [x, y, width, height] at `path`, as corners.
box read_coco_box(const json& value, const std::string& path) {
    require_array(value, path);
    if (value.size() != 4) {
        throw input_error(
            path, fmt::format("expected [x, y, width, height], got {} numbers", value.size()));
    }
    const double x = read_double(value[0], json_path(path, 0));
    const double y = read_double(value[1], json_path(path, 1));
    const double width = read_double(value[2], json_path(path, 2), 0);
    const double height = read_double(value[3], json_path(path, 3), 0);
    if (!std::isfinite(x + width) || !std::isfinite(y + height)) {
        throw input_error(path, "the box's far corner overflows a double");
    }
    return {x, y, x + width, y + height};
}

// The ids of COCO's `images` or `categories` to dense indices, each id once.
std::unordered_map<std::int64_t, std::uint32_t> read_coco_ids(const json& instances,
                                                              std::string_view table,
                                                              std::vector<std::string>& names) {
    const std::string table_path(table);
    const json& entries = require_array(require_field(instances, "", table), table_path);
    std::unordered_map<std::int64_t, std::uint32_t> ids;
    std::unordered_map<std::string, std::size_t> seen_names;
    const bool is_categories = table == "categories";
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const std::string path = json_path(table_path, i);
        const json& entry = require_object(entries[i], path);
        const std::int64_t id = read_int64(require_field(entry, path, "id"), json_path(path, "id"));
        const auto [it, inserted] = ids.emplace(id, static_cast<std::uint32_t>(names.size()));
        if (!inserted) {
            throw input_error(
                json_path(path, "id"),
                fmt::format("id {} repeats {}", id, json_path(table_path, it->second)));
        }
        std::string name;
        if (is_categories) {
            name = read_string(require_field(entry, path, "name"), json_path(path, "name"));
            if (name.empty()) throw input_error(json_path(path, "name"), "empty category name");
            const auto [previous, fresh] = seen_names.emplace(name, i);
            if (!fresh) {
                throw input_error(json_path(path, "name"),
                                  fmt::format("category name \"{}\" repeats {}", name,
                                              json_path(table_path, previous->second)));
            }
        } else if (const json* file_name = optional_field(entry, "file_name")) {
            name = read_string(*file_name, json_path(path, "file_name"));
        } else {
            name = std::to_string(id);
        }
        if (names.size() >= std::numeric_limits<std::uint32_t>::max()) {
            throw input_error(path, "too many entries (limit 2^32 - 1)");
        }
        names.push_back(std::move(name));
    }
    return ids;
}

// What COCO annotations and results have in common: an image, a category and a box, all
// checked against the instances file.
struct coco_box_entry {
    std::uint32_t image = 0;
    std::uint32_t class_id = 0;
    box bbox;
};

// The corners of a well-formed COCO box [x, y, width, height]; nullopt for anything else (the
// validating read_coco_box then says what is wrong). No path is built on this common path.
std::optional<box> try_read_coco_box(const json& value) {
    if (!value.is_array() || value.size() != 4) return std::nullopt;
    double numbers[4] = {};
    for (std::size_t k = 0; k < 4; ++k) {
        if (!value[k].is_number()) return std::nullopt;
        numbers[k] = value[k].get<double>();
    }
    const box corners{numbers[0], numbers[1], numbers[0] + numbers[2], numbers[1] + numbers[3]};
    if (!(numbers[2] >= 0) || !(numbers[3] >= 0) || !std::isfinite(corners.x1) ||
        !std::isfinite(corners.y1) || !std::isfinite(corners.x2) || !std::isfinite(corners.y2)) {
        return std::nullopt;
    }
    return corners;
}

struct coco_ids {
    std::unordered_map<std::int64_t, std::uint32_t> images, categories;
    std::string instances_name;  // for "not in the images of instances.json"

    // A well-formed entry, read without building JSON paths (the common case: a results file
    // has hundreds of thousands); nullopt sends the caller to read_entry, which names the fault.
    std::optional<coco_box_entry> try_read_entry(const json& entry) const {
        if (!entry.is_object()) return std::nullopt;
        const std::optional<std::uint32_t> image = try_look_up(images, entry, "image_id");
        const std::optional<std::uint32_t> category = try_look_up(categories, entry, "category_id");
        const auto bbox = entry.find("bbox");
        if (!image || !category || bbox == entry.end()) return std::nullopt;
        const std::optional<box> corners = try_read_coco_box(*bbox);
        if (!corners) return std::nullopt;
        return coco_box_entry{*image, *category, *corners};
    }

    coco_box_entry read_entry(const json& entry, const std::string& path) const {
        require_object(entry, path);
        coco_box_entry read;
        read.image = look_up(images, entry, path, "image_id", "image", "images");
        read.class_id = look_up(categories, entry, path, "category_id", "category", "categories");
        read.bbox = read_coco_box(require_field(entry, path, "bbox"), json_path(path, "bbox"));
        return read;
    }

  private:
    static std::optional<std::uint32_t> try_look_up(
        const std::unordered_map<std::int64_t, std::uint32_t>& ids, const json& entry,
        std::string_view field) {
        const auto value = entry.find(field);
        if (value == entry.end() || !value->is_number_integer()) return std::nullopt;
        if (value->is_number_unsigned() &&
            value->get<std::uint64_t>() >
                static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
            return std::nullopt;
        }
        const auto it = ids.find(value->get<std::int64_t>());
        if (it == ids.end()) return std::nullopt;
        return it->second;
    }

    std::uint32_t look_up(const std::unordered_map<std::int64_t, std::uint32_t>& ids,
                          const json& entry, const std::string& path, std::string_view field,
                          std::string_view what, std::string_view table) const {
        const std::string field_path = json_path(path, field);
        const std::int64_t id = read_int64(require_field(entry, path, field), field_path);
        const auto it = ids.find(id);
        if (it == ids.end()) {
            throw input_error(field_path, fmt::format("unknown {} id {} (not in the {} of {})",
                                                      what, id, table, instances_name));
        }
        return it->second;
    }
};

// Reads a COCO results list with simdjson On-Demand, without a DOM or any JSON path: a results
// file has hundreds of thousands of entries. Returns false at the first thing that is not a
// well-formed entry, leaving `detections` unchanged; the caller then reads the file again with
// the validating reader, whose message names the fault.
bool try_read_coco_results(const fs::path& file, const coco_ids& ids,
                           std::vector<detection>& detections) {
    namespace od = simdjson::ondemand;
    simdjson::padded_string text;
    if (simdjson::padded_string::load(file.string()).get(text) != simdjson::SUCCESS) return false;
    od::parser parser;
    od::document document;
    od::array entries;
    if (parser.iterate(text).get(document) != simdjson::SUCCESS ||
        document.get_array().get(entries) != simdjson::SUCCESS) {
        return false;
    }
    auto look_up = [](const std::unordered_map<std::int64_t, std::uint32_t>& table, od::value value,
                      std::uint32_t& index) {
        std::int64_t id = 0;
        if (value.get_int64().get(id) != simdjson::SUCCESS) return false;
        const auto it = table.find(id);
        if (it == table.end()) return false;
        index = it->second;
        return true;
    };
    std::vector<detection> read;
    for (auto element : entries) {
        od::object entry;
        if (element.get_object().get(entry) != simdjson::SUCCESS) return false;
        detection d;
        bool image = false, category = false, bbox = false, score = false;
        for (auto field : entry) {
            std::string_view key;
            od::value value;
            if (field.unescaped_key().get(key) != simdjson::SUCCESS ||
                field.value().get(value) != simdjson::SUCCESS) {
                return false;
            }
            if (key == "image_id") {
                image = look_up(ids.images, value, d.image);
                if (!image) return false;
            } else if (key == "category_id") {
                category = look_up(ids.categories, value, d.class_id);
                if (!category) return false;
            } else if (key == "bbox") {
                od::array numbers_json;
                if (value.get_array().get(numbers_json) != simdjson::SUCCESS) return false;
                double numbers[4] = {};
                std::size_t count = 0;
                for (auto number : numbers_json) {
                    if (count == 4 ||
                        number.get_double().get(numbers[count]) != simdjson::SUCCESS) {
                        return false;
                    }
                    ++count;
                }
                d.bbox = {numbers[0], numbers[1], numbers[0] + numbers[2], numbers[1] + numbers[3]};
                bbox = count == 4 && numbers[2] >= 0 && numbers[3] >= 0 &&
                       std::isfinite(d.bbox.x1) && std::isfinite(d.bbox.y1) &&
                       std::isfinite(d.bbox.x2) && std::isfinite(d.bbox.y2);
                if (!bbox) return false;
            } else if (key == "score") {
                score =
                    value.get_double().get(d.score) == simdjson::SUCCESS && std::isfinite(d.score);
                if (!score) return false;
            }
        }
        if (!image || !category || !bbox || !score) return false;
        read.push_back(d);
    }
    const char* trailing = nullptr;  // anything after the array: let the validating reader say so
    if (document.current_location().get(trailing) == simdjson::SUCCESS) return false;
    detections.insert(detections.end(), read.begin(), read.end());
    return true;
}

// Runs `body`, turning an input_error into a case_file_error that names `file`.
template <typename Body>
void with_file(const fs::path& file, Body body) {
    try {
        body();
    } catch (const input_error& e) {
        throw case_file_error(fmt::format("{}: {}", file.string(), e.describe()));
    }
}

}  // namespace

void load_voc_annotations(const fs::path& annotations_dir, detection_set& set) {
    const std::vector<fs::path> files = files_in(annotations_dir, ".xml");
    if (files.empty()) {
        throw case_file_error(fmt::format("{}: no .xml annotation files in this directory",
                                          annotations_dir.string()));
    }
    id_interner ids(set);
    std::unordered_map<std::string, fs::path> stems;
    for (const fs::path& file : files) {
        const auto [previous, fresh] = stems.emplace(file.stem().string(), file);
        if (!fresh) {
            throw case_file_error(fmt::format("{}: image id \"{}\" is also annotated by {}",
                                              file.string(), file.stem().string(),
                                              previous->second.string()));
        }
        read_voc_annotation(file, ids, set);
    }
}

void load_voc_results(const fs::path& results_dir, detection_set& set) {
    const std::vector<fs::path> files = files_in(results_dir, ".txt");
    id_interner ids(set);
    std::unordered_map<std::string, fs::path> class_files;
    for (const fs::path& file : files) {
        const std::optional<std::string> class_name = voc_results_class(file.stem().string());
        if (!class_name) {
            throw case_file_error(fmt::format(
                "{}: not a VOC results file name (expected <prefix>_det_<set>_<class>.txt such "
                "as comp4_det_test_dog.txt)",
                file.string()));
        }
        const auto [previous, fresh] = class_files.emplace(*class_name, file);
        if (!fresh) {
            throw case_file_error(fmt::format("{}: class \"{}\" also has results in {}",
                                              file.string(), *class_name,
                                              previous->second.string()));
        }
        read_voc_results_file(file, ids.class_id(*class_name), ids, set);
    }
    if (files.empty()) {
        throw case_file_error(fmt::format(
            "{}: no VOC results files (<prefix>_det_<set>_<class>.txt) in this directory",
            results_dir.string()));
    }
}

detection_set load_voc(const fs::path& annotations_dir, const fs::path& results_dir) {
    detection_set set;
    load_voc_annotations(annotations_dir, set);
    load_voc_results(results_dir, set);
    return set;
}

detection_set load_coco(const fs::path& instances_json, const fs::path& results_json) {
    detection_set set;
    coco_ids ids;
    ids.instances_name = instances_json.filename().string();

    const json instances = parse_json_file(instances_json);
    with_file(instances_json, [&] {
        require_object(instances, "");
        ids.images = read_coco_ids(instances, "images", set.images);
        ids.categories = read_coco_ids(instances, "categories", set.classes);
        const json& annotations =
            require_array(require_field(instances, "", "annotations"), "annotations");
        set.ground_truth.reserve(annotations.size());
        for (std::size_t i = 0; i < annotations.size(); ++i) {
            const json& annotation = annotations[i];
            std::optional<coco_box_entry> entry = ids.try_read_entry(annotation);
            if (!entry) entry = ids.read_entry(annotation, json_path("annotations", i));
            ground_truth_box gt{entry->image, entry->class_id, entry->bbox, false};
            if (const json* crowd = optional_field(annotation, "iscrowd")) {
                if (crowd->is_boolean()) {
                    gt.difficult = crowd->get<bool>();
                } else if (crowd->is_number_integer() && (*crowd == 0 || *crowd == 1)) {
                    gt.difficult = *crowd == 1;
                } else {
                    read_int64(*crowd, json_path(json_path("annotations", i), "iscrowd"), 0, 1);
                }
            }
            set.ground_truth.push_back(gt);
        }
    });

    if (try_read_coco_results(results_json, ids, set.detections)) return set;
    const json results = parse_json_file(results_json);
    with_file(results_json, [&] {
        require_array(results, "");
        set.detections.reserve(results.size());
        for (std::size_t i = 0; i < results.size(); ++i) {
            const json& result = results[i];
            std::optional<coco_box_entry> entry = ids.try_read_entry(result);
            if (!entry) entry = ids.read_entry(result, json_path("", i));
            const auto score = result.find("score");
            const bool plain =
                score != result.end() && score->is_number() && std::isfinite(score->get<double>());
            const double value = plain
                                     ? score->get<double>()
                                     : read_double(require_field(result, json_path("", i), "score"),
                                                   json_path(json_path("", i), "score"));
            set.detections.push_back({entry->image, entry->class_id, value, entry->bbox});
        }
    });
    return set;
}

}  // namespace algojudge
