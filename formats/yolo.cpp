#include "formats/yolo.hpp"

#include <array>
#include <charconv>
#include <span>
#include <string_view>

#include <fmt/format.h>

#include "formats/boxes.hpp"
#include "formats/text_folders.hpp"
#include "support/errors.hpp"
#include "support/files.hpp"
#include "support/text_lines.hpp"

namespace algojudge {

namespace {

// The class of a label line: a non-negative integer, kept as its canonical digits ("007" and
// "7" are one class).
std::string yolo_class(std::string_view word, const std::string& where) {
    std::uint64_t id = 0;
    const auto [end, failure] = std::from_chars(word.data(), word.data() + word.size(), id);
    if (word.empty() || failure != std::errc() || end != word.data() + word.size()) {
        throw input_error::at(
            where, fmt::format("class: expected a non-negative integer id, got \"{}\"", word));
    }
    return std::to_string(id);
}

// The normalised `cx cy w h` in `words`, as corners, in pixels when `size` is given.
box yolo_box(std::span<const std::string_view> words, const std::string& where,
             const image_size* size) {
    static constexpr std::array<std::string_view, 4> names = {"cx", "cy", "w", "h"};
    std::array<double, 4> values{};
    for (std::size_t i = 0; i < 4; ++i)
        values[i] = text_number(words[i], where, names[i]);
    if (values[2] < 0 || values[3] < 0) throw input_error::at(where, "negative width or height");
    const double x_scale = size != nullptr ? size->width : 1;
    const double y_scale = size != nullptr ? size->height : 1;
    const double cx = values[0] * x_scale, cy = values[1] * y_scale;
    const double half_w = values[2] * x_scale / 2, half_h = values[3] * y_scale / 2;
    const std::array<double, 4> corners = {cx - half_w, cy - half_h, cx + half_w, cy + half_h};
    if (std::string defect = box_defect(corners); !defect.empty()) {
        throw input_error::at(where, defect);
    }
    return to_box(corners);
}

const image_size* size_of(const yolo_options& options, const std::filesystem::path& file,
                          const std::string& image) {
    if (options.sizes == nullptr) return nullptr;
    const auto found = options.sizes->sizes.find(image);
    if (found == options.sizes->sizes.end()) {
        throw input_error::at(file.string(), fmt::format("no size for image \"{}\" in {}", image,
                                                         options.sizes->file));
    }
    return &found->second;
}

// Calls `read(image, size, words, where)` for every non-blank line of every label file.
template <class Read>
void for_each_label_line(detection_builder& builder, const std::filesystem::path& dir,
                         const yolo_options& options, Read read) {
    for (const auto& file : yolo_label_files(dir)) {
        const std::string name = file.stem().string();
        const std::uint32_t image = builder.image(name);
        const image_size* size = nullptr;
        bool size_looked_up = false;
        for_each_line(file, [&](const std::vector<std::string_view>& words, std::size_t line) {
            // An image's size is needed only once it has a box: an empty label file needs none.
            if (!size_looked_up) size = size_of(options, file, name);
            size_looked_up = true;
            read(image, size, words, line_place(file, line));
        });
    }
}

}  // namespace

image_sizes read_image_sizes(const std::filesystem::path& file) {
    image_sizes result;
    result.file = file.string();
    for_each_line(file, [&](const std::vector<std::string_view>& words, std::size_t line) {
        const std::string where = line_place(file, line);
        if (words.size() != 3) {
            throw input_error::at(
                where, fmt::format("expected \"image width height\", got {} words", words.size()));
        }
        const image_size size{text_number(words[1], where, "width"),
                              text_number(words[2], where, "height")};
        if (!(size.width > 0) || !(size.height > 0)) {
            throw input_error::at(where, fmt::format("expected a positive width and height, got "
                                                     "{} and {}",
                                                     words[1], words[2]));
        }
        if (!result.sizes.emplace(std::string(words[0]), size).second) {
            throw input_error::at(where, fmt::format("image \"{}\" given twice", words[0]));
        }
    });
    return result;
}

std::vector<std::filesystem::path> yolo_label_files(const std::filesystem::path& dir) {
    std::vector<std::filesystem::path> files = files_in(dir, ".txt");
    std::erase_if(
        files, [](const std::filesystem::path& file) { return file.filename() == "classes.txt"; });
    return files;
}

void read_yolo_ground_truth(detection_builder& builder, const std::filesystem::path& dir,
                            const yolo_options& options) {
    for_each_label_line(
        builder, dir, options,
        [&](std::uint32_t image, const image_size* size, const auto& words,
            const std::string& where) {
            if (words.size() != 5) {
                throw input_error::at(
                    where, fmt::format("expected \"class cx cy w h\", got {} words", words.size()));
            }
            ground_truth_box g;
            g.image = image;
            g.class_id = builder.class_id(yolo_class(words[0], where));
            g.bbox = yolo_box(std::span(words).subspan(1, 4), where, size);
            builder.set().ground_truth.push_back(g);
        });
}

void read_yolo_detections(detection_builder& builder, const std::filesystem::path& dir,
                          const yolo_options& options) {
    const bool score_first = options.score == yolo_score::first;
    for_each_label_line(
        builder, dir, options,
        [&](std::uint32_t image, const image_size* size, const auto& words,
            const std::string& where) {
            if (words.size() != 6) {
                throw input_error::at(where, fmt::format("expected \"{}\", got {} words",
                                                         score_first ? "class conf cx cy w h"
                                                                     : "class cx cy w h conf",
                                                         words.size()));
            }
            detection d;
            d.image = image;
            d.class_id = builder.class_id(yolo_class(words[0], where));
            d.score = text_number(words[score_first ? 1 : 5], where, "conf");
            d.bbox = yolo_box(std::span(words).subspan(score_first ? 2 : 1, 4), where, size);
            builder.set().detections.push_back(d);
        });
}

detection_set load_yolo(const std::filesystem::path& ground_truth_dir,
                        const std::filesystem::path& detections_dir, const yolo_options& options) {
    detection_builder builder;
    read_yolo_ground_truth(builder, ground_truth_dir, options);
    read_yolo_detections(builder, detections_dir, options);
    return std::move(builder.set());
}

}  // namespace algojudge
