// Internal to formats/ap_json*.cpp: the simdjson On-Demand reader of the AP JSON form, used on
// a whole document (ap_json.cpp) or on runs of entries a block at a time (ap_json_blocks.cpp).
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <simdjson.h>

#include "formats/boxes.hpp"
#include "formats/detection_builder.hpp"
#include "support/huge_pages.hpp"
#include "support/json_input.hpp"

namespace algojudge::detail {

// Ids are 32-bit: refuse sets that would not fit rather than wrap.
inline constexpr std::size_t max_ap_entries = std::size_t{1} << 31;

namespace od = simdjson::ondemand;

// A JSON path rendered only when a message needs it (`detections[4].bbox[2]`): the hot loop of
// the fast reader formats nothing.
struct lazy_path {
    std::string_view list;  // a top-level key ("" for the document)
    std::size_t index = SIZE_MAX;
    std::string_view key;
    std::size_t element = SIZE_MAX;

    lazy_path() = default;
    lazy_path(std::string_view top, std::size_t i = SIZE_MAX) : list(top), index(i) {}

    lazy_path at(std::size_t i) const {
        lazy_path inner = *this;
        inner.element = i;
        return inner;
    }
    lazy_path field(std::string_view name) const {
        lazy_path inner = *this;
        inner.key = name;
        return inner;
    }
    std::string str() const {
        std::string path(list);
        if (index != SIZE_MAX) path = json_path(path, index);
        if (!key.empty()) path = json_path(path, key);
        if (element != SIZE_MAX) path = json_path(path, element);
        return path;
    }
};

// Reads the problem's JSON with simdjson On-Demand into a detection_set; every error names the
// file and the JSON path. Used whole (read) or a piece at a time (setting, entries).
class fast_reader {
  public:
    // `file_size` bounds the entries to reserve room for.
    fast_reader(std::string file, std::size_t file_size) : file_(std::move(file)) {
        // An entry takes at least ~60 bytes of text: reserving that many slots costs address
        // space only (untouched pages), and spares the copies of a growing 50 MB vector.
        constexpr std::size_t min_entry_bytes = 60;
        const std::size_t most_entries = std::min(file_size / min_entry_bytes, max_ap_entries);
        reserve_huge(builder_.result().set.ground_truth, most_entries);
        reserve_huge(builder_.result().set.detections, most_entries);
    }

    // The whole document; `capacity` >= text.size() + SIMDJSON_PADDING readable bytes.
    ap_input read(std::string_view text, std::size_t capacity) {
        // simdjson would take a NUL inside a name for data, and follows deep nesting
        // without bound: json_text_defect refuses both, with their place.
        if (std::string defect = json_text_defect(text); !defect.empty()) fail({}, defect);
        od::parser parser;
        od::document document;
        check(parser.allocate(text.size(), max_json_depth), {});
        check(parser.iterate(text.data(), text.size(), capacity).get(document), {});
        od::object top;
        {
            od::json_type type{};
            check(document.type().get(type), {});
            if (type != od::json_type::object) {
                fail({}, fmt::format("expected an object, got {}", type_words(type)));
            }
        }
        check(document.get_object().get(top), {});
        bool has_ground_truth = false;
        bool has_detections = false;
        std::vector<std::string> keys_seen;
        for (auto field : top) {
            std::string_view key;
            check(field.unescaped_key().get(key), {});
            const lazy_path path{key};
            if (std::find(keys_seen.begin(), keys_seen.end(), key) != keys_seen.end()) {
                fail({}, fmt::format("duplicate key \"{}\"", key));
            }
            keys_seen.emplace_back(key);
            od::value value;
            check(field.value().get(value), path);
            if (setting(key, value)) continue;
            const bool ground_truth = key == "ground_truth";
            if (!ground_truth && key != "detections") fail(path, "unknown field");
            (ground_truth ? has_ground_truth : has_detections) = true;
            od::array entries;
            if (value.get_array().get(entries) != simdjson::SUCCESS) {
                fail(path, fmt::format("expected an array, got {}", kind(value)));
            }
            read_entries(entries, key, 0, ground_truth);
        }
        if (!has_ground_truth) fail({}, "missing field \"ground_truth\"");
        if (!has_detections) fail({}, "missing field \"detections\"");
        // The location is known only while something follows the document.
        if (const char* rest = nullptr;
            document.current_location().get(rest) == simdjson::SUCCESS) {
            const auto offset = static_cast<std::size_t>(rest - text.data());
            fail({}, fmt::format("malformed JSON at {}: more after the document",
                                 text_location(text, offset)));
        }
        return take();
    }

