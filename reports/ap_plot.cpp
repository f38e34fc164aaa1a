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

#include "reports/ap_sweep_table.hpp"
#include "reports/ap_table.hpp"
#include "reports/coco_table.hpp"
#include "reports/xml_text.hpp"
#include "support/errors.hpp"
#include "support/files.hpp"
#include "support/printable.hpp"

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
        "<text x=\"{:g}\" y=\"62\" fill=\"#555555\">ground truth {} + {} difficult; "
        "detections {} = {} TP + {} FP + {} ignored (on difficult boxes)</text>\n",
        plot_left, ap.num_gt, ap.num_difficult, ap.num_detections, ap.tp, ap.fp,
        ap.num_detections - ap.tp - ap.fp);
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
            "font-size=\"14\" fill=\"#a94442\">no non-difficult ground truth: AP {} (left "
            "out of the mean)</text>\n",
            (axis_origin.x + axis_end.x) / 2, (axis_origin.y + axis_end.y) / 2, no_ap_word);
        svg += "</svg>\n";
        return svg;
    }
    append_svg_curves(svg, ap);
    append_svg_samples(svg, ap, conventions);
    append_svg_legend(svg);
    svg += "</svg>\n";
    return svg;
}

// ---- the index page ----

// The page's head with its style sheet, and the opening heading.
constexpr std::string_view html_head =
    "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n"
    "<meta charset=\"utf-8\"/>\n<title>Average precision: 11-point and area</title>\n"
    "<style>\n"
    "body { font-family: sans-serif; margin: 2em; color: #222222; }\n"
    "table { border-collapse: collapse; margin: 1em 0; }\n"
    "th, td { border: 1px solid #cccccc; padding: 0.3em 0.7em; }\n"
    "th a { color: inherit; text-decoration: none; }\n"
    "th[aria-sort] { background: #eef3fa; }\n"
    "td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }\n"
    "tfoot td { font-weight: bold; border-top: 2px solid #444444; }\n"
    "td.no-ap { color: #a94442; }\n"
    "dl.legend { font-size: 0.9em; display: grid; grid-template-columns: max-content auto; "
    "gap: 0.1em 1em; }\n"
    "dl.legend dt { font-weight: bold; }\n"
    "dl.legend dd { margin: 0; }\n"
    ".plots { display: flex; flex-wrap: wrap; gap: 1em; }\n"
    "figure { margin: 0; border: 1px solid #dddddd; padding: 0.5em; }\n"
    "figcaption { font-size: 0.9em; }\n"
    "</style>\n</head>\n<body>\n<h1>Average precision per class</h1>\n";

// Sorts the table's rows by the column `#sort=KEY` names (`#sort=-KEY`: descending), classes
// without AP last, ties in natural order; the header links toggle the direction. Inline and
// plain, so the page works offline; CDATA keeps it well-formed XHTML.
constexpr std::string_view sort_script = R"(<script>//<![CDATA[
(function () {
  var table = document.getElementById('ap-table');
  var body = table.tBodies[0];
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var keys = heads.map(function (th) { return th.getAttribute('data-key'); });
  function key_of(row, column) {
    var text = row.cells[column].getAttribute('data-sort');
    return text === null ? null : parseFloat(text);
  }
  function apply() {
    var wanted = /^#sort=(-?)([a-z0-9_]+)$/.exec(window.location.hash);
    var descending = wanted ? wanted[1] === '-' : false;
    var column = wanted ? keys.indexOf(wanted[2]) : 0;
    if (column === -1) { column = 0; descending = false; }
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = key_of(a, column), y = key_of(b, column);
      if (x === y) return key_of(a, 0) - key_of(b, 0);
      if (x === null) return 1;
      if (y === null) return -1;
      return descending ? y - x : x - y;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    heads.forEach(function (th, k) {
      var mine = k === column;
      if (mine) th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
      else th.removeAttribute('aria-sort');
      th.firstChild.setAttribute('href', '#sort=' + (mine ? (descending ? '' : '-') : '') + keys[k]);
    });
    table.setAttribute('data-sorted', (descending ? '-' : '') + keys[column]);
  }
  window.addEventListener('hashchange', apply);
  apply();
})();
//]]></script>
)";

