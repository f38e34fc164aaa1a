#include "reports/ap_plot.hpp"

#include <algorithm>
#include <cassert>
#include <cctype>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>

#include "judging/case_files.hpp"
#include "reports/ap_table.hpp"
#include "reports/coco_table.hpp"
#include "reports/xml_text.hpp"
#include "support/files.hpp"

namespace algojudge {

namespace fs = std::filesystem;

namespace {

// A portable file name stem for a class: letters, digits, '-', '_' and '.' kept, anything
// else '_', no leading '.', at most 64 bytes.
std::string file_stem_for(std::string_view class_name) {
    std::string stem;
    for (const char c : class_name.substr(0, 64)) {
        const bool keep = std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' ||
                          (c == '.' && !stem.empty());
        stem += keep ? c : '_';
    }
    return stem.empty() ? std::string("class") : stem;
}

// One file name per class, unique even on case-insensitive file systems.
std::vector<std::string> plot_file_names(const std::vector<std::string>& classes) {
    std::vector<std::string> names;
    std::unordered_set<std::string> taken{"index"};
    for (std::size_t i = 0; i < classes.size(); ++i) {
        std::string stem = file_stem_for(classes[i]);
        auto folded = [](std::string s) {
            std::transform(s.begin(), s.end(), s.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            return s;
        };
        // "-<n>" from the class's number up until free: a suffixed name may itself be some
        // class's own name ("a_-3" beside "a?" and "a!").
        if (taken.count(folded(stem)) != 0) {
            std::string candidate;
            for (std::size_t n = i + 1;; ++n) {
                candidate = fmt::format("{}-{}", stem, n);
                if (taken.count(folded(candidate)) == 0) break;
            }
            stem = std::move(candidate);
        }
        taken.insert(folded(stem));
        names.push_back(stem + ".svg");
    }
    return names;
}

// "26.84 %", or the table's word for no AP.
std::string percent(const std::optional<double>& value) {
    return value ? ap_percent(value) + " %" : ap_percent(value);
}

// ---- the pictures ----

struct point {
    double x = 0, y = 0;
};

// Geometry of one plot: the unit square of (recall, precision) mapped onto pixels.
constexpr double svg_width = 640, svg_height = 520;
constexpr double plot_left = 70, plot_right = 620, plot_top = 96, plot_bottom = 440;

point to_pixels(double recall, double precision) {
    return {plot_left + recall * (plot_right - plot_left),
            plot_bottom - precision * (plot_bottom - plot_top)};
}

// Keeps, of the points falling in each one-pixel column, the first, the lowest, the highest
// and the last: the drawing looks the same, and a million detections stay a few thousand points.
std::vector<point> thin_to_pixel_columns(const std::vector<point>& points) {
    std::vector<point> kept;
    std::size_t start = 0;
    while (start < points.size()) {
        std::size_t end = start + 1;  // a NaN (never equal) still moves on
        const double column = std::floor(points[start].x);
        while (end < points.size() && std::floor(points[end].x) == column)
            ++end;
        std::size_t lowest = start, highest = start;
        for (std::size_t i = start; i < end; ++i) {
            if (points[i].y < points[lowest].y) lowest = i;
            if (points[i].y > points[highest].y) highest = i;
        }
        std::size_t picks[] = {start, std::min(lowest, highest), std::max(lowest, highest),
                               end - 1};
        for (std::size_t k = 0; k < 4; ++k) {
            if (k > 0 && picks[k] == picks[k - 1]) continue;
            kept.push_back(points[picks[k]]);
        }
        start = end;
    }
    return kept;
}

std::string svg_points(const std::vector<point>& points) {
    std::string text;
    for (const point& p : points) {
        if (!text.empty()) text += ' ';
        text += fmt::format("{:.2f},{:.2f}", p.x, p.y);
    }
    return text;
}

// The monotone precision envelope as (recall, precision) vertices of the shaded region: from
// (0, 0) up, along the envelope's steps, down to (final recall, 0). Its area is the all-point
// ("area") AP of the VOC2010+ devkit.
std::vector<point> envelope_region(const std::vector<pr_point>& curve) {
    const std::vector<double> envelope = precision_envelope(curve);
    std::vector<point> region{{0, 0}};
    double previous_recall = 0;
    for (std::size_t i = 0; i < curve.size(); ++i) {
        if (curve[i].recall <= previous_recall) continue;
        region.push_back({previous_recall, envelope[i]});
        region.push_back({curve[i].recall, envelope[i]});
        previous_recall = curve[i].recall;
    }
    region.push_back({previous_recall, 0});
    return region;
}

// The opening tag of one plot, of CSS class `css_class`.
std::string svg_open_tag(std::string_view css_class) {
    return fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0:g}\" height=\"{1:g}\" "
        "viewBox=\"0 0 {0:g} {1:g}\" font-family=\"sans-serif\" font-size=\"12\" "
        "class=\"{2}\">\n",
        svg_width, svg_height, css_class);
}

// The frame around the unit square of (recall, precision).
std::string plot_frame() {
    const point origin = to_pixels(0, 0), corner = to_pixels(1, 1);
    return fmt::format(
        "<rect x=\"{:.2f}\" y=\"{:.2f}\" width=\"{:.2f}\" height=\"{:.2f}\" fill=\"none\" "
        "stroke=\"#000000\"/>\n",
        origin.x, corner.y, corner.x - origin.x, origin.y - corner.y);
}

std::string conventions_line(const ap_conventions& conventions) {
    return fmt::format("IoU {} {:g}, {} IoU, {} 11-point thresholds",
                       conventions.strict_greater ? ">" : ">=", conventions.iou_threshold,
                       conventions.pixel_plus_one ? "+1 pixel" : "continuous",
                       conventions.numpy_thresholds ? "numpy" : "exact");
}

// The opening tag, the tooltip title and the heading: the class, its APs, counts, conventions.
void append_svg_heading(std::string& svg, const std::string& name, const class_ap& ap,
                        const ap_conventions& conventions) {
    svg += svg_open_tag("pr-plot");
    svg += fmt::format("<title>{}: precision/recall, AP 11-point {}, area {}</title>\n", name,
                       percent(ap.ap_11point), percent(ap.ap_area));
    svg += fmt::format("<rect width=\"{:g}\" height=\"{:g}\" fill=\"#ffffff\"/>\n", svg_width,
                       svg_height);
    svg +=
        fmt::format("<text x=\"{:g}\" y=\"24\" font-size=\"16\" font-weight=\"bold\">{}</text>\n",
                    plot_left, name);
    svg += fmt::format(
        "<text x=\"{:g}\" y=\"44\" font-size=\"13\">AP 11-point {} \xC2\xB7 AP area {} \xC2\xB7 "
        "AP 101-point {}</text>\n",
        plot_left, percent(ap.ap_11point), percent(ap.ap_area), percent(ap.ap_101point));
    svg += fmt::format(
        "<text x=\"{:g}\" y=\"62\" fill=\"#555555\">{} GT ({} difficult), {} "
        "detections: {} TP, {} FP</text>\n",
        plot_left, ap.num_gt, ap.num_difficult, ap.num_detections, ap.tp, ap.fp);
    svg += fmt::format("<text x=\"{:g}\" y=\"78\" fill=\"#555555\">{}</text>\n", plot_left,
                       xml_escape(conventions_line(conventions)));
}

// Grid, ticks and tick labels every 0.1 on both axes, the frame and the axis names.
void append_svg_axes(std::string& svg) {
    svg += "<g class=\"grid\" stroke=\"#e3e3e3\" stroke-width=\"1\">\n";
    for (int k = 0; k <= 10; ++k) {
        const point a = to_pixels(k / 10.0, 0), b = to_pixels(k / 10.0, 1);
        const point c = to_pixels(0, k / 10.0), d = to_pixels(1, k / 10.0);
        svg += fmt::format("<line x1=\"{:.2f}\" y1=\"{:.2f}\" x2=\"{:.2f}\" y2=\"{:.2f}\"/>\n", a.x,
                           a.y, b.x, b.y);
        svg += fmt::format("<line x1=\"{:.2f}\" y1=\"{:.2f}\" x2=\"{:.2f}\" y2=\"{:.2f}\"/>\n", c.x,
                           c.y, d.x, d.y);
    }
    svg += "</g>\n<g class=\"ticks\" stroke=\"#000000\" stroke-width=\"1\">\n";
    for (int k = 0; k <= 10; ++k) {
        const point x_tick = to_pixels(k / 10.0, 0), y_tick = to_pixels(0, k / 10.0);
        svg += fmt::format("<line x1=\"{0:.2f}\" y1=\"{1:.2f}\" x2=\"{0:.2f}\" y2=\"{2:.2f}\"/>\n",
                           x_tick.x, x_tick.y, x_tick.y + 5);
        svg += fmt::format("<line x1=\"{0:.2f}\" y1=\"{1:.2f}\" x2=\"{2:.2f}\" y2=\"{1:.2f}\"/>\n",
                           y_tick.x, y_tick.y, y_tick.x - 5);
    }
    svg += "</g>\n<g class=\"tick-labels\" fill=\"#333333\">\n";
    for (int k = 0; k <= 10; ++k) {
        const point x_tick = to_pixels(k / 10.0, 0), y_tick = to_pixels(0, k / 10.0);
        svg += fmt::format("<text x=\"{:.2f}\" y=\"{:.2f}\" text-anchor=\"middle\">{:.1f}</text>\n",
                           x_tick.x, x_tick.y + 18, k / 10.0);
        svg += fmt::format("<text x=\"{:.2f}\" y=\"{:.2f}\" text-anchor=\"end\">{:.1f}</text>\n",
                           y_tick.x - 8, y_tick.y + 4, k / 10.0);
    }
    svg += "</g>\n";
    svg += plot_frame();
    const point axis_origin = to_pixels(0, 0), axis_end = to_pixels(1, 1);
    svg += fmt::format(
        "<text x=\"{:.2f}\" y=\"{:.2f}\" text-anchor=\"middle\" "
        "font-size=\"13\">Recall</text>\n",
        (axis_origin.x + axis_end.x) / 2, axis_origin.y + 40);
    svg += fmt::format(
        "<text transform=\"translate({:.2f} {:.2f}) rotate(-90)\" "
        "text-anchor=\"middle\" font-size=\"13\">Precision</text>\n",
        axis_origin.x - 44, (axis_origin.y + axis_end.y) / 2);
}

// The envelope's region, shaded, then its outline (without the closing base); then the raw
// curve, one vertex per counted detection in score order, from (0, first precision).
void append_svg_curves(std::string& svg, const class_ap& ap) {
    const std::vector<point> region = envelope_region(ap.curve);
    std::vector<point> region_pixels;
    for (const point& p : region)
        region_pixels.push_back(to_pixels(p.x, p.y));
    region_pixels = thin_to_pixel_columns(region_pixels);
    svg += fmt::format(
        "<polygon class=\"envelope-area\" data-area=\"{:.17g}\" fill=\"#4a90d9\" "
        "fill-opacity=\"0.25\" stroke=\"none\" points=\"{}\"/>\n",
        *ap.ap_area, svg_points(region_pixels));
    const std::vector<point> outline(region_pixels.begin() + 1, region_pixels.end());
    svg += fmt::format(
        "<polyline class=\"envelope\" fill=\"none\" stroke=\"#1f5fa8\" "
        "stroke-width=\"2\" points=\"{}\"/>\n",
        svg_points(outline));

    if (!ap.curve.empty()) {
        std::vector<point> raw{to_pixels(0, ap.curve.front().precision)};
        for (const pr_point& p : ap.curve)
            raw.push_back(to_pixels(p.recall, p.precision));
        svg += fmt::format(
            "<polyline class=\"raw\" fill=\"none\" stroke=\"#d9534f\" "
            "stroke-width=\"1.2\" points=\"{}\"/>\n",
            svg_points(thin_to_pixel_columns(raw)));
    } else {
        const point axis_origin = to_pixels(0, 0), axis_end = to_pixels(1, 1);
        svg += fmt::format(
            "<text class=\"no-detections\" x=\"{:.2f}\" y=\"{:.2f}\" "
            "text-anchor=\"middle\" font-size=\"14\">no detections: AP 0</text>\n",
            (axis_origin.x + axis_end.x) / 2, (axis_origin.y + axis_end.y) / 2);
    }
}

// The 11 samples whose mean is the 11-point AP.
void append_svg_samples(std::string& svg, const class_ap& ap, const ap_conventions& conventions) {
    svg += "<g class=\"eleven-point\" fill=\"#f0ad4e\" stroke=\"#000000\" stroke-width=\"0.8\">\n";
    for (const pr_point& sample : eleven_point_samples(ap.curve, conventions.numpy_thresholds)) {
        const point at = to_pixels(sample.recall, sample.precision);
        svg += fmt::format(
            "<circle cx=\"{:.2f}\" cy=\"{:.2f}\" r=\"4\" data-recall=\"{:.17g}\" "
            "data-precision=\"{:.17g}\"><title>recall &gt;= {:g}: precision "
            "{:.4f}</title></circle>\n",
            at.x, at.y, sample.recall, sample.precision, sample.recall, sample.precision);
    }
    svg += "</g>\n";
}

// The legend, in one row under the axis label.
void append_svg_legend(std::string& svg) {
    svg += fmt::format("<g class=\"legend\" transform=\"translate({:g} {:g})\">\n", plot_left,
                       svg_height - 14);
    svg +=
        "<line x1=\"0\" y1=\"-4\" x2=\"22\" y2=\"-4\" stroke=\"#d9534f\" stroke-width=\"1.2\"/>\n"
        "<text x=\"28\" y=\"0\">raw precision/recall</text>\n"
        "<rect x=\"170\" y=\"-9\" width=\"22\" height=\"10\" fill=\"#4a90d9\" "
        "fill-opacity=\"0.25\" stroke=\"#1f5fa8\" stroke-width=\"2\"/>\n"
        "<text x=\"198\" y=\"0\">envelope, shaded area = area AP</text>\n"
        "<circle cx=\"440\" cy=\"-4\" r=\"4\" fill=\"#f0ad4e\" stroke=\"#000000\" "
        "stroke-width=\"0.8\"/>\n"
        "<text x=\"450\" y=\"0\">11-point samples</text>\n</g>\n";
}

// The SVG of one class; no XML declaration, so it can be inlined in the index as is.
std::string class_svg(const std::string& class_name, const class_ap& ap,
                      const ap_conventions& conventions) {
    std::string svg;
    append_svg_heading(svg, xml_escape(class_name), ap, conventions);
    append_svg_axes(svg);
    if (!ap.ap_area) {
        const point axis_origin = to_pixels(0, 0), axis_end = to_pixels(1, 1);
        svg += fmt::format(
            "<text class=\"no-ap\" x=\"{:.2f}\" y=\"{:.2f}\" text-anchor=\"middle\" "
            "font-size=\"14\" fill=\"#a94442\">no non-difficult ground truth: no "
            "AP (left out of the mean)</text>\n",
            (axis_origin.x + axis_end.x) / 2, (axis_origin.y + axis_end.y) / 2);
        svg += "</svg>\n";
        return svg;
    }
    append_svg_curves(svg, ap);
    append_svg_samples(svg, ap, conventions);
    append_svg_legend(svg);
    svg += "</svg>\n";
    return svg;
}

// The page's head with its style sheet, and the opening heading.
constexpr std::string_view html_head =
    "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n"
    "<meta charset=\"utf-8\"/>\n<title>Average precision: 11-point and area</title>\n"
    "<style>\n"
    "body { font-family: sans-serif; margin: 2em; color: #222222; }\n"
    "table { border-collapse: collapse; margin: 1em 0; }\n"
    "th, td { border: 1px solid #cccccc; padding: 0.3em 0.7em; }\n"
    "td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }\n"
    "tr.mean td { font-weight: bold; border-top: 2px solid #444444; }\n"
    "td.no-ap { color: #a94442; }\n"
    ".plots { display: flex; flex-wrap: wrap; gap: 1em; }\n"
    "figure { margin: 0; border: 1px solid #dddddd; padding: 0.5em; }\n"
    "figcaption { font-size: 0.9em; }\n"
    "</style>\n</head>\n<body>\n<h1>Average precision per class</h1>\n";

// The table of classes and the mean row, then the widest gap between the two methods.
void append_html_ap_table(std::string& html, const detection_set& set, const ap_result& result) {
    html +=
        "<table>\n<thead><tr><th>Class</th><th class=\"number\">GT</th>"
        "<th class=\"number\">Difficult</th><th class=\"number\">Detections</th>"
        "<th class=\"number\">TP</th><th class=\"number\">FP</th>"
        "<th class=\"number\">AP 11-point</th><th class=\"number\">AP area</th>"
        "<th class=\"number\">Difference</th><th class=\"number\">AP 101-point</th></tr>"
        "</thead>\n<tbody>\n";
    double widest = -1;
    std::size_t widest_class = 0;
    for (std::size_t c = 0; c < set.classes.size(); ++c) {
        const class_ap& ap = result.classes[c];
        const char* cell = ap.ap_area ? "number" : "number no-ap";
        html += fmt::format(
            "<tr><td><a href=\"#class-{}\">{}</a></td><td class=\"number\">{}</td>"
            "<td class=\"number\">{}</td><td class=\"number\">{}</td><td class=\"number\">{}</td>"
            "<td class=\"number\">{}</td><td class=\"{}\">{}</td><td class=\"{}\">{}</td>"
            "<td class=\"{}\">{}</td><td class=\"{}\">{}</td></tr>\n",
            c + 1, xml_escape(set.classes[c]), ap.num_gt, ap.num_difficult, ap.num_detections,
            ap.tp, ap.fp, cell, percent(ap.ap_11point), cell, percent(ap.ap_area), cell,
            ap_difference(ap.ap_area, ap.ap_11point), cell, percent(ap.ap_101point));
        if (ap.ap_area && ap.ap_11point && std::abs(*ap.ap_area - *ap.ap_11point) > widest) {
            widest = std::abs(*ap.ap_area - *ap.ap_11point);
            widest_class = c;
        }
    }
    html += fmt::format(
        "<tr class=\"mean\"><td>mAP</td><td colspan=\"5\"></td>"
        "<td class=\"number\">{}</td><td class=\"number\">{}</td>"
        "<td class=\"number\">{}</td><td class=\"number\">{}</td></tr>\n"
        "</tbody>\n</table>\n",
        percent(result.map_11point), percent(result.map_area),
        ap_difference(result.map_area, result.map_11point), percent(result.map_101point));
    if (widest >= 0) {
        html +=
            fmt::format("<p>The two methods differ by at most {:.2f} points per class ({}).</p>\n",
                        widest * 100, xml_escape(set.classes[widest_class]));
    }
}

// What the means leave out: classes without AP, detections on images without ground truth.
void append_html_notes(std::string& html, const ap_result& result) {
    const std::size_t without_ap =
        static_cast<std::size_t>(std::count_if(result.classes.begin(), result.classes.end(),
                                               [](const class_ap& ap) { return !ap.ap_area; }));
    if (without_ap > 0) {
        html += fmt::format(
            "<p>{} class(es) without non-difficult ground truth have no AP and "
            "are left out of the means.</p>\n",
            without_ap);
    }
    if (result.detections_without_ground_truth_image > 0) {
        html += fmt::format(
            "<p>{} detection(s) on images without any ground truth count as "
            "false positives.</p>\n",
            result.detections_without_ground_truth_image);
    }
}

std::string index_html(const detection_set& set, const ap_result& result,
                       const ap_conventions& conventions, const std::vector<std::string>& files,
                       const std::vector<std::string>& svgs) {
    const std::size_t plotted = svgs.size();
    std::string html(html_head);
    html += fmt::format("<p>{} images, {} classes, {} ground-truth boxes, {} detections; {}.</p>\n",
                        set.images.size(), set.classes.size(), set.ground_truth.size(),
                        set.detections.size(), xml_escape(conventions_line(conventions)));
    append_html_ap_table(html, set, result);
    append_html_notes(html, result);
    html += "<h2>Precision/recall curves</h2>\n<div class=\"plots\">\n";
    if (plotted < set.classes.size()) {
        html += fmt::format("<p>Curves of the first {} of {} classes only.</p>\n", plotted,
                            set.classes.size());
    }
    for (std::size_t c = 0; c < plotted; ++c) {
        html += fmt::format("<figure id=\"class-{}\">\n", c + 1);
        html += svgs[c];
        html += fmt::format("<figcaption>{} (<a href=\"{}\">{}</a>)</figcaption>\n</figure>\n",
                            xml_escape(set.classes[c]), xml_escape(files[c]), xml_escape(files[c]));
    }
    html += "</div>\n</body>\n</html>\n";
    return html;
}

void create_plot_directory(const fs::path& dir) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec || !fs::is_directory(dir, ec)) {
        throw output_error(fmt::format("{}: cannot create the plot directory{}", dir.string(),
                                       ec ? ": " + ec.message() : ""));
    }
}

}  // namespace

