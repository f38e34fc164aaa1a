#include "problems/generator.hpp"

#include <charconv>
#include <stdexcept>
#include <utility>

#include <fmt/format.h>

#include "support/errors.hpp"

namespace algojudge {

namespace {

std::string expected_words(const generator_option& option) {
    switch (option.kind) {
        case option_kind::integer:
            if (option.min == INT64_MIN && option.max == INT64_MAX) return "any 64-bit integer";
            return fmt::format("an integer from {} to {}", option.min, option.max);
        case option_kind::fraction:
            return "a number from 0 to 1";
        case option_kind::choice:
            return fmt::format("one of {}", option.choices);
        case option_kind::flag:
            return "true or false";
    }
    return "";
}

bool is_choice(const generator_option& option, std::string_view word) {
    std::string_view rest = option.choices;
    while (!rest.empty()) {
        const std::size_t bar = rest.find('|');
        if (rest.substr(0, bar) == word) return true;
        if (bar == std::string_view::npos) break;
        rest.remove_prefix(bar + 1);
    }
    return false;
}

}  // namespace

generator_settings::generator_settings(const generator& source) {
    for (const generator_option& option : source.options) {
        values_[std::string(option.name)].option = &option;
        set(option.name, option.default_value);
    }
}

void generator_settings::set(std::string_view name, std::string_view text) {
    const auto found = values_.find(name);
    if (found == values_.end()) {
        throw usage_error(fmt::format("--{}: not an option of this generator", name));
    }
    value slot = found->second;  // changed only when the text is valid
    const generator_option& option = *slot.option;
    const char* first = text.data();
    const char* last = text.data() + text.size();
    bool ok = false;
    switch (option.kind) {
        case option_kind::integer: {
            const auto [end, ec] = std::from_chars(first, last, slot.integer);
            ok = ec == std::errc() && end == last && slot.integer >= option.min &&
                 slot.integer <= option.max;
            break;
        }
        case option_kind::fraction: {
            // from_chars for double is exact and locale-free, unlike strtod.
            const auto [end, ec] = std::from_chars(first, last, slot.fraction);
            ok = ec == std::errc() && end == last && slot.fraction >= 0 && slot.fraction <= 1;
            break;
        }
        case option_kind::choice:
            ok = is_choice(option, text);
            slot.word = text;
            break;
        case option_kind::flag:
            ok = text == "true" || text == "false";
            slot.word = text;
            break;
    }
    if (!ok) {
        throw usage_error(
            fmt::format("--{}: expected {}, got \"{}\"", name, expected_words(option), text));
    }
    found->second = std::move(slot);
}

const generator_settings::value& generator_settings::get(std::string_view name,
                                                         option_kind kind) const {
    const auto found = values_.find(name);
    if (found == values_.end() || found->second.option->kind != kind) {
        throw std::logic_error(fmt::format("generator reads an undeclared option \"{}\"", name));
    }
    return found->second;
}

std::int64_t generator_settings::integer(std::string_view name) const {
    return get(name, option_kind::integer).integer;
}

double generator_settings::fraction(std::string_view name) const {
    return get(name, option_kind::fraction).fraction;
}

std::string_view generator_settings::choice(std::string_view name) const {
    return get(name, option_kind::choice).word;
}

bool generator_settings::flag(std::string_view name) const {
    return get(name, option_kind::flag).word == "true";
}

std::string describe_values(const generator_option& option) {
    return expected_words(option);
}

}  // namespace algojudge