// At most this many classes get a row in each chart (the table lists every class).
constexpr std::size_t max_charted_classes = 40;

// A class name cut to `limit` code points, "..." marking the cut, for chart labels.
std::string chart_label(std::string_view name, std::size_t limit = 22) {
    std::size_t end = 0, points = 0;
    while (end < name.size() && points < limit) {
        end += std::max<std::size_t>(1, utf8_sequence_length(name, end));
        ++points;
    }
    if (end >= name.size()) return std::string(name);
    return std::string(name.substr(0, end)) + "...";
}

// Geometry shared by the two charts: a label column, the bars, and a text column on the right.
constexpr double chart_width = 780, chart_bars_left = 190, chart_top = 64;
constexpr double chart_row_pitch = 22, chart_bar_height = 8;

std::string chart_open(std::string_view css_class, double height, std::string_view title) {
    return fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0:g}\" height=\"{1:g}\" "
        "viewBox=\"0 0 {0:g} {1:g}\" font-family=\"sans-serif\" font-size=\"12\" "
        "class=\"{2}\">\n<title>{3}</title>\n"
        "<rect width=\"{0:g}\" height=\"{1:g}\" fill=\"#ffffff\"/>\n"
        "<text x=\"10\" y=\"20\" font-size=\"14\" font-weight=\"bold\">{3}</text>\n",
        chart_width, height, css_class, title);
}

// A row's class label, its full name in a tooltip.
std::string chart_row_label(const std::string& name, double y, bool bold = false) {
    return fmt::format("<text x=\"10\" y=\"{:.1f}\"{}>{}<title>{}</title></text>\n",
                       y + chart_bar_height + 3, bold ? " font-weight=\"bold\"" : "",
                       xml_escape(chart_label(name)), xml_escape(name));
}

// One bar, of CSS class `css_class`, from `x` to `x + width`, with its tooltip.
std::string chart_bar(std::string_view css_class, std::string_view fill, double x, double y,
                      double width, const std::string& tooltip) {
    return fmt::format(
        "<rect class=\"{}\" x=\"{:.2f}\" y=\"{:.1f}\" width=\"{:.2f}\" height=\"{:g}\" "
        "fill=\"{}\"><title>{}</title></rect>\n",
        css_class, x, y, width, chart_bar_height, fill, xml_escape(tooltip));
}

// The classes a chart draws when there are too many: the first and last halves of `order`.
struct chart_rows {
    std::vector<std::size_t> drawn;  // indices into `order`
    std::size_t elided_after = 0;    // a "... N classes ..." line after this many drawn rows
    std::size_t elided = 0;
};
chart_rows chart_selection(std::size_t count) {
    chart_rows rows;
    const std::size_t half = max_charted_classes / 2;
    for (std::size_t k = 0; k < count; ++k) {
        if (count <= max_charted_classes || k < half || k >= count - half) rows.drawn.push_back(k);
    }
    if (count > max_charted_classes) {
        rows.elided_after = half;
        rows.elided = count - max_charted_classes;
    }
    return rows;
}

constexpr std::string_view colour_11point = "#f0ad4e", colour_area = "#1f5fa8";

