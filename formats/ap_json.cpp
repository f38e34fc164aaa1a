#include "formats/ap_json.hpp"

#include <array>
#include <string_view>

#include <fmt/format.h>
#include <simdjson.h>

#include "formats/boxes.hpp"
#include "formats/internal_ap_json_reader.hpp"
#include "support/files.hpp"

namespace algojudge {

namespace {

box read_box(const json& value, const std::string& path) {
    require_array(value, path);
    if (value.size() != 4) throw_expected(path, "[x1, y1, x2, y2]", value);
    std::array<double, 4> corners{};
    for (std::size_t i = 0; i < 4; ++i)
        corners[i] = read_double(value[i], json_path(path, i));
    if (std::string defect = box_defect(corners); !defect.empty()) {
        throw input_error(path, defect);
    }
    return to_box(corners);
}

bool read_flag(const json& object, const std::string& path, std::string_view key) {
    const json* value = optional_field(object, key);
    return value != nullptr && read_bool(*value, json_path(path, key));
}

void check_count(std::size_t count, const std::string& path) {
    if (count >= detail::max_ap_entries) {
        throw input_error(
            path, fmt::format("at most {} entries, got {}", detail::max_ap_entries - 1, count));
    }
}

// Calls `each(entry, item_path)` for every object of the array `input[list]`.
template <class Each>
void for_each_entry(const json& input, const std::string& path, std::string_view list,
                    std::initializer_list<std::string_view> fields, Each each) {
    const std::string list_path = json_path(path, list);
    const json& entries = require_array(require_field(input, path, list), list_path);
    check_count(entries.size(), list_path);
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const std::string item = json_path(list_path, i);
        const json& entry = require_object(entries[i], item);
        reject_unknown_fields(entry, item, fields);
        each(entry, item);
    }
}

}  // namespace

ap_input read_ap_json_value(const json& input, const std::string& path) {
    require_object(input, path);
    reject_unknown_fields(input, path, ap_json_fields);
    detection_builder builder;
    ap_conventions& conventions = builder.result().conventions;
    if (const json* threshold = optional_field(input, "iou_threshold")) {
        conventions.iou_threshold = read_double(*threshold, json_path(path, "iou_threshold"), 0, 1);
    }
    conventions.pixel_plus_one = read_flag(input, path, "pixel_plus_one");
    conventions.strict_greater = read_flag(input, path, "strict_greater");
    conventions.numpy_thresholds = read_flag(input, path, "numpy_thresholds");

    detection_set& set = builder.result().set;
    auto name_of = [](const json& entry, const std::string& item, std::string_view key) {
        return read_string(require_field(entry, item, key), json_path(item, key));
    };
    // An image is a name or, as in COCO, an integer id, named by its decimal digits.
    auto image_of = [&](const json& entry, const std::string& item) {
        const json& image = require_field(entry, item, "image");
        if (image.is_number_integer()) {
            return builder.image(image.is_number_unsigned()
                                     ? std::to_string(image.get<std::uint64_t>())
                                     : std::to_string(image.get<std::int64_t>()));
        }
        if (image.is_number()) {
            throw_expected(json_path(item, "image"), "a string or an integer", image);
        }
        return builder.image(name_of(entry, item, "image"));
    };
    for_each_entry(input, path, "ground_truth", {"image", "class", "bbox", "difficult"},
                   [&](const json& entry, const std::string& item) {
                       set.ground_truth.push_back(
                           {image_of(entry, item), builder.class_id(name_of(entry, item, "class")),
                            read_box(require_field(entry, item, "bbox"), json_path(item, "bbox")),
                            read_flag(entry, item, "difficult")});
                   });
    for_each_entry(
        input, path, "detections", {"image", "class", "score", "bbox"},
        [&](const json& entry, const std::string& item) {
            set.detections.push_back(
                {image_of(entry, item), builder.class_id(name_of(entry, item, "class")),
                 read_double(require_field(entry, item, "score"), json_path(item, "score")),
                 read_box(require_field(entry, item, "bbox"), json_path(item, "bbox"))});
        });
    return std::move(builder.result());
}

ap_input read_ap_json_whole(const std::filesystem::path& file) {
    const std::string name = file.string();
    refuse_larger_than(name);
    simdjson::padded_string text;
    std::error_code error;
    if (!std::filesystem::is_regular_file(file, error) ||
        simdjson::padded_string::load(name).get(text) != simdjson::SUCCESS) {
        text = simdjson::padded_string(
            read_text_file(name, default_input_limit, true));  // a pipe, or says what is wrong
    }
    return detail::fast_reader(name, text.size())
        .read({text.data(), text.size()}, text.size() + simdjson::SIMDJSON_PADDING);
}

std::optional<ap_input> read_ap_json_text(std::string_view text) {
    static_assert(text_padding >= simdjson::SIMDJSON_PADDING);
    try {
        return detail::fast_reader("", text.size()).read(text, text.size() + text_padding);
    } catch (const input_error&) {
        return std::nullopt;
    }
}

ap_input load_ap_json_file(const std::filesystem::path& file) {
    // The block reader would read any size, and its entries fill memory: refused up front.
    refuse_larger_than(file.string());
    if (std::optional<ap_input> input = read_ap_json_in_blocks(file)) return std::move(*input);
    return read_ap_json_whole(file);  // not the plain layout, or not valid: it says why
}

}  // namespace algojudge
