#include "formats/coco.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <simdjson.h>

#include "support/files.hpp"
#include "support/json_input.hpp"

namespace algojudge {

namespace fs = std::filesystem;

namespace {

json parse_json_file(const fs::path& file) {
    return parse_json_text(read_text_file(file.string(), default_input_limit, true), file.string());
}

// A COCO box [x, y, width, height] at `path`.
coco_box read_coco_box(const json& value, const std::string& path) {
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
    return {x, y, width, height};
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
    std::uint32_t image = 0;     // file order
    std::uint32_t class_id = 0;  // file order
    coco_box bbox;
};

bool well_formed(const coco_box& b) {
    return b.w >= 0 && b.h >= 0 && std::isfinite(b.x) && std::isfinite(b.y) &&
           std::isfinite(b.x + b.w) && std::isfinite(b.y + b.h);
}

box corners(const coco_box& b) {
    return {b.x, b.y, b.x + b.w, b.y + b.h};
}

// A well-formed COCO box [x, y, width, height]; nullopt for anything else (the validating
// read_coco_box then says what is wrong). No path is built on this common path.
std::optional<coco_box> try_read_coco_box(const json& value) {
    if (!value.is_array() || value.size() != 4) return std::nullopt;
    double numbers[4] = {};
    for (std::size_t k = 0; k < 4; ++k) {
        if (!value[k].is_number()) return std::nullopt;
        numbers[k] = value[k].get<double>();
    }
    const coco_box read{numbers[0], numbers[1], numbers[2], numbers[3]};
    if (!well_formed(read)) return std::nullopt;
    return read;
}

// "1, 2, 3" for a few ids; "1 to 90 (80 ids)" for many.
std::string describe_ids(const std::unordered_map<std::int64_t, std::uint32_t>& ids) {
    std::vector<std::int64_t> sorted;
    sorted.reserve(ids.size());
    for (const auto& entry : ids)
        sorted.push_back(entry.first);
    std::sort(sorted.begin(), sorted.end());
    if (sorted.empty()) return "none";
    if (sorted.size() <= 8) return fmt::format("{}", fmt::join(sorted, ", "));
    return fmt::format("{} to {} ({} ids)", sorted.front(), sorted.back(), sorted.size());
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
        const std::optional<coco_box> read = try_read_coco_box(*bbox);
        if (!read) return std::nullopt;
        return coco_box_entry{*image, *category, *read};
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
            std::string message = fmt::format("unknown {} id {} (not in the {} of {}", what, id,
                                              table, instances_name);
            if (table == "categories") {
                message += fmt::format(
                    ", whose ids are {}; a shifted class index is the usual "
                    "cause",
                    describe_ids(ids));
            }
            throw input_error(field_path, message + ")");
        }
        return it->second;
    }
};

namespace od = simdjson::ondemand;

// A well-formed COCO box [x, y, width, height] read On-Demand; false for anything else.
bool read_box(od::value value, coco_box& read) {
    od::array numbers_json;
    if (value.get_array().get(numbers_json) != simdjson::SUCCESS) return false;
    double numbers[4] = {};
    std::size_t count = 0;
    for (auto number : numbers_json) {
        if (count == 4 || number.get_double().get(numbers[count]) != simdjson::SUCCESS) {
            return false;
        }
        ++count;
    }
    read = {numbers[0], numbers[1], numbers[2], numbers[3]};
    return count == 4 && well_formed(read);
}

// The whole file, or false when it cannot be read (the validating reader then says why).
bool load_padded(const fs::path& file, simdjson::padded_string& text) {
    return simdjson::padded_string::load(file.string()).get(text) == simdjson::SUCCESS;
}

// Calls on_field(key, value) for every member of `object`; false at a malformed member or as
// soon as on_field returns false.
template <typename OnField>
bool for_each_field(od::object object, OnField on_field) {
    for (auto field : object) {
        std::string_view key;
        od::value value;
        if (field.unescaped_key().get(key) != simdjson::SUCCESS ||
            field.value().get(value) != simdjson::SUCCESS || !on_field(key, value)) {
            return false;
        }
    }
    return true;
}

