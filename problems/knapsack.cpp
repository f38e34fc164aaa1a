#include "problems/knapsack.hpp"

#include <algorithm>
#include <any>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <stdexcept>

#include <fmt/format.h>

#include "algorithms/knapsack.hpp"
#include "support/byte_size.hpp"
#include "support/counted.hpp"
#include "support/json_input.hpp"
#include "support/json_scan.hpp"

namespace algojudge {

namespace {

// The validated input, owning what knapsack_instance views.
struct knapsack_case {
    knapsack_kind kind = knapsack_kind::zero_one;
    knapsack_fill fill = knapsack_fill::at_most;
    bool rolling = true, table = false;  // the "method": "1d", "2d" or "both"
    std::uint64_t capacity = 0;
    std::vector<std::uint64_t> weights;
    std::vector<std::uint64_t> values;
    std::vector<std::uint64_t> counts;

    knapsack_instance instance() const { return {kind, fill, capacity, weights, values, counts}; }
};

// One of `names` (quoted in the message when it is not).
std::size_t read_choice(const json& value, const std::string& path,
                        std::initializer_list<std::string_view> names) {
    std::string words;
    std::size_t index = 0;
    for (std::string_view name : names) {
        if (value.is_string() && value.get_ref<const std::string&>() == name) return index;
        words += index == 0 ? "" : index + 1 == names.size() ? " or " : ", ";
        words += fmt::format("\"{}\"", name);
        ++index;
    }
    throw_expected(path, words, value);
}

std::vector<std::uint64_t> read_naturals(const json& array, const std::string& path) {
    require_array(array, path);
    std::vector<std::uint64_t> numbers;
    numbers.reserve(array.size());
    for (std::size_t i = 0; i < array.size(); ++i) {
        numbers.push_back(static_cast<std::uint64_t>(read_int64(array[i], json_path(path, i), 0)));
    }
    return numbers;
}

// The lists the fast reader read (read_knapsack_any); the input then holds stand-ins for them.
struct knapsack_lists {
    std::optional<std::vector<std::uint64_t>> weights, values, counts;
};

knapsack_case read_knapsack_input(const json& input, knapsack_lists* lists = nullptr) {
    reject_unknown_fields(input, "input", knapsack_fields);
    auto naturals = [&](std::string_view key,
                        std::optional<std::vector<std::uint64_t>> knapsack_lists::*list) {
        const json& field = require_field(input, "input", key);
        if (lists != nullptr && (lists->*list)) return std::move(*(lists->*list));
        return read_naturals(field, json_path("input", key));
    };
    knapsack_case parsed;
    constexpr knapsack_kind kinds[] = {knapsack_kind::zero_one, knapsack_kind::complete,
                                       knapsack_kind::bounded};
    parsed.kind = kinds[read_choice(require_field(input, "input", "kind"), "input.kind",
                                    {"0-1", "complete", "bounded"})];
    parsed.capacity = static_cast<std::uint64_t>(
        read_int64(require_field(input, "input", "capacity"), "input.capacity", 0));
    parsed.weights = naturals("weights", &knapsack_lists::weights);
    parsed.values = naturals("values", &knapsack_lists::values);
    if (parsed.values.size() != parsed.weights.size()) {
        throw input_error("input.values", fmt::format("expected {} values (one per weight), got {}",
                                                      parsed.weights.size(), parsed.values.size()));
    }
    const json* counts = optional_field(input, "counts");
    if (parsed.kind == knapsack_kind::bounded) {
        parsed.counts = naturals("counts", &knapsack_lists::counts);
        if (parsed.counts.size() != parsed.weights.size()) {
            throw input_error("input.counts",
                              fmt::format("expected {} counts (one per weight), got {}",
                                          parsed.weights.size(), parsed.counts.size()));
        }
    } else if (counts != nullptr) {
        throw input_error("input.counts", "only a \"bounded\" knapsack takes counts");
    }
    if (parsed.kind == knapsack_kind::complete) {
        for (std::size_t i = 0; i < parsed.weights.size(); ++i) {
            if (parsed.weights[i] == 0 && parsed.values[i] > 0) {
                throw input_error(
                    json_path("input.weights", i),
                    fmt::format("item {} weighs 0 and is worth {}: a complete knapsack can take "
                                "it without limit, so the answer is unbounded",
                                i, parsed.values[i]));
            }
        }
    }
    if (const json* method = optional_field(input, "method")) {
        const std::size_t choice = read_choice(*method, "input.method", {"1d", "2d", "both"});
        parsed.rolling = choice != 1;
        parsed.table = choice != 0;
    }
    if (const json* fill = optional_field(input, "fill")) {
        parsed.fill = read_choice(*fill, "input.fill", {"at-most", "exact"}) == 0
                          ? knapsack_fill::at_most
                          : knapsack_fill::exact;
    }
    return parsed;
}

// "4125004141 bytes (3.8 GiB)": exact, and readable.
std::string describe_bytes(std::uint64_t bytes) {
    if (bytes == std::numeric_limits<std::uint64_t>::max()) return "more than 16 EiB";
    return fmt::format("{} bytes ({})", bytes, format_byte_size(bytes));
}

// Refuses before anything large is allocated: values that could overflow, tables over budget.
void check_limits(const knapsack_case& parsed, knapsack_method method,
                  const solve_options& options) {
    const knapsack_plan plan = plan_knapsack(parsed.instance(), {.method = method});
    if (plan.status == knapsack_status::value_overflow) {
        throw input_error("input.values",
                          "the values of a selection that fits could add up to more than "
                          "9223372036854775807 (the 64-bit limit); the best value cannot be "
                          "computed exactly");
    }
    const char* name = method == knapsack_method::table_2d ? "2d" : "1d";
    if (plan.status == knapsack_status::too_large || plan.bytes > options.memory_limit_bytes) {
        const std::string advice =
            method == knapsack_method::table_2d
                ? fmt::format(
                      "use \"method\": \"1d\" (one row instead of the table), a "
                      "smaller capacity, or a larger {}",
                      options.memory_limit_option)
                : fmt::format("use a smaller capacity or a larger {}", options.memory_limit_option);
        throw input_error(
            "input.capacity",
            fmt::format("the \"{}\" method needs {} for capacity {}, over the memory limit of "
                        "{}; {}",
                        name, describe_bytes(plan.bytes), parsed.capacity,
                        describe_bytes(options.memory_limit_bytes), advice));
    }
}

json render(const knapsack_result& result) {
    json chosen = json::array();
    for (const knapsack_choice& choice : result.chosen) {
        chosen.push_back({{"item", choice.item}, {"count", choice.count}});
    }
    json best = nullptr;
    if (result.status == knapsack_status::solved) best = result.best_value;
    return {
        {"best_value", best}, {"total_weight", result.total_weight}, {"chosen", std::move(chosen)}};
}

}  // namespace

namespace {

json solve_parsed(const knapsack_case& parsed, const solve_options& options) {
    const knapsack_instance instance = parsed.instance();
    if (parsed.rolling) check_limits(parsed, knapsack_method::rolling_1d, options);
    if (parsed.table) check_limits(parsed, knapsack_method::table_2d, options);
    if (!parsed.rolling) {
        return render(knapsack(instance, {.method = knapsack_method::table_2d}));
    }
    const knapsack_result rolling = knapsack(instance, {.method = knapsack_method::rolling_1d});
    if (parsed.table) {  // both: the table checks the rolling array
        const knapsack_result table =
            knapsack(instance, {.method = knapsack_method::table_2d, .recover_items = false});
        if (table.status != rolling.status || table.best_value != rolling.best_value) {
            throw std::logic_error(fmt::format(
                "the 2d and 1d methods disagree (best value {} and {})",
                render(table)["best_value"].dump(), render(rolling)["best_value"].dump()));
        }
    }
    return render(rolling);
}

// The input's text: the lists (weights, values, counts) scanned as plain integers, the other
// members parsed, then the json path's own checks on both; empty on any doubt.
std::any read_knapsack_any(std::string_view text) {
    const std::optional<std::vector<raw_member>> members = split_json_object(text);
    if (!members) return {};
    json input = json::object();
    knapsack_lists lists;
    try {
        for (const raw_member& member : *members) {
            std::optional<std::vector<std::uint64_t>>* list =
                member.key == "weights"  ? &lists.weights
                : member.key == "values" ? &lists.values
                : member.key == "counts" ? &lists.counts
                                         : nullptr;
            if (list == nullptr) {
                input[std::string(member.key)] = parse_json_text(member.value, "");
                continue;
            }
            std::vector<std::int64_t> numbers;
            if (read_plain_int64_array(member.value, 0, numbers) != member.value.size() ||
                std::any_of(numbers.begin(), numbers.end(), [](std::int64_t n) { return n < 0; })) {
                return {};
            }
            list->emplace(numbers.begin(), numbers.end());
            input[std::string(member.key)] = json::array();  // a stand-in: the list is read
        }
        return std::make_shared<const knapsack_case>(read_knapsack_input(input, &lists));
    } catch (const input_error&) {
        return {};  // the json path says why
    }
}

const knapsack_case& typed_case(const std::any& input) {
    return *std::any_cast<const std::shared_ptr<const knapsack_case>&>(input);
}

json solve_knapsack_any(const std::any& input, const solve_options& options) {
    return solve_parsed(typed_case(input), options);
}

}  // namespace

const typed_reader knapsack_fast = {read_knapsack_any, solve_knapsack_any};

json solve_knapsack(const json& input, const solve_options& options) {
    return solve_parsed(read_knapsack_input(input), options);
}

namespace {

// A non-negative JSON integer however it was built (parsed ones are unsigned, built ones may
// be signed); nullopt otherwise.
std::optional<std::uint64_t> natural_value(const json& value) {
    if (value.is_number_unsigned()) return value.get<std::uint64_t>();
    if (value.is_number_integer() && value.get<std::int64_t>() >= 0) {
        return static_cast<std::uint64_t>(value.get<std::int64_t>());
    }
    return std::nullopt;
}

using u128 = unsigned __int128;

// The weight and value of a selection, each capped at 2^65: the sums cannot wrap.
struct selection_totals {
    u128 weight = 0;
    u128 value = 0;
};

// Adds up `chosen` (an array of {item, count}, items increasing, counts within what the kind
// allows) into `totals`; the first defect found, or empty.
std::string add_up_chosen(const knapsack_case& parsed, const json& chosen,
                          selection_totals& totals) {
    std::uint64_t previous_item = 0;
    for (std::size_t k = 0; k < chosen.size(); ++k) {
        const std::string path = json_path("chosen", k);
        const json& entry = chosen[k];
        std::uint64_t item = 0;
        std::uint64_t count = 0;
        try {
            reject_unknown_fields(entry, path, {"item", "count"});
            item = static_cast<std::uint64_t>(
                read_int64(require_field(entry, path, "item"), json_path(path, "item"), 0));
            count = static_cast<std::uint64_t>(
                read_int64(require_field(entry, path, "count"), json_path(path, "count"), 1));
        } catch (const input_error& e) {
            return e.what();
        }
        if (item >= parsed.weights.size()) {
            return fmt::format("{}.item: {} is not an item index (there are {} items)", path, item,
                               parsed.weights.size());
        }
        if (k > 0 && item <= previous_item) {
            return fmt::format(
                "{}.item: items must be listed once each in increasing order, "
                "got {} after {}",
                path, item, previous_item);
        }
        previous_item = item;
        std::uint64_t most = std::numeric_limits<std::uint64_t>::max();
        if (parsed.kind == knapsack_kind::zero_one) most = 1;
        if (parsed.kind == knapsack_kind::bounded) most = parsed.counts[item];
        if (count > most) {
            return fmt::format("{}.count: item {} may be taken at most {}, got {}", path, item,
                               counted(most, "time"), count);
        }
        // Each term is below 2^126; capping the sums keeps them from wrapping.
        constexpr u128 cap = u128{1} << 65;
        totals.weight = std::min(cap, totals.weight + u128{count} * parsed.weights[item]);
        totals.value = std::min(cap, totals.value + u128{count} * parsed.values[item]);
    }
    return "";
}

// Why `actual` is not a valid selection for `parsed` worth `best_value`; empty when it is.
std::string certificate_defect(const knapsack_case& parsed, const json& actual,
                               std::uint64_t best_value) {
    const json* chosen = optional_field(actual, "chosen");
    if (chosen == nullptr) {
        if (optional_field(actual, "total_weight") == nullptr) return "";  // no certificate
        return "chosen: missing, but total_weight is given";
    }
    if (!chosen->is_array()) return "chosen: not an array";
    selection_totals totals;
    if (std::string defect = add_up_chosen(parsed, *chosen, totals); !defect.empty()) {
        return defect;
    }
    const u128 weight = totals.weight;
    const u128 value = totals.value;
    auto text = [](u128 number) {
        if (number > std::numeric_limits<std::uint64_t>::max()) return std::string("over 2^64");
        return std::to_string(static_cast<std::uint64_t>(number));
    };
    if (parsed.fill == knapsack_fill::exact && weight != parsed.capacity) {
        return fmt::format("chosen: the items weigh {}, not exactly the capacity {}", text(weight),
                           parsed.capacity);
    }
    if (weight > parsed.capacity) {
        return fmt::format("chosen: the items weigh {}, over the capacity {}", text(weight),
                           parsed.capacity);
    }
    if (value != best_value) {
        return fmt::format("chosen: the items are worth {}, not best_value {}", text(value),
                           best_value);
    }
    const json* total = optional_field(actual, "total_weight");
    if (total == nullptr) return "";  // optional beside chosen
    const auto total_weight = natural_value(*total);
    if (!total_weight || u128{*total_weight} != weight) {
        return fmt::format("total_weight: expected {} (the weight of chosen), got {}", text(weight),
                           total ? json_brief(*total) : "nothing");
    }
    return "";
}

// The expected best value (nullopt for null: no exact fill), or input_error on malformed.
std::optional<std::uint64_t> read_expected(const json& expected) {
    reject_unknown_fields(expected, "expected", {"best_value", "total_weight", "chosen"});
    const json& best = require_field(expected, "expected", "best_value");
    if (const json* total = optional_field(expected, "total_weight")) {
        read_int64(*total, "expected.total_weight", 0);
    }
    if (const json* chosen = optional_field(expected, "chosen")) {
        require_array(*chosen, "expected.chosen");
        for (std::size_t k = 0; k < chosen->size(); ++k) {
            const std::string path = json_path("expected.chosen", k);
            reject_unknown_fields((*chosen)[k], path, {"item", "count"});
            read_int64(require_field((*chosen)[k], path, "item"), json_path(path, "item"), 0);
            read_int64(require_field((*chosen)[k], path, "count"), json_path(path, "count"), 1);
        }
    }
    if (best.is_null()) return std::nullopt;
    return static_cast<std::uint64_t>(read_int64(best, "expected.best_value", 0));
}

}  // namespace

check_result check_knapsack(const check_args& args) {
    std::optional<std::uint64_t> expected_best;
    try {
        expected_best = read_expected(args.expected);
    } catch (const input_error& e) {
        return check_result::bad(e.what());
    }
    const json* actual_best = optional_field(args.actual, "best_value", false);
    if (actual_best == nullptr) return check_result::wrong("best_value: missing");
    auto shown = [](const std::optional<std::uint64_t>& v) {
        return v ? std::to_string(*v) : std::string("null");
    };
    if (!expected_best) {
        if (!actual_best->is_null()) {
            return check_result::wrong(fmt::format(
                "best_value: expected null (no selection fills the capacity exactly), got {}",
                json_brief(*actual_best)));
        }
        const json* chosen = optional_field(args.actual, "chosen");
        if (chosen != nullptr && !(chosen->is_array() && chosen->empty())) {
            return check_result::wrong("chosen: expected [] when best_value is null");
        }
        return check_result::accept();
    }
    if (natural_value(*actual_best) != expected_best) {
        return check_result::wrong(fmt::format("best_value: expected {}, got {}",
                                               shown(expected_best), json_brief(*actual_best)));
    }
    std::string defect =
        certificate_defect(args.typed_input != nullptr ? typed_case(*args.typed_input)
                                                       : read_knapsack_input(args.input),
                           args.actual, *expected_best);
    if (!defect.empty()) return check_result::wrong(defect);
    return check_result::accept();
}

}  // namespace algojudge