// Chart 1: per class, AP 11-point and AP area as paired bars, sorted by area - 11-point, the
// mAP pair first and each mAP as a dashed line; the difference written on the right.
std::string compare_chart(const ap_result& result, const ap_summary& summary) {
    std::vector<const ap_row*> order;
    for (const ap_row& row : summary.rows)
        if (row.sort_keys[ap_col::difference]) order.push_back(&row);  // both APs known
    std::stable_sort(order.begin(), order.end(), [](const ap_row* a, const ap_row* b) {
        return *a->sort_keys[ap_col::difference] < *b->sort_keys[ap_col::difference];
    });
    const chart_rows selection = chart_selection(order.size());
    const double bars_right = 620;
    auto x_of = [&](double ap) { return chart_bars_left + ap * (bars_right - chart_bars_left); };
    const std::size_t lines = 1 + selection.drawn.size() + (selection.elided > 0 ? 1 : 0) +
                              (summary.without_ap > 0 ? 1 : 0);
    const double height = chart_top + chart_row_pitch * static_cast<double>(lines) + 24;
    std::string svg = chart_open("ap-compare-chart", height,
                                 "AP 11-point and AP area per class, sorted by area - 11-point");
    svg += fmt::format(
        "<g class=\"legend\" font-size=\"11\">\n"
        "<rect x=\"{0:g}\" y=\"30\" width=\"14\" height=\"{2:g}\" fill=\"{3}\"/>"
        "<text x=\"{1:g}\" y=\"38\">AP 11-point</text>\n"
        "<rect x=\"{4:g}\" y=\"30\" width=\"14\" height=\"{2:g}\" fill=\"{5}\"/>"
        "<text x=\"{6:g}\" y=\"38\">AP area</text>\n"
        "<text x=\"{7:g}\" y=\"38\">dashed: the mAP of each; right: area - 11pt, in "
        "points</text>\n</g>\n",
        chart_bars_left, chart_bars_left + 18, chart_bar_height, colour_11point,
        chart_bars_left + 100, colour_area, chart_bars_left + 118, chart_bars_left + 190);
    // Axis ticks every 20 %.
    for (int k = 0; k <= 5; ++k) {
        const double x = x_of(k / 5.0);
        svg += fmt::format(
            "<line x1=\"{0:.2f}\" y1=\"{1:g}\" x2=\"{0:.2f}\" y2=\"{2:g}\" stroke=\"#e3e3e3\"/>"
            "<text x=\"{0:.2f}\" y=\"{3:g}\" text-anchor=\"middle\" font-size=\"10\" "
            "fill=\"#555555\">{4}</text>\n",
            x, chart_top - 6, height - 20, height - 8, k * 20);
    }
    double y = chart_top;
    auto pair = [&](const std::string& name, const std::optional<double>& eleven,
                    const std::optional<double>& area, const std::string& difference, bool bold) {
        svg += chart_row_label(name, y, bold);
        svg += chart_bar("bar-11point", colour_11point, chart_bars_left, y,
                         x_of(*eleven) - chart_bars_left,
                         fmt::format("{}: AP 11-point {} %", name, ap_percent(eleven)));
        svg += chart_bar("bar-area", colour_area, chart_bars_left, y + chart_bar_height,
                         x_of(*area) - chart_bars_left,
                         fmt::format("{}: AP area {} %", name, ap_percent(area)));
        svg += fmt::format("<text x=\"{:g}\" y=\"{:.1f}\"{}>{} ({} / {})</text>\n", bars_right + 10,
                           y + chart_bar_height + 3, bold ? " font-weight=\"bold\"" : "",
                           difference, ap_percent(eleven), ap_percent(area));
        y += chart_row_pitch;
    };
    if (result.map_area && result.map_11point) {
        pair(summary.mean_cells[0], result.map_11point, result.map_area,
             summary.mean_cells[ap_col::difference], true);
    } else {
        svg += fmt::format("<text x=\"10\" y=\"{:.1f}\">no class has AP: nothing to draw</text>\n",
                           y + chart_bar_height + 3);
        y += chart_row_pitch;
    }
    const double rows_top = y;
    for (std::size_t k = 0; k < selection.drawn.size(); ++k) {
        if (selection.elided > 0 && k == selection.elided_after) {
            svg += fmt::format(
                "<text class=\"elided\" x=\"10\" y=\"{:.1f}\" fill=\"#555555\">... {} classes "
                "with differences from {} to {} points not drawn (the table lists them)</text>\n",
                y + chart_bar_height + 3, selection.elided,
                order[selection.drawn[k - 1] + 1]->cells[ap_col::difference],
                order[selection.drawn[k] - 1]->cells[ap_col::difference]);
            y += chart_row_pitch;
        }
        const ap_row& row = *order[selection.drawn[k]];
        const class_ap& c = result.classes[row.class_index];
        pair(row.cells[ap_col::name], c.ap_11point, c.ap_area, row.cells[ap_col::difference],
             false);
    }
    if (summary.without_ap > 0) {
        svg += fmt::format("<text x=\"10\" y=\"{:.1f}\" fill=\"#a94442\">{} (not drawn)</text>\n",
                           y + chart_bar_height + 3, summary.without_ap_note);
    }
    if (result.map_area && result.map_11point && y > rows_top) {
        for (const auto& [value, stroke] : {std::pair{*result.map_11point, colour_11point},
                                            std::pair{*result.map_area, colour_area}}) {
            svg += fmt::format(
                "<line class=\"map-line\" x1=\"{0:.2f}\" y1=\"{1:g}\" x2=\"{0:.2f}\" "
                "y2=\"{2:g}\" stroke=\"{3}\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>\n",
                x_of(value), rows_top - 4, y - 4, stroke);
        }
    }
    svg += "</svg>\n";
    return svg;
}

