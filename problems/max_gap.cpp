#include "problems/max_gap.hpp"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "algorithms/max_gap.hpp"
#include "support/files.hpp"
#include "support/json_input.hpp"
#include "support/json_scan.hpp"

namespace algojudge {

namespace {

std::vector<std::int64_t> read_max_gap_input(const json& input) {
    reject_unknown_fields(input, "input", max_gap_fields);
    const json& nums = require_array(require_field(input, "input", "nums"), "input.nums");
    std::vector<std::int64_t> values;
    values.reserve(nums.size());
    for (std::size_t i = 0; i < nums.size(); ++i) {
        values.push_back(read_int64(nums[i], json_path("input.nums", i)));
    }
    return values;
}

// Checks that `between` names two neighbours of `nums` that are `gap` apart.
std::string certificate_defect(const std::vector<std::int64_t>& nums, const json& between,
                               std::uint64_t gap) {
    if (nums.size() < 2) {
        return between.is_null() ? "" : "between: expected null for fewer than two numbers";
    }
    if (!between.is_array() || between.size() != 2 || !between[0].is_number_integer() ||
        !between[1].is_number_integer()) {
        return fmt::format("between: expected [low, high], got {}", json_brief(between));
    }
    std::int64_t low = 0;
    std::int64_t high = 0;
    try {
        low = read_int64(between[0], "between[0]");
        high = read_int64(between[1], "between[1]");
    } catch (const input_error& e) {
        return e.what();
    }
    if (high < low || static_cast<std::uint64_t>(high) - static_cast<std::uint64_t>(low) != gap) {
        return fmt::format("between: {} and {} are not {} apart", low, high, gap);
    }
    bool has_low = false;
    bool has_high = false;
    for (std::int64_t value : nums) {
        has_low = has_low || value == low;
        has_high = has_high || value == high;
        if (low < value && value < high) {
            return fmt::format("between: {} and {} are not neighbours, {} lies between them", low,
                               high, value);
        }
    }
    if (!has_low) return fmt::format("between[0]: {} is not in input.nums", low);
    if (!has_high) return fmt::format("between[1]: {} is not in input.nums", high);
    return "";
}

json render_max_gap(const std::vector<std::int64_t>& nums) {
    const max_gap_result result = max_gap(nums);
    json output = {{"max_gap", result.gap}, {"between", nullptr}};
    if (result.has_pair) output["between"] = {result.low, result.high};
    return output;
}

std::any read_max_gap_any(std::string_view text) {
    std::optional<std::vector<std::int64_t>> nums = read_max_gap_text(text);
    if (!nums) return {};
    return std::move(*nums);
}

json solve_max_gap_any(const std::any& input, const solve_options&) {
    return render_max_gap(std::any_cast<const std::vector<std::int64_t>&>(input));
}

// A bare input file, scanned where it is mapped: no copy of its text in memory.
std::any load_max_gap_any(const std::filesystem::path& file, std::uint64_t max_bytes) {
    const std::optional<mapped_file> mapped = mapped_file::open(file.string(), max_bytes);
    if (!mapped) return {};
    return read_max_gap_any(mapped->text());
}

}  // namespace

const typed_reader max_gap_fast = {read_max_gap_any, solve_max_gap_any, load_max_gap_any};

std::optional<std::vector<std::int64_t>> read_max_gap_text(std::string_view text) {
    std::size_t at = 0;
    auto space = [&] {
        while (at < text.size() && is_json_space(text[at]))
            ++at;
    };
    auto token = [&](std::string_view expected) {
        space();
        if (text.substr(at, expected.size()) != expected) return false;
        at += expected.size();
        return true;
    };
    if (!token("{") || !token("\"nums\"") || !token(":")) return std::nullopt;
    space();
    std::vector<std::int64_t> nums;
    at = read_plain_int64_array(text, at, nums);
    if (at == std::string_view::npos) return std::nullopt;
    if (!token("}")) return std::nullopt;
    space();
    if (at != text.size()) return std::nullopt;
    return nums;
}

json solve_max_gap(const json& input, const solve_options&) {
    return render_max_gap(read_max_gap_input(input));
}

check_result check_max_gap(const check_args& args) {
    std::uint64_t expected_gap = 0;
    try {
        reject_unknown_fields(args.expected, "expected", {"max_gap", "between"});
        expected_gap =
            read_uint64(require_field(args.expected, "expected", "max_gap"), "expected.max_gap");
        // An expected pair is never compared (pairs may tie) but must itself be a valid one.
        if (const json* pair = optional_field(args.expected, "between")) {
            const bool shaped = pair->is_array() && pair->size() == 2;
            const std::int64_t low = shaped ? read_int64((*pair)[0], "expected.between[0]") : 0;
            const std::int64_t high = shaped ? read_int64((*pair)[1], "expected.between[1]") : 0;
            if (!shaped || high < low ||
                static_cast<std::uint64_t>(high) - static_cast<std::uint64_t>(low) !=
                    expected_gap) {
                throw_expected("expected.between", "null or [low, high] with high - low == max_gap",
                               *pair);
            }
        }
    } catch (const input_error& e) {
        return check_result::bad(e.what());
    }
    const json* actual_gap = optional_field(args.actual, "max_gap");
    if (actual_gap == nullptr || !actual_gap->is_number_integer()) {
        return check_result::wrong("max_gap: missing or not an integer in the actual result");
    }
    if (!actual_gap->is_number_unsigned() && actual_gap->get<std::int64_t>() < 0) {
        return check_result::wrong(fmt::format("max_gap: expected {}, got {}", expected_gap,
                                               actual_gap->get<std::int64_t>()));
    }
    const auto gap = actual_gap->get<std::uint64_t>();
    if (gap != expected_gap) {
        return check_result::wrong(fmt::format("max_gap: expected {}, got {}", expected_gap, gap));
    }
    // The neighbours are a certificate: optional, but checked when given (null included).
    const json* between = optional_field(args.actual, "between", false);
    if (between == nullptr) return check_result::accept();
    std::vector<std::int64_t> parsed;
    const auto* nums = args.typed_input != nullptr
                           ? std::any_cast<std::vector<std::int64_t>>(args.typed_input)
                           : nullptr;
    if (nums == nullptr) {
        parsed = read_max_gap_input(args.input);
        nums = &parsed;
    }
    std::string defect = certificate_defect(*nums, *between, gap);
    if (!defect.empty()) return check_result::wrong(defect);
    return check_result::accept();
}

}  // namespace algojudge