// An instances file's `images` or `categories` On-Demand: ids (each once) and names (categories:
// non-empty and each once). False at the first thing the validating reader would reject.
bool try_read_id_table(od::value value, bool is_categories,
                       std::unordered_map<std::int64_t, std::uint32_t>& ids,
                       std::vector<std::string>& names) {
    od::array entries;
    if (value.get_array().get(entries) != simdjson::SUCCESS) return false;
    std::unordered_map<std::string, std::uint32_t> seen_names;
    for (auto element : entries) {
        od::object entry;
        if (element.get_object().get(entry) != simdjson::SUCCESS) return false;
        std::optional<std::int64_t> id;
        std::optional<std::string> name;
        const bool fields_read =
            for_each_field(entry, [&](std::string_view key, od::value field_value) {
                if (key == "id") {
                    std::int64_t read = 0;
                    if (field_value.get_int64().get(read) != simdjson::SUCCESS) return false;
                    id = read;
                } else if (key == (is_categories ? "name" : "file_name")) {
                    std::string_view read;
                    if (field_value.get_string().get(read) != simdjson::SUCCESS) return false;
                    name = std::string(read);
                }
                return true;
            });
        if (!fields_read) return false;
        if (!id || names.size() >= std::numeric_limits<std::uint32_t>::max()) return false;
        if (!ids.emplace(*id, static_cast<std::uint32_t>(names.size())).second) return false;
        if (is_categories) {
            if (!name || name->empty()) return false;
            if (!seen_names.emplace(*name, 0).second) return false;
        }
        names.push_back(name ? std::move(*name) : std::to_string(*id));
    }
    return true;
}

// An annotation as written, its image and category still COCO ids.
struct raw_annotation {
    std::int64_t image_id = 0, category_id = 0;
    coco_ground_truth gt;
};

bool try_read_annotations(od::value value, std::vector<raw_annotation>& annotations) {
    od::array entries;
    if (value.get_array().get(entries) != simdjson::SUCCESS) return false;
    for (auto element : entries) {
        od::object entry;
        if (element.get_object().get(entry) != simdjson::SUCCESS) return false;
        raw_annotation a;
        a.gt.id = static_cast<std::int64_t>(annotations.size()) + 1;
        bool image = false, category = false, bbox = false, area = false;
        const bool fields_read =
            for_each_field(entry, [&](std::string_view key, od::value field_value) {
                if (key == "image_id") {
                    image = field_value.get_int64().get(a.image_id) == simdjson::SUCCESS;
                    if (!image) return false;
                } else if (key == "category_id") {
                    category = field_value.get_int64().get(a.category_id) == simdjson::SUCCESS;
                    if (!category) return false;
                } else if (key == "bbox") {
                    bbox = read_box(field_value, a.gt.bbox);
                    if (!bbox) return false;
                } else if (key == "area") {
                    area = field_value.get_double().get(a.gt.area) == simdjson::SUCCESS &&
                           std::isfinite(a.gt.area);
                    if (!area) return false;
                } else if (key == "id") {
                    if (field_value.get_int64().get(a.gt.id) != simdjson::SUCCESS) return false;
                } else if (key == "iscrowd") {
                    bool crowd = false;
                    std::int64_t number = 0;
                    if (field_value.get_bool().get(crowd) == simdjson::SUCCESS) {
                        a.gt.iscrowd = crowd;
                    } else if (field_value.get_int64().get(number) == simdjson::SUCCESS &&
                               (number == 0 || number == 1)) {
                        a.gt.iscrowd = number == 1;
                    } else {
                        return false;
                    }
                }
                return true;
            });
        if (!fields_read) return false;
        if (!image || !category || !bbox) return false;
        if (!area) a.gt.area = a.gt.bbox.w * a.gt.bbox.h;
        annotations.push_back(a);
    }
    return true;
}