    // Applies the top-level field `key` when it is a setting (iou_threshold or a convention
    // flag); false for any other key.
    bool setting(std::string_view key, od::value& value) {
        const lazy_path path{key};
        ap_conventions& conventions = builder_.result().conventions;
        if (key == "iou_threshold") {
            const double threshold = number(value, path);
            if (threshold < 0 || threshold > 1) {
                fail(path, fmt::format("expected a number in [0, 1], got {}", threshold));
            }
            conventions.iou_threshold = threshold;
        } else if (key == "pixel_plus_one") {
            conventions.pixel_plus_one = flag(value, path);
        } else if (key == "strict_greater") {
            conventions.strict_greater = flag(value, path);
        } else if (key == "numpy_thresholds") {
            conventions.numpy_thresholds = flag(value, path);
        } else {
            return false;
        }
        return true;
    }

    ap_input take() { return std::move(builder_.result()); }

  private:
    [[noreturn]] void fail(const lazy_path& path, const std::string& message) const {
        const std::string where = path.str();
        throw input_error(where, message).within(file_);
    }

    void check(simdjson::error_code error, const lazy_path& path) const {
        if (error == simdjson::SUCCESS) return;
        if (error == simdjson::INCORRECT_TYPE || error == simdjson::NUMBER_ERROR) {
            fail(path, simdjson::error_message(error));
        }
        // Structural damage: the document is not JSON.
        fail({}, fmt::format("malformed JSON ({})", simdjson::error_message(error)));
    }

    // The value's type in words for "expected ..., got ..." messages.
    static std::string_view kind(od::value& value) {
        od::json_type type{};
        if (value.type().get(type) != simdjson::SUCCESS) return "malformed JSON";
        return type_words(type);
    }

    static std::string_view type_words(od::json_type type) {
        switch (type) {
            case od::json_type::array:
                return "an array";
            case od::json_type::object:
                return "an object";
            case od::json_type::number:
                return "a number";
            case od::json_type::string:
                return "a string";
            case od::json_type::boolean:
                return "a boolean";
            case od::json_type::null:
                return "null";
        }
        return "a value";
    }

    double number(od::value& value, const lazy_path& path) const {
        double result = 0;
        if (value.get_double().get(result) != simdjson::SUCCESS) {
            od::json_type type{};
            if (value.type().get(type) == simdjson::SUCCESS && type == od::json_type::number) {
                fail(path, "expected a finite number, got one out of range");
            }
            fail(path, fmt::format("expected a number, got {}", kind(value)));
        }
        if (!std::isfinite(result)) fail(path, "expected a finite number");
        return result;
    }

    bool flag(od::value& value, const lazy_path& path) const {
        bool result = false;
        if (value.get_bool().get(result) != simdjson::SUCCESS) {
            fail(path, fmt::format("expected true or false, got {}", kind(value)));
        }
        return result;
    }

    std::string_view name(od::value& value, const lazy_path& path) const {
        // Most names have no escapes: take them straight from the text (the token runs to the
        // next structural character), sparing simdjson's copy into its string buffer. A raw
        // control character cannot be among them: simdjson's first pass refuses the text
        // (UNESCAPED_CHARS), and the whole reader's json_text_defect names its place.
        const std::string_view token = value.raw_json_token();
        if (!token.empty() && token.front() == '"') {
            const std::size_t end = token.find_first_of("\\\"", 1);
            if (end != std::string_view::npos && token[end] == '"') return token.substr(1, end - 1);
        }
        std::string_view result;
        if (value.get_string().get(result) != simdjson::SUCCESS) {
            if (!token.empty() && token.front() == '"') {
                fail(path, "malformed string (a bad escape or a lone UTF-16 surrogate)");
            }
            fail(path, fmt::format("expected a string, got {}", kind(value)));
        }
        return result;
    }

    // An image: a name, or an integer id as COCO gives them (named by its decimal digits).
    std::string_view image_name(od::value& value, const lazy_path& path) {
        const std::string_view token = value.raw_json_token();
        if (token.empty() ||
            (token.front() != '-' && (token.front() < '0' || token.front() > '9'))) {
            return name(value, path);
        }
        std::int64_t id = 0;
        if (value.get_int64().get(id) != simdjson::SUCCESS) {
            fail(path, fmt::format("expected a string or an integer, got {}",
                                   token.substr(0, token.find_last_not_of(" \t\r\n") + 1)));
        }
        image_number_ = std::to_string(id);
        return image_number_;
    }