// Chart 2: per class, the ground truth (counted, then difficult) and the detections (TP, FP,
// ignored) as two stacked bars on one scale, in the table's order; with many classes, the
// ones with the most boxes and detections.
std::string counts_chart(const ap_result& result, const ap_summary& summary) {
    std::vector<const ap_row*> order;
    for (const ap_row& row : summary.rows)
        order.push_back(&row);
    std::size_t elided = 0;
    if (order.size() > max_charted_classes) {
        auto size_of = [&](const ap_row* row) {
            const class_ap& c = result.classes[row->class_index];
            return c.num_gt + c.num_difficult + c.num_detections;
        };
        std::vector<const ap_row*> largest = order;
        std::stable_sort(largest.begin(), largest.end(),
                         [&](const ap_row* a, const ap_row* b) { return size_of(a) > size_of(b); });
        largest.resize(max_charted_classes);
        std::sort(largest.begin(), largest.end(), [](const ap_row* a, const ap_row* b) {
            return *a->sort_keys[ap_col::name] < *b->sort_keys[ap_col::name];  // natural order
        });
        elided = order.size() - largest.size();
        order = std::move(largest);
    }
    double scale_max = 1;
    for (const ap_row* row : order) {
        const class_ap& c = result.classes[row->class_index];
        scale_max = std::max(
            scale_max, static_cast<double>(std::max(c.num_gt + c.num_difficult, c.num_detections)));
    }
    const double bars_right = 440;
    auto width_of = [&](std::size_t n) {
        return static_cast<double>(n) / scale_max * (bars_right - chart_bars_left);
    };
    const std::size_t lines = std::max<std::size_t>(order.size(), 1) + (elided > 0 ? 1 : 0);
    const double height = chart_top + chart_row_pitch * static_cast<double>(lines) + 8;
    std::string svg = chart_open("counts-chart", height,
                                 "Ground truth and detections per class (top bar: ground truth; "
                                 "bottom: detections)");
    struct part {
        std::string_view css_class, fill, label;
    };
    const part gt{"bar-gt", "#555555", "GT"}, difficult{"bar-difficult", "#bbbbbb", "difficult"},
        tp{"bar-tp", "#5cb85c", "TP"}, fp{"bar-fp", "#d9534f", "FP"},
        ignored{"bar-ignored", "#e0c36a", "ignored"};
    svg += "<g class=\"legend\" font-size=\"11\">\n";
    double legend_x = chart_bars_left;
    for (const part& p : {gt, difficult, tp, fp, ignored}) {
        svg += fmt::format(
            "<rect x=\"{:g}\" y=\"30\" width=\"14\" height=\"{:g}\" fill=\"{}\"/>"
            "<text x=\"{:g}\" y=\"38\">{}</text>\n",
            legend_x, chart_bar_height, p.fill, legend_x + 18, p.label);
        legend_x += 30 + 7 * static_cast<double>(p.label.size());
    }
    svg += fmt::format("<text x=\"{:g}\" y=\"38\">right: ... = detections</text>\n</g>\n",
                       legend_x + 10);
    double y = chart_top;
    if (order.empty()) {
        svg += fmt::format("<text x=\"10\" y=\"{:.1f}\">no class: nothing to draw</text>\n",
                           y + chart_bar_height + 3);
    }
    for (const ap_row* row : order) {
        const std::string& name = row->cells[ap_col::name];
        const class_ap& c = result.classes[row->class_index];
        const std::size_t ignored_count = c.num_detections - c.tp - c.fp;
        svg += chart_row_label(name, y);
        auto stack = [&](double bar_y,
                         std::initializer_list<std::pair<const part*, std::size_t>> pieces) {
            double x = chart_bars_left;
            for (const auto& [p, n] : pieces) {
                if (n == 0) continue;
                svg += chart_bar(p->css_class, p->fill, x, bar_y, width_of(n),
                                 fmt::format("{}: {} {}", name, n, p->label));
                x += width_of(n);
            }
        };
        stack(y, {{&gt, c.num_gt}, {&difficult, c.num_difficult}});
        stack(y + chart_bar_height, {{&tp, c.tp}, {&fp, c.fp}, {&ignored, ignored_count}});
        svg += fmt::format(
            "<text x=\"{:g}\" y=\"{:.1f}\" font-size=\"11\">{} GT + {} difficult; {} TP + {} FP + "
            "{} ignored = {}</text>\n",
            bars_right + 10, y + chart_bar_height + 3, c.num_gt, c.num_difficult, c.tp, c.fp,
            ignored_count, c.num_detections);
        y += chart_row_pitch;
    }
    if (elided > 0) {
        svg += fmt::format(
            "<text class=\"elided\" x=\"10\" y=\"{:.1f}\" fill=\"#555555\">the {} classes with the "
            "most boxes and detections; {} more in the table</text>\n",
            y + chart_bar_height + 3, order.size(), elided);
    }
    svg += "</svg>\n";
    return svg;
}

