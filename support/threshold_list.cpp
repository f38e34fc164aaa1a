#include "support/threshold_list.hpp"

#include <charconv>
#include <cmath>
#include <string>

#include <fmt/format.h>

#include "support/errors.hpp"
#include "support/printable.hpp"

namespace algojudge {

namespace {

std::vector<std::string_view> split(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    for (std::size_t start = 0;;) {
        const std::size_t end = text.find(separator, start);
        parts.push_back(text.substr(start, end - start));
        if (end == std::string_view::npos) return parts;
        start = end + 1;
    }
}

double parse_number(std::string_view text, std::string_view option) {
    double value = 0;
    const auto [end, failure] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (failure != std::errc{} || end != text.data() + text.size() || !std::isfinite(value)) {
        throw usage_error(fmt::format("{}: expected a number, got '{}'", option, printable(text)));
    }
    return value;
}

double in_range(double value, std::string_view option, double low, double high) {
    if (!(value >= low && value <= high)) {
        throw usage_error(
            fmt::format("{}: expected a number in [{}, {}], got {}", option, low, high, value));
    }
    return value;
}

std::vector<double> parse_range(std::string_view spec, std::string_view option, double low,
                                double high) {
    const std::vector<std::string_view> parts = split(spec, ':');
    if (parts.size() != 3) {
        throw usage_error(
            fmt::format("{}: expected start:stop:step, got '{}'", option, printable(spec)));
    }
    const double start = in_range(parse_number(parts[0], option), option, low, high);
    const double stop = in_range(parse_number(parts[1], option), option, low, high);
    const double step = parse_number(parts[2], option);
    if (!(step > 0)) {
        throw usage_error(fmt::format("{}: expected a step above 0, got {}", option, step));
    }
    if (stop < start) {
        throw usage_error(fmt::format("{}: expected a stop at or above the start {}, got {}",
                                      option, start, stop));
    }
    // How many steps fit, forgiving the rounding of decimal steps (0.45 / 0.05 = 8.999...).
    const double steps = std::floor((stop - start) / step + 1e-9);
    if (steps + 1 > static_cast<double>(max_thresholds)) {
        throw usage_error(fmt::format("{}: expected at most {} thresholds, got {:.0f}", option,
                                      max_thresholds, steps + 1));
    }
    std::vector<double> values;
    for (int i = 0; i <= static_cast<int>(steps); ++i) {
        const double value = std::round((start + i * step) * 1e12) / 1e12;
        values.push_back(std::min(value, stop));  // never past the stop by the rounding
    }
    return values;
}

}  // namespace

std::vector<double> parse_threshold_list(std::string_view spec, std::string_view option, double low,
                                         double high) {
    if (spec.find(':') != std::string_view::npos) return parse_range(spec, option, low, high);
    std::vector<double> values;
    for (std::string_view part : split(spec, ','))
        values.push_back(in_range(parse_number(part, option), option, low, high));
    if (values.size() > max_thresholds) {
        throw usage_error(fmt::format("{}: expected at most {} thresholds, got {}", option,
                                      max_thresholds, values.size()));
    }
    for (std::size_t i = 1; i < values.size(); ++i) {
        if (!(values[i] > values[i - 1])) {
            throw usage_error(fmt::format("{}: expected increasing thresholds, got {} after {}",
                                          option, values[i], values[i - 1]));
        }
    }
    return values;
}

}  // namespace algojudge