// Reads a COCO results list with simdjson On-Demand, without a DOM or any JSON path: a results
// file has hundreds of thousands of entries. Returns false at the first thing that is not a
// well-formed entry, leaving `detections` unchanged; the caller then reads the file again with
// the validating reader, whose message names the fault.
bool try_read_coco_results(const fs::path& file, const coco_ids& ids,
                           std::vector<coco_detection>& detections) {
    simdjson::padded_string text;
    if (!load_padded(file, text)) return false;
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
    std::vector<coco_detection> read;
    for (auto element : entries) {
        od::object entry;
        if (element.get_object().get(entry) != simdjson::SUCCESS) return false;
        coco_detection d;
        bool image = false, category = false, bbox = false, score = false;
        const bool fields_read = for_each_field(entry, [&](std::string_view key, od::value value) {
            if (key == "image_id") {
                image = look_up(ids.images, value, d.image);
                if (!image) return false;
            } else if (key == "category_id") {
                category = look_up(ids.categories, value, d.class_id);
                if (!category) return false;
            } else if (key == "bbox") {
                bbox = read_box(value, d.bbox);
                if (!bbox) return false;
            } else if (key == "score") {
                score =
                    value.get_double().get(d.score) == simdjson::SUCCESS && std::isfinite(d.score);
                if (!score) return false;
            }
            return true;
        });
        if (!fields_read) return false;
        if (!image || !category || !bbox || !score) return false;
        read.push_back(d);
    }
    const char* trailing = nullptr;  // anything after the array: let the validating reader say so
    if (document.current_location().get(trailing) == simdjson::SUCCESS) return false;
    detections = std::move(read);
    return true;
}

// Reads an instances file with simdjson On-Demand, as try_read_coco_results does a results
// file: its members in any order (COCO's own files put `categories` last), every annotation
// resolved against the ids once all are read. Returns false, leaving the outputs to be
// overwritten, at the first thing the validating reader would reject.
bool try_read_coco_instances(const fs::path& file, coco_ids& ids, detection_set& set,
                             std::vector<coco_ground_truth>& annotations) {
    simdjson::padded_string text;
    if (!load_padded(file, text)) return false;
    od::parser parser;
    od::document document;
    od::object root;
    if (parser.iterate(text).get(document) != simdjson::SUCCESS ||
        document.get_object().get(root) != simdjson::SUCCESS) {
        return false;
    }
    bool images = false, categories = false, annotations_seen = false;
    std::vector<raw_annotation> raw;
    const bool fields_read = for_each_field(root, [&](std::string_view key, od::value value) {
        if (key == "images") {
            if (images || !try_read_id_table(value, false, ids.images, set.images)) return false;
            images = true;
        } else if (key == "categories") {
            if (categories || !try_read_id_table(value, true, ids.categories, set.classes)) {
                return false;
            }
            categories = true;
        } else if (key == "annotations") {
            if (annotations_seen || !try_read_annotations(value, raw)) return false;
            annotations_seen = true;
        }
        return true;
    });
    if (!fields_read) return false;
    const char* trailing = nullptr;
    if (document.current_location().get(trailing) == simdjson::SUCCESS) return false;
    if (!images || !categories || !annotations_seen) return false;
    annotations.reserve(raw.size());
    for (raw_annotation& a : raw) {
        const auto image = ids.images.find(a.image_id);
        const auto category = ids.categories.find(a.category_id);
        if (image == ids.images.end() || category == ids.categories.end()) return false;
        a.gt.image = image->second;
        a.gt.class_id = category->second;
        annotations.push_back(a.gt);
    }
    return true;
}

// Runs `body`, adding `file` to the input_error it may throw.
template <typename Body>
void with_file(const fs::path& file, Body body) {
    try {
        body();
    } catch (input_error& e) {
        e.within(file.string());
        throw;
    }
}

// For each file-order index, its rank among the ids in ascending order.
std::vector<std::uint32_t> ranks_by_id(const std::unordered_map<std::int64_t, std::uint32_t>& ids) {
    std::vector<std::pair<std::int64_t, std::uint32_t>> sorted(ids.begin(), ids.end());
    std::sort(sorted.begin(), sorted.end());
    std::vector<std::uint32_t> rank(sorted.size());
    for (std::size_t r = 0; r < sorted.size(); ++r)
        rank[sorted[r].second] = static_cast<std::uint32_t>(r);
    return rank;
}

bool read_iscrowd(const json& annotation, std::size_t i) {
    const json* crowd = optional_field(annotation, "iscrowd");
    if (!crowd) return false;
    if (crowd->is_boolean()) return crowd->get<bool>();
    if (crowd->is_number_integer() && (*crowd == 0 || *crowd == 1)) return *crowd == 1;
    return read_int64(*crowd, json_path(json_path("annotations", i), "iscrowd"), 0, 1) == 1;
}