// The sortable table: the header links sort by their column, the mAP row stays at the foot;
// a legend says what each column counts. Every cell comes from summarise_ap, as in the terminal.
void append_html_ap_table(std::string& html, const ap_summary& summary) {
    const std::span<const ap_column> columns = ap_columns();
    html += "<table id=\"ap-table\">\n<thead><tr>";
    for (std::size_t k = 0; k < columns.size(); ++k) {
        html += fmt::format("<th{} data-key=\"{}\" title=\"{}\"><a href=\"#sort={}\">{}</a></th>",
                            k == 0 ? "" : " class=\"number\"", columns[k].key,
                            xml_escape(columns[k].meaning), columns[k].key,
                            xml_escape(columns[k].header));
    }
    html += "</tr></thead>\n<tbody>\n";
    for (const ap_row& row : summary.rows) {
        html += "<tr>";
        for (std::size_t k = 0; k < columns.size(); ++k) {
            const std::string sort_key =
                row.sort_keys[k] ? fmt::format(" data-sort=\"{:.17g}\"", *row.sort_keys[k]) : "";
            if (k == 0) {
                html += fmt::format("<td{}><a href=\"#class-{}\">{}</a></td>", sort_key,
                                    row.class_index + 1, xml_escape(row.cells[ap_col::name]));
                continue;
            }
            const bool no_ap = k >= ap_col::ap_11point && !row.has_ap;
            html += fmt::format("<td class=\"number{}\"{}>{}</td>", no_ap ? " no-ap" : "", sort_key,
                                xml_escape(row.cells[k]));
        }
        html += "</tr>\n";
    }
    html += "</tbody>\n<tfoot><tr>";
    for (std::size_t k = 0; k < columns.size(); ++k) {
        html += fmt::format("<td{}>{}</td>", k == 0 ? "" : " class=\"number\"",
                            xml_escape(summary.mean_cells[k]));
    }
    html += "</tr></tfoot>\n</table>\n<dl class=\"legend\">\n";
    for (const ap_column& column : columns) {
        html += fmt::format("<dt>{}</dt><dd>{}</dd>\n", xml_escape(column.header),
                            xml_escape(column.meaning));
    }
    html +=
        "</dl>\n<p>Click a column's header to sort by it (again: descending); the address "
        "keeps the order (<code>#sort=ap_area</code>, <code>#sort=-ap_area</code>).</p>\n";
}

