#include "problems/average_precision.hpp"

#include <array>
#include <cmath>
#include <memory>
#include <string_view>

#include <fmt/format.h>

#include "formats/ap_json.hpp"
#include "support/files.hpp"
#include "support/json_input.hpp"

namespace algojudge {

namespace {

constexpr std::array<std::string_view, 3> map_fields = {"map_11point", "map_area", "map_101point"};

struct tolerance {
    double absolute = 1e-9;
    double relative = 0;
};

tolerance read_tolerance(const json& value) {
    tolerance result;
    if (value.is_null()) return result;
    reject_unknown_fields(value, "tolerance", {"absolute", "relative"});
    if (const json* absolute = optional_field(value, "absolute")) {
        result.absolute = read_double(*absolute, "tolerance.absolute", 0);
    }
    if (const json* relative = optional_field(value, "relative")) {
        result.relative = read_double(*relative, "tolerance.relative", 0);
    }
    return result;
}

// Validates the expected answer's shape: every field optional, none unknown.
void validate_expected(const json& expected) {
    require_object(expected, "expected");
    reject_unknown_fields(expected, "expected",
                          {"classes", "map_11point", "map_area", "map_101point"});
    for (std::string_view key : map_fields) {
        const json* value = optional_field(expected, key);
        if (value != nullptr) read_double(*value, json_path("expected", key));
    }
    const json* classes = optional_field(expected, "classes");
    if (classes == nullptr) return;
    require_object(*classes, "expected.classes");
    for (const auto& [name, fields] : classes->items()) {
        const std::string path = json_path("expected.classes", name);
        reject_unknown_fields(fields, path,
                              {"num_gt", "num_difficult", "num_detections", "tp", "fp",
                               "ap_11point", "ap_area", "ap_101point"});
        for (const auto& [key, value] : fields.items()) {
            const std::string field_path = json_path(path, key);
            if (key.rfind("ap_", 0) == 0) {
                if (!value.is_null()) read_double(value, field_path);
            } else {
                read_uint64(value, field_path);
            }
        }
    }
}

// "" when `actual` matches `expected` (a number or null) within `tol`.
std::string compare_number(const json& expected, const json* actual, const std::string& path,
                           const tolerance& tol) {
    if (actual == nullptr) return fmt::format("{}: missing in the actual result", path);
    if (expected.is_null() || actual->is_null()) {
        if (expected.is_null() && actual->is_null()) return "";
        return fmt::format("{}: expected {}, got {}", path, json_brief(expected),
                           json_brief(*actual));
    }
    if (!actual->is_number()) {
        return fmt::format("{}: expected a number, got {}", path, json_brief(*actual));
    }
    if (expected.is_number_integer()) {  // a count: exact
        if (!actual->is_number_integer() || actual->get<std::int64_t>() < 0 ||
            actual->get<std::uint64_t>() != expected.get<std::uint64_t>()) {
            return fmt::format("{}: expected {}, got {}", path, json_brief(expected),
                               json_brief(*actual));
        }
        return "";
    }
    const double want = expected.get<double>();
    const double got = actual->get<double>();
    const double allowed = std::max(tol.absolute, tol.relative * std::abs(want));
    if (!(std::abs(got - want) <= allowed)) {
        return fmt::format("{}: expected {}, got {} (difference {:.3g} > tolerance {:.3g})", path,
                           want, got, std::abs(got - want), allowed);
    }
    return "";
}

std::string first_difference(const json& expected, const json& actual, const tolerance& tol) {
    for (std::string_view key : map_fields) {
        if (const json* want = optional_field(expected, key, false)) {
            std::string difference =
                compare_number(*want, optional_field(actual, key, false), std::string(key), tol);
            if (!difference.empty()) return difference;
        }
    }
    const json* want_classes = optional_field(expected, "classes");
    if (want_classes == nullptr) return "";
    const json* got_classes = optional_field(actual, "classes");
    if (got_classes == nullptr || !got_classes->is_object()) {
        return "classes: missing or not an object in the actual result";
    }
    for (const auto& [name, fields] : want_classes->items()) {
        const std::string path = json_path("classes", name);
        const json* got = optional_field(*got_classes, name);
        if (got == nullptr) return fmt::format("{}: class missing in the actual result", path);
        for (const auto& [key, value] : fields.items()) {
            std::string difference =
                compare_number(value, optional_field(*got, key, false), json_path(path, key), tol);
            if (!difference.empty()) return difference;
        }
    }
    for (const auto& [name, fields] : got_classes->items()) {
        if (!want_classes->contains(name)) {
            return fmt::format("{}: class not in the expected result", json_path("classes", name));
        }
    }
    return "";
}

}  // namespace

json ap_result_json(const detection_set& set, const ap_result& result) {
    auto optional_number = [](const std::optional<double>& value) {
        return value ? json(*value) : json(nullptr);
    };
    json classes = json::object();
    for (std::size_t i = 0; i < set.classes.size(); ++i) {
        const class_ap& c = result.classes[i];
        classes[set.classes[i]] = {{"num_gt", c.num_gt},
                                   {"num_difficult", c.num_difficult},
                                   {"num_detections", c.num_detections},
                                   {"tp", c.tp},
                                   {"fp", c.fp},
                                   {"ap_11point", optional_number(c.ap_11point)},
                                   {"ap_area", optional_number(c.ap_area)},
                                   {"ap_101point", optional_number(c.ap_101point)}};
    }
    return {{"classes", std::move(classes)},
            {"map_11point", optional_number(result.map_11point)},
            {"map_area", optional_number(result.map_area)},
            {"map_101point", optional_number(result.map_101point)}};
}

namespace {

nlohmann::ordered_json errors_json(const ap_errors& errors) {
    return {{"duplicate", errors.duplicate},
            {"localisation", errors.localisation},
            {"confusion", errors.confusion},
            {"background", errors.background},
            {"missed", errors.missed}};
}

nlohmann::ordered_json curve_json(const class_ap& c) {
    std::vector<double> recall, precision;
    recall.reserve(c.curve.size());
    precision.reserve(c.curve.size());
    for (const pr_point& point : c.curve) {
        recall.push_back(point.recall);
        precision.push_back(point.precision);
    }
    return {{"recall", recall}, {"precision", precision}, {"score", c.curve_scores}};
}

// An object of `json` (sorted keys) as an ordered_json holding the same order.
nlohmann::ordered_json ordered(const json& value) {
    return nlohmann::ordered_json::parse(
        value.dump(-1, ' ', false, json::error_handler_t::replace));
}

}  // namespace

nlohmann::ordered_json ap_result_detailed_json(const detection_set& set, const ap_result& result,
                                               bool curves) {
    nlohmann::ordered_json out = ordered(ap_result_json(set, result));
    nlohmann::ordered_json& classes = out["classes"];
    for (std::size_t i = 0; i < set.classes.size(); ++i) {
        const class_ap& c = result.classes[i];
        // Keys are the names as dumped (U+FFFD for bytes that are not UTF-8).
        nlohmann::ordered_json& entry = classes[ordered(json(set.classes[i])).get<std::string>()];
        if (c.errors) entry["errors"] = errors_json(*c.errors);
        if (curves) entry["curve"] = curve_json(c);
    }
    return out;
}

nlohmann::ordered_json ap_sweep_json(const detection_set& set, std::span<const double> thresholds,
                                     std::span<const ap_result> sweep, bool curves) {
    auto optional_number = [](const std::optional<double>& value) {
        return value ? json(*value) : json(nullptr);
    };
    auto values_json = [&](const ap_values& v) {
        return json{{"ap_11point", optional_number(v.ap_11point)},
                    {"ap_area", optional_number(v.ap_area)},
                    {"ap_101point", optional_number(v.ap_101point)}};
    };
    nlohmann::ordered_json runs = nlohmann::ordered_json::array();
    for (std::size_t t = 0; t < sweep.size(); ++t) {
        nlohmann::ordered_json run = {{"iou", thresholds[t]}};
        run.update(ap_result_detailed_json(set, sweep[t], curves));
        runs.push_back(std::move(run));
    }
    const ap_sweep_mean mean = mean_over_thresholds(sweep);
    json classes = json::object();
    for (std::size_t i = 0; i < set.classes.size(); ++i)
        classes[set.classes[i]] = values_json(mean.classes[i]);
    json mean_json = values_json(mean.map);
    json means = {{"classes", std::move(classes)},
                  {"map_11point", mean_json["ap_11point"]},
                  {"map_area", mean_json["ap_area"]},
                  {"map_101point", mean_json["ap_101point"]}};
    return {{"sweep", std::move(runs)}, {"mean_over_iou", ordered(means)}};
}

namespace {

json solve_ap_input(const ap_input& parsed) {
    return ap_result_json(parsed.set, evaluate_average_precision(parsed.set, parsed.conventions));
}

std::any read_ap_any(std::string_view text) {
    std::optional<ap_input> parsed = read_ap_json_text(text);
    if (!parsed) return {};
    return std::make_shared<const ap_input>(std::move(*parsed));
}

std::any load_ap_any(const std::filesystem::path& file, std::uint64_t max_bytes) {
    // Only a regular file: a pipe read here would be gone for the json path.
    std::error_code error;
    if (!std::filesystem::is_regular_file(file, error)) return {};
    try {
        refuse_larger_than(file.string(), max_bytes);
        return std::make_shared<const ap_input>(load_ap_json_file(file));
    } catch (const input_error&) {
        return {};  // a case file, or not valid: the json reader says which
    }
}

json solve_ap_any(const std::any& input, const solve_options&) {
    return solve_ap_input(*std::any_cast<const std::shared_ptr<const ap_input>&>(input));
}

}  // namespace

const typed_reader average_precision_fast = {read_ap_any, solve_ap_any, load_ap_any};

json solve_average_precision(const json& input, const solve_options&) {
    return solve_ap_input(read_ap_json_value(input));
}

check_result check_average_precision(const check_args& args) {
    tolerance tol;
    try {
        tol = read_tolerance(args.tolerance);
        validate_expected(args.expected);
    } catch (const input_error& e) {
        return check_result::bad(e.what());
    }
    if (!args.actual.is_object()) return check_result::wrong("the actual result is not an object");
    std::string difference = first_difference(args.expected, args.actual, tol);
    if (!difference.empty()) return check_result::wrong(difference);
    return check_result::accept();
}

}  // namespace algojudge
