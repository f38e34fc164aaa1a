#include "formats/text_folders.hpp"

#include <array>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "formats/boxes.hpp"
#include "support/errors.hpp"
#include "support/files.hpp"
#include "support/text_lines.hpp"

namespace algojudge {

namespace {

std::vector<std::filesystem::path> text_files_in(const std::filesystem::path& dir) {
    return files_in(dir, ".txt");
}

box text_box(std::span<const std::string_view> words, const std::string& where, box_layout layout) {
    static constexpr std::array<std::string_view, 4> corner_names = {"x1", "y1", "x2", "y2"};
    static constexpr std::array<std::string_view, 4> size_names = {"x", "y", "width", "height"};
    std::array<double, 4> corners{};
    for (std::size_t i = 0; i < 4; ++i) {
        corners[i] = text_number(words[i], where,
                                 layout == box_layout::xyxy ? corner_names[i] : size_names[i]);
    }
    if (layout == box_layout::xywh) {
        if (corners[2] < 0 || corners[3] < 0) {
            throw input_error::at(where, "negative width or height");
        }
        corners[2] += corners[0];
        corners[3] += corners[1];
    }
    if (std::string defect = box_defect(corners); !defect.empty()) {
        // Corners that are out of order but read well as corner + size: the usual mistake.
        if (layout == box_layout::xyxy && corners[2] >= 0 && corners[3] >= 0) {
            defect += " (if the files hold x y width height, try --box xywh)";
        }
        throw input_error::at(where, defect);
    }
    return to_box(corners);
}

std::string_view layout_words(box_layout layout) {
    return layout == box_layout::xyxy ? "x1 y1 x2 y2" : "x y w h";
}

// Calls `read(image, words, where)` for every non-blank line of every text file in `dir`, the
// image being the file's stem.
template <class Read>
void for_each_text_line(detection_builder& builder, const std::filesystem::path& dir, Read read) {
    for (const auto& file : text_files_in(dir)) {
        const std::uint32_t image = builder.image(file.stem().string());
        for_each_line(file, [&](const std::vector<std::string_view>& words, std::size_t line) {
            read(image, words, line_place(file, line));
        });
    }
}

}  // namespace

double text_number(std::string_view word, const std::string& where, std::string_view what) {
    const std::optional<double> value = parse_finite(word);
    if (!value) {
        throw input_error::at(where,
                              fmt::format("{}: expected a finite number, got \"{}\"", what, word));
    }
    return *value;
}

void read_text_ground_truth(detection_builder& builder, const std::filesystem::path& dir,
                            box_layout layout) {
    for_each_text_line(
        builder, dir, [&](std::uint32_t image, const auto& words, const std::string& where) {
            if (words.size() != 5 && words.size() != 6) {
                throw input_error::at(where,
                                      fmt::format("expected \"class {} [difficult]\", got {} words",
                                                  layout_words(layout), words.size()));
            }
            ground_truth_box g;
            g.image = image;
            g.class_id = builder.class_id(words[0]);
            g.bbox = text_box(std::span(words).subspan(1, 4), where, layout);
            if (words.size() == 6) {
                if (words[5] == "difficult" || words[5] == "1") {
                    g.difficult = true;
                } else if (words[5] != "0") {
                    throw input_error::at(
                        where,
                        fmt::format("expected \"difficult\", 1 or 0 after the box, got \"{}\"",
                                    words[5]));
                }
            }
            builder.set().ground_truth.push_back(g);
        });
}

void read_text_detections(detection_builder& builder, const std::filesystem::path& dir,
                          box_layout layout) {
    for_each_text_line(builder, dir,
                       [&](std::uint32_t image, const auto& words, const std::string& where) {
                           if (words.size() != 6) {
                               throw input_error::at(
                                   where, fmt::format("expected \"class score {}\", got {} words",
                                                      layout_words(layout), words.size()));
                           }
                           detection d;
                           d.image = image;
                           d.class_id = builder.class_id(words[0]);
                           d.score = text_number(words[1], where, "score");
                           d.bbox = text_box(std::span(words).subspan(2, 4), where, layout);
                           builder.set().detections.push_back(d);
                       });
}

detection_set load_ap_text_folders(const std::filesystem::path& ground_truth_dir,
                                   const std::filesystem::path& detections_dir, box_layout layout) {
    detection_builder builder;
    read_text_ground_truth(builder, ground_truth_dir, layout);
    read_text_detections(builder, detections_dir, layout);
    return std::move(builder.set());
}

}  // namespace algojudge