// What the means leave out (classes without AP, detections on images without ground truth),
// then the verdict, in the terminal's words.
void append_html_notes(std::string& html, const ap_result& result, const ap_summary& summary) {
    if (!summary.without_ap_note.empty()) {
        html += fmt::format("<p>{}.</p>\n", xml_escape(summary.without_ap_note));
    }
    if (result.detections_without_ground_truth_image > 0) {
        html += fmt::format(
            "<p>{} detection(s) on images without any ground truth count as "
            "false positives.</p>\n",
            result.detections_without_ground_truth_image);
    }
    html += fmt::format("<p class=\"verdict\">{}</p>\n", xml_escape(summary.verdict));
}

// With --errors: the false positives by cause, the cells of the terminal's errors table.
void append_html_errors_table(std::string& html, const detection_set& set, const ap_result& result,
                              double threshold) {
    const bool any = std::any_of(result.classes.begin(), result.classes.end(),
                                 [](const class_ap& c) { return c.errors.has_value(); });
    if (!any) return;
    const ap_error_summary errors = summarise_ap_errors(set, result, threshold);
    html += fmt::format("<h2>{}</h2>\n<table id=\"errors-table\">\n<thead><tr>",
                        xml_escape(errors.heading));
    for (std::size_t k = 0; k < errors.header.size(); ++k) {
        html += fmt::format("<th{}>{}</th>", k == 0 ? "" : " class=\"number\"",
                            xml_escape(errors.header[k]));
    }
    html += "</tr></thead>\n<tbody>\n";
    const auto row_html = [](const std::vector<std::string>& cells) {
        std::string row = "<tr>";
        for (std::size_t k = 0; k < cells.size(); ++k) {
            row += fmt::format("<td{}>{}</td>", k == 0 ? "" : " class=\"number\"",
                               xml_escape(cells[k]));
        }
        return row + "</tr>\n";
    };
    for (const std::vector<std::string>& row : errors.rows)
        html += row_html(row);
    html += "</tbody>\n<tfoot>" + row_html(errors.total) + "</tfoot>\n</table>\n";
    html +=
        "<p>duplicate + localisation + confusion + background = FP; the rules: "
        "docs/average-precision.md, \"Error analysis\".</p>\n";
}

std::string index_html(const detection_set& set, const ap_result& result,
                       const ap_conventions& conventions, const std::vector<std::string>& files,
                       const std::vector<std::string>& svgs) {
    const ap_summary summary = summarise_ap(set, result);
    const std::size_t plotted = svgs.size();
    std::string html(html_head);
    html += fmt::format(
        "<p>{} images, {} classes; {}.</p>\n<p>Ground truth: {} boxes = {} that count (GT) + {} "
        "difficult. Detections: {} = {} TP + {} FP + {} ignored (matched to a difficult "
        "box).</p>\n",
        set.images.size(), set.classes.size(), xml_escape(conventions_line(conventions)),
        summary.gt + summary.difficult, summary.gt, summary.difficult, summary.detections,
        summary.tp, summary.fp, summary.ignored);
    html += "<h2>11-point and area</h2>\n";
    html += compare_chart(result, summary);
    html += "<h2>Ground truth and detections</h2>\n";
    html += counts_chart(result, summary);
    html += "<h2>Per class</h2>\n";
    append_html_ap_table(html, summary);
    append_html_notes(html, result, summary);
    append_html_errors_table(html, set, result, conventions.iou_threshold);
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
    html += "</div>\n";
    html += sort_script;
    html += "</body>\n</html>\n";
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
