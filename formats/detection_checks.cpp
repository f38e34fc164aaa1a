#include "formats/detection_checks.hpp"

#include <algorithm>
#include <filesystem>
#include <optional>
#include <string_view>
#include <unordered_set>

#include <fmt/format.h>

#include "support/counted.hpp"
#include "support/errors.hpp"
#include "support/files.hpp"
#include "support/spelling.hpp"

namespace algojudge {

namespace fs = std::filesystem;

namespace {

// `"a", "b", "c"`, the first `most` of `names` and ", ..." when there are more.
std::string quoted_list(const std::vector<std::string_view>& names, std::size_t most) {
    std::string list;
    for (std::size_t i = 0; i < names.size() && i < most; ++i) {
        if (i > 0) list += ", ";
        list += fmt::format("\"{}\"", names[i]);
    }
    if (names.size() > most) list += ", ...";
    return list;
}

bool is_number(std::string_view name) {
    return !name.empty() &&
           std::all_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The warning of a class without ground truth whose name is like one that has ground truth
// (the same but for case, spacing or leading zeros, or a typo away: at most a third of its
// letters, at least one, differ loosely), else nullopt.
std::optional<std::string> class_warning(
    std::string_view name, std::size_t detections,
    const std::vector<std::string_view>& ground_truth_classes) {
    const std::vector<std::string_view> nearest = nearest_names(name, ground_truth_classes, 2);
    if (nearest.empty()) return std::nullopt;
    const std::string loose = loose_name(name);
    const std::size_t distance = edit_distance(loose, loose_name(nearest[0]));
    const std::string start = fmt::format("detection class \"{}\" ({}) has no ground truth at all",
                                          name, counted(detections, "detection"));
    if (distance == 0) {
        return fmt::format(
            "{}, but the ground truth has \"{}\": class names must match exactly, case and "
            "spacing included",
            start, nearest[0]);
    }
    if (distance > std::max<std::size_t>(1, loose.size() / 3)) return std::nullopt;
    return fmt::format(
        "{} (closest ground-truth classes: {}): it has no AP and is left out of "
        "the mean",
        start, quoted_list(nearest, 2));
}

}  // namespace

std::vector<std::string> class_warnings(const detection_set& set) {
    std::vector<std::size_t> ground_truth(set.classes.size()), detections(set.classes.size());
    for (const ground_truth_box& g : set.ground_truth)
        ++ground_truth[g.class_id];
    for (const detection& d : set.detections)
        ++detections[d.class_id];
    std::vector<std::string_view> orphans, named;
    std::size_t orphan_detections = 0;
    bool numbers_only = true, ground_truth_numbers = false;
    for (std::size_t c = 0; c < set.classes.size(); ++c) {
        const std::string_view name = set.classes[c];
        if (ground_truth[c] > 0) {
            named.push_back(name);
            ground_truth_numbers = ground_truth_numbers || is_number(name);
        } else if (detections[c] > 0) {
            orphans.push_back(name);
            orphan_detections += detections[c];
            numbers_only = numbers_only && is_number(name);
        }
    }
    std::vector<std::string> warnings;
    if (orphans.empty() || named.empty()) return warnings;
    // Listed as a person reads them: "0", "1", ..., "10", "aeroplane", "bicycle", ...
    std::sort(orphans.begin(), orphans.end(), natural_less);
    std::sort(named.begin(), named.end(), natural_less);
    if (numbers_only && !ground_truth_numbers) {
        warnings.push_back(fmt::format(
            "{} ({}) {} no ground truth at all: the detections name classes by number and the "
            "ground truth by name ({}); give the names of the class ids with --names FILE (one "
            "a line, the first for class 0, as a darknet .names file)",
            orphans.size() == 1 ? fmt::format("detection class \"{}\"", orphans[0])
                                : fmt::format("{} detection classes", orphans.size()),
            orphans.size() == 1 ? counted(orphan_detections, "detection")
                                : fmt::format("{}; {}", quoted_list(orphans, 4),
                                              counted(orphan_detections, "detection")),
            orphans.size() == 1 ? "has" : "have", quoted_list(named, 3)));
        return warnings;
    }
    // Classes named like a ground-truth class get a warning each (at most max_class_warnings);
    // the others share one.
    std::vector<std::string_view> rest;
    bool rest_unlike = true;  // every class of `rest` is unlike the ground truth's
    for (const std::string_view orphan : orphans) {
        const auto c = static_cast<std::size_t>(
            std::find(set.classes.begin(), set.classes.end(), orphan) - set.classes.begin());
        std::optional<std::string> warning = class_warning(orphan, detections[c], named);
        if (warning && warnings.size() < max_class_warnings) {
            warnings.push_back(std::move(*warning));
            continue;
        }
        rest.push_back(orphan);
        rest_unlike = rest_unlike && !warning;
    }
    if (!rest.empty()) {
        const bool one = rest.size() == 1;
        warnings.push_back(fmt::format(
            "{} {}detection class{} {} no ground truth at all{}: {}: {} no AP and {} left out of "
            "the mean",
            rest.size(), warnings.empty() ? "" : "more ", one ? "" : "es", one ? "has" : "have",
            rest_unlike ? ", none named like a ground-truth class" : "", quoted_list(rest, 4),
            one ? "it has" : "they have", one ? "is" : "are"));
    }
    return warnings;
}

std::vector<std::string> image_warnings(const detection_set& set, bool suggest_images) {
    std::vector<char> has_ground_truth(set.images.size(), 0);
    for (const ground_truth_box& g : set.ground_truth)
        has_ground_truth[g.image] = 1;
    std::size_t outside = 0;
    std::vector<char> listed(set.images.size(), 0);
    std::vector<std::uint32_t> outside_images;  // in the order of their first detection
    for (const detection& d : set.detections) {
        if (has_ground_truth[d.image] != 0) continue;
        ++outside;
        if (listed[d.image] == 0) outside_images.push_back(d.image);
        listed[d.image] = 1;
    }
    if (outside == 0) return {};
    std::vector<std::string_view> ground_truth_images;
    std::unordered_set<std::string> loose_ground_truth;
    for (std::size_t i = 0; i < set.images.size(); ++i) {
        if (has_ground_truth[i] == 0) continue;
        ground_truth_images.push_back(set.images[i]);
        if (suggest_images) loose_ground_truth.insert(loose_name(set.images[i]));
    }
    // Images named like a ground-truth image ("1" and "000001") are examples first, and warn
    // whatever their share.
    std::stable_partition(outside_images.begin(), outside_images.end(), [&](std::uint32_t image) {
        return loose_ground_truth.contains(loose_name(set.images[image]));
    });
    const bool like_ground_truth =
        loose_ground_truth.contains(loose_name(set.images[outside_images[0]]));
    const auto total = static_cast<double>(set.detections.size());
    if (!like_ground_truth &&
        static_cast<double>(outside) <= images_without_ground_truth_share * total) {
        return {};
    }
    const std::vector<std::uint32_t> examples(
        outside_images.begin(),
        outside_images.begin() +
            static_cast<std::ptrdiff_t>(std::min<std::size_t>(2, outside_images.size())));
    std::vector<std::string> named;
    for (const std::uint32_t image : examples) {
        std::string text = fmt::format("\"{}\"", set.images[image]);
        if (suggest_images && !ground_truth_images.empty()) {
            text += fmt::format(
                " (closest ground-truth images: {})",
                quoted_list(nearest_names(set.images[image], ground_truth_images, 2), 2));
        }
        named.push_back(std::move(text));
    }
    std::string such_as = named[0];
    if (named.size() > 1) such_as += " and " + named[1];
    return {fmt::format(
        "{} of {} ({:.1f} %) are on images without any ground truth, such as {}: image ids must "
        "match exactly, and each of these detections counts as a false positive",
        outside, counted(set.detections.size(), "detection"),
        100.0 * static_cast<double>(outside) / total, such_as)};
}

std::vector<std::string> layout_warnings(const detection_set& set, text_box_halves xywh) {
    std::size_t boxes = 0, also_corners = 0;
    // A box read as x y w h is (x, y, x + w, y + h): its w >= x and h >= y read as ordered
    // corners too.
    auto count = [&](const box& b) {
        ++boxes;
        if (b.x2 - b.x1 >= b.x1 && b.y2 - b.y1 >= b.y1) ++also_corners;
    };
    if (xywh.ground_truth) {
        for (const ground_truth_box& g : set.ground_truth)
            count(g.bbox);
    }
    if (xywh.detections) {
        for (const detection& d : set.detections)
            count(d.bbox);
    }
    if (boxes < min_boxes_for_layout_check ||
        static_cast<double>(also_corners) < xywh_also_corners_share * static_cast<double>(boxes)) {
        return {};
    }
    return {fmt::format(
        "--box xywh: {} of {} boxes ({:.1f} %) also read as ordered corners (their width >= x "
        "and height >= y), as every box of a file of x1 y1 x2 y2 does: if the files hold "
        "corners, give --box xyxy",
        also_corners, boxes,
        100.0 * static_cast<double>(also_corners) / static_cast<double>(boxes))};
}

detection_warning_list detection_warnings(const detection_set& set,
                                          const detection_check_options& options) {
    detection_warning_list list;
    list.warnings = class_warnings(set);
    std::vector<std::string> images = image_warnings(set, !options.coco_image_ids);
    list.about_images = !images.empty();
    for (std::string& warning : images)
        list.warnings.push_back(std::move(warning));
    for (std::string& warning : layout_warnings(set, options.xywh))
        list.warnings.push_back(std::move(warning));
    return list;
}

void refuse_warnings(const std::vector<std::string>& warnings, std::string_view option) {
    if (warnings.empty()) return;
    const std::size_t more = warnings.size() - 1;
    throw input_error::at(
        option, warnings.front() + (more == 0 ? "" : fmt::format(" (and {} more)", more)));
}

namespace {

bool counts_as_label_file(const fs::path& file, std::string_view format) {
    std::string extension = file.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (format == "yolo") return extension == ".txt" && file.filename() != "classes.txt";
    return extension == ".txt" || extension == ".xml";
}

// The first folder under `dir` (in natural order, at most three levels down) that holds label
// files of `format`, and how many; {"", 0} when none does.
std::pair<fs::path, std::size_t> subfolder_with_files(const fs::path& dir,
                                                      std::string_view format) {
    std::vector<fs::path> folders;
    std::error_code error;
    for (auto it = fs::recursive_directory_iterator(dir, error);
         !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
        if (it.depth() >= 3) it.disable_recursion_pending();
        if (it->is_directory(error)) folders.push_back(it->path());
    }
    sort_naturally(folders, false);
    for (const fs::path& folder : folders) {
        std::size_t count = 0;
        for (const auto& entry : fs::directory_iterator(folder, error)) {
            if (entry.is_regular_file(error) && counts_as_label_file(entry.path(), format)) ++count;
        }
        if (count > 0) return {folder, count};
    }
    return {{}, 0};
}

}  // namespace

void require_ground_truth(const detection_set& set, const detection_source& source) {
    if (!set.ground_truth.empty()) return;
    const std::string format = detection_format(source);
    if (format == "json")
        throw input_error::at(source.file, "no ground truth: \"ground_truth\" is empty");
    if (format == "coco") {
        throw input_error::at(source.ground_truth, "no ground truth: \"annotations\" is empty");
    }
    const std::string_view kind = format == "voc" ? ".xml" : ".txt";
    const std::vector<fs::path> files = format == "yolo" ? yolo_label_files(source.ground_truth)
                                                         : files_in(source.ground_truth, kind);
    if (!files.empty()) {
        throw input_error::at(
            source.ground_truth,
            fmt::format("no ground truth: not one {} in its {}", format == "voc" ? "object" : "box",
                        counted(files.size(), std::string(kind) + " file")));
    }
    const auto [folder, count] = subfolder_with_files(source.ground_truth, format);
    if (count > 0) {
        throw input_error::at(
            source.ground_truth,
            fmt::format("no ground truth: the folder holds no {} files, but its subfolder {} "
                        "holds {}: give --gt {}",
                        kind, fs::relative(folder, source.ground_truth).string(),
                        counted(count, "file"), folder.string()));
    }
    throw input_error::at(source.ground_truth,
                          fmt::format("no ground truth: the folder holds no {} files", kind));
}

}  // namespace algojudge