    box bbox(od::value& value, const lazy_path& path) const {
        od::array corners_json;
        if (value.get_array().get(corners_json) != simdjson::SUCCESS) {
            fail(path, fmt::format("expected [x1, y1, x2, y2], got {}", kind(value)));
        }
        std::array<double, 4> corners{};
        std::size_t count = 0;
        for (auto element : corners_json) {
            od::value corner;
            check(element.get(corner), path.at(count));
            if (count < 4) corners[count] = number(corner, path.at(count));
            ++count;
        }
        if (count != 4) {
            fail(path, fmt::format("expected [x1, y1, x2, y2], got {} numbers", count));
        }
        if (std::string defect = box_defect(corners); !defect.empty()) fail(path, defect);
        return to_box(corners);
    }

    // The key of an entry's field. The usual keys are compared in place in the text; only an
    // unusual one (escaped, or unknown) is unescaped, into simdjson's string buffer.
    std::string_view entry_key(od::field& field, const lazy_path& path) const {
        static constexpr std::array<std::string_view, 5> keys = {"image", "class", "bbox", "score",
                                                                 "difficult"};
        const od::raw_json_string raw = field.key();
        for (std::string_view key : keys) {
            if (raw.unsafe_is_equal(key)) return key;
        }
        std::string_view key;
        check(field.unescaped_key().get(key), path);
        return key;
    }

    // The fields of one entry as read, before the image is interned.
    struct entry_fields {
        std::string_view image_name;
        std::uint64_t image_hash = 0;
        std::uint32_t class_id = 0;
        box corners;
        double score = 0;
        bool difficult = false;
        unsigned seen = 0;  // bits: image, class, bbox, score, difficult
    };

    // Reads the fields of `entry` at `path`; a repeated or unknown key is an error.
    entry_fields read_fields(od::object& entry, const lazy_path& path, bool ground_truth) {
        entry_fields read;
        for (auto field_or_error : entry) {
            od::field field;
            check(std::move(field_or_error).get(field), path);
            const std::string_view key = entry_key(field, path);
            od::value& member = field.value();
            const unsigned bit = key == "image"       ? 1u
                                 : key == "class"     ? 2u
                                 : key == "bbox"      ? 4u
                                 : key == "score"     ? 8u
                                 : key == "difficult" ? 16u
                                                      : 0u;
            if ((read.seen & bit) != 0) fail(path, fmt::format("duplicate key \"{}\"", key));
            if (key == "image") {
                // Interned after the rest of the entry is read, its table slot prefetched
                // meanwhile.
                read.image_name = image_name(member, path.field(key));
                read.image_hash = builder_.image_hash(read.image_name);
            } else if (key == "class") {
                read.class_id = builder_.class_id(name(member, path.field(key)));
            } else if (key == "bbox") {
                read.corners = bbox(member, path.field(key));
            } else if (!ground_truth && key == "score") {
                read.score = number(member, path.field(key));
            } else if (ground_truth && key == "difficult") {
                od::json_type type{};
                check(member.type().get(type), path.field(key));
                if (type != od::json_type::null) read.difficult = flag(member, path.field(key));
            } else {
                fail(path.field(key), "unknown field");
            }
            read.seen |= bit;
        }
        const unsigned required = ground_truth ? 7u : 15u;
        if ((read.seen & required) != required) {
            const char* missing = (read.seen & 1) == 0   ? "image"
                                  : (read.seen & 2) == 0 ? "class"
                                  : (read.seen & 4) == 0 ? "bbox"
                                                         : "score";
            fail(path, fmt::format("missing field \"{}\"", missing));
        }
        return read;
    }

  public:
    // Appends the entries of `entries`, part of the top-level array `list` starting at its
    // element `first_index`; returns the index after the last.
    std::size_t read_entries(od::array& entries, std::string_view list, std::size_t first_index,
                             bool ground_truth) {
        ap_input& out = builder_.result();
        lazy_path path{list, first_index};
        for (auto element : entries) {
            od::object entry;
            if (element.get_object().get(entry) != simdjson::SUCCESS) {
                od::value raw;
                check(element.get(raw), path);
                fail(path, fmt::format("expected an object, got {}", kind(raw)));
            }
            if (path.index + 1 >= max_ap_entries) fail({list}, "too many entries");
            const entry_fields read = read_fields(entry, path, ground_truth);
            const std::uint32_t image = builder_.image(read.image_name, read.image_hash);
            if (ground_truth) {
                out.set.ground_truth.push_back(
                    {image, read.class_id, read.corners, read.difficult});
            } else {
                out.set.detections.push_back({image, read.class_id, read.score, read.corners});
            }
            ++path.index;
        }
        return path.index;
    }

  private:
    std::string file_;
    detection_builder builder_;
    std::string image_number_;  // the digits of the last integer image id read
};

}  // namespace algojudge::detail