std::size_t write_ap_plots(const fs::path& dir, const detection_set& set, const ap_result& result,
                           const ap_conventions& conventions) {
    assert(result.classes.size() == set.classes.size());
    create_plot_directory(dir);
    const std::vector<std::string> files = plot_file_names(set.classes);
    std::vector<std::string> svgs;
    const std::size_t plotted = std::min(set.classes.size(), max_plotted_classes);
    for (std::size_t c = 0; c < plotted; ++c) {
        svgs.push_back(class_svg(set.classes[c], result.classes[c], conventions));
        write_text_file(dir / files[c],
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svgs.back());
    }
    write_text_file(dir / "index.html", index_html(set, result, conventions, files, svgs));
    return plotted;
}

namespace {

// One class's COCO curves: interpolated precision at the 101 recall points, at IoU .50, .75 and
// the mean over the ten thresholds (area all, maxDets 100).
std::string coco_class_svg(const std::string& class_name, const coco_class_result& result) {
    std::string svg = svg_open_tag("coco-pr-plot");
    const std::string name = xml_escape(class_name);
    svg += fmt::format("<title>{}: COCO precision/recall</title>\n", name);
    svg += fmt::format("<rect width=\"{:g}\" height=\"{:g}\" fill=\"#ffffff\"/>\n", svg_width,
                       svg_height);
    svg += fmt::format(
        "<text x=\"{:g}\" y=\"24\" font-size=\"16\" font-weight=\"bold\">{} (COCO)</text>\n",
        plot_left, name);
    svg += fmt::format(
        "<text x=\"{:g}\" y=\"44\" font-size=\"13\">AP {} \xC2\xB7 AP50 {} \xC2\xB7 AP75 {} "
        "\xC2\xB7 {} GT</text>\n",
        plot_left, coco_number(result.ap), coco_number(result.ap50), coco_number(result.ap75),
        result.num_gt);
    svg += plot_frame();
    if (result.num_gt == 0) {
        svg += fmt::format(
            "<text x=\"{:g}\" y=\"62\" fill=\"#555555\">no ground truth: no "
            "curve</text>\n</svg>\n",
            plot_left);
        return svg;
    }
    struct curve_style {
        const coco_curve* curve;
        std::string_view label, stroke;
    };
    const curve_style curves[] = {{&result.precision50, "IoU .50", "#1f77b4"},
                                  {&result.precision75, "IoU .75", "#d62728"},
                                  {&result.precision_mean, "mean over .50:.95", "#2ca02c"}};
    const std::array<double, coco_recall_count> recalls = coco_recall_thresholds();
    int legend_y = 62;
    for (const curve_style& style : curves) {
        std::vector<point> points;
        for (std::size_t r = 0; r < coco_recall_count; ++r)
            points.push_back(to_pixels(recalls[r], std::max(0.0, (*style.curve)[r])));
        svg += fmt::format(
            "<polyline fill=\"none\" stroke=\"{}\" stroke-width=\"2\" points=\"{}\"/>\n",
            style.stroke, svg_points(points));
        svg += fmt::format("<text x=\"{:g}\" y=\"{}\" fill=\"{}\">{}</text>\n", plot_left, legend_y,
                           style.stroke, style.label);
        legend_y += 16;
    }
    svg += "</svg>\n";
    return svg;
}

}  // namespace

void write_coco_plots(const fs::path& dir, const std::vector<std::string>& class_names,
                      const coco_eval_result& result) {
    assert(result.classes.size() == class_names.size());
    create_plot_directory(dir);
    const std::vector<std::string> files = plot_file_names(class_names);
    for (std::size_t c = 0; c < class_names.size(); ++c) {
        write_text_file(dir / ("coco-" + files[c]),
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" +
                            coco_class_svg(class_names[c], result.classes[c]));
    }
}

}  // namespace algojudge