// The validating reader of an instances file: every fault reported with the file and its path.
void read_coco_instances(const fs::path& file, coco_ids& ids, detection_set& set,
                         std::vector<coco_ground_truth>& annotations_read) {
    const json instances = parse_json_file(file);
    with_file(file, [&] {
        require_object(instances, "");
        ids.images = read_coco_ids(instances, "images", set.images);
        ids.categories = read_coco_ids(instances, "categories", set.classes);
        const json& annotations =
            require_array(require_field(instances, "", "annotations"), "annotations");
        annotations_read.reserve(annotations.size());
        for (std::size_t i = 0; i < annotations.size(); ++i) {
            const json& annotation = annotations[i];
            const std::string path = json_path("annotations", i);
            std::optional<coco_box_entry> entry = ids.try_read_entry(annotation);
            if (!entry) entry = ids.read_entry(annotation, path);
            coco_ground_truth gt{entry->image,
                                 entry->class_id,
                                 entry->bbox,
                                 entry->bbox.w * entry->bbox.h,
                                 read_iscrowd(annotation, i),
                                 static_cast<std::int64_t>(i) + 1};
            if (const json* area = optional_field(annotation, "area")) {
                gt.area = area->is_number() ? area->get<double>()
                                            : read_double(*area, json_path(path, "area"));
            }
            if (const json* id = optional_field(annotation, "id")) {
                gt.id = id->is_number_integer() && !id->is_number_unsigned()
                            ? id->get<std::int64_t>()
                            : read_int64(*id, json_path(path, "id"));
            }
            annotations_read.push_back(gt);
        }
    });
}

// The validating reader of a results file, against the instances file's ids.
void read_coco_results(const fs::path& file, const coco_ids& ids,
                       std::vector<coco_detection>& detections) {
    const json results = parse_json_file(file);
    with_file(file, [&] {
        require_array(results, "");
        detections.reserve(results.size());
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
            detections.push_back({entry->image, entry->class_id, entry->bbox, value});
        }
    });
}

// The COCO view from the file-order one: images by ascending id, classes by ascending category
// id, class names in that order and each class's index in the VOC view.
void rank_by_coco_id(const coco_ids& ids, const detection_set& set, coco_protocol_input& protocol) {
    const std::vector<std::uint32_t> image_rank = ranks_by_id(ids.images);
    const std::vector<std::uint32_t> class_rank = ranks_by_id(ids.categories);
    protocol.image_count = static_cast<std::uint32_t>(set.images.size());
    protocol.class_names.resize(set.classes.size());
    protocol.set_class.resize(set.classes.size());
    for (std::uint32_t c = 0; c < set.classes.size(); ++c) {
        protocol.class_names[class_rank[c]] = set.classes[c];
        protocol.set_class[class_rank[c]] = c;
    }
    for (coco_ground_truth& gt : protocol.ground_truth) {
        gt.image = image_rank[gt.image];
        gt.class_id = class_rank[gt.class_id];
    }
    for (coco_detection& d : protocol.detections) {
        d.image = image_rank[d.image];
        d.class_id = class_rank[d.class_id];
    }
}

}  // namespace

coco_files load_coco_files(const fs::path& instances_json, const fs::path& results_json) {
    coco_files files;
    detection_set& set = files.set;
    coco_protocol_input& protocol = files.protocol;
    coco_ids ids;
    ids.instances_name = instances_json.filename().string();

    // Both views share the file-order indices until the end, where the protocol's are ranked.
    std::vector<coco_ground_truth>& annotations_read = protocol.ground_truth;
    if (!try_read_coco_instances(instances_json, ids, set, annotations_read)) {
        ids.images.clear();
        ids.categories.clear();
        set.images.clear();
        set.classes.clear();
        annotations_read.clear();
        read_coco_instances(instances_json, ids, set, annotations_read);
    }
    std::vector<coco_detection>& detections = protocol.detections;
    if (!try_read_coco_results(results_json, ids, detections)) {
        read_coco_results(results_json, ids, detections);
    }

    // The VOC view: file order, crowd regions as difficult boxes.
    set.ground_truth.reserve(annotations_read.size());
    for (const coco_ground_truth& gt : annotations_read)
        set.ground_truth.push_back({gt.image, gt.class_id, corners(gt.bbox), gt.iscrowd});
    set.detections.reserve(detections.size());
    for (const coco_detection& d : detections)
        set.detections.push_back({d.image, d.class_id, d.score, corners(d.bbox)});

    rank_by_coco_id(ids, set, protocol);
    return files;
}

detection_set load_coco(const fs::path& instances_json, const fs::path& results_json) {
    return std::move(load_coco_files(instances_json, results_json).set);
}

}  // namespace algojudge
