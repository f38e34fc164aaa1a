#include "support/json_input.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <set>
#include <vector>

#include <fmt/format.h>

namespace algojudge {

std::string json_path(std::string_view parent, std::string_view key) {
    if (parent.empty()) return std::string(key);
    return fmt::format("{}.{}", parent, key);
}

std::string json_path(std::string_view parent, std::size_t index) {
    return fmt::format("{}[{}]", parent, index);
}

std::string json_brief(const json& value) {
    constexpr std::size_t max_length = 40;
    std::string text = value.dump(-1, ' ', false, json::error_handler_t::replace);
    if (text.size() > max_length) text = text.substr(0, max_length - 3) + "...";
    return text;
}

std::string_view json_kind(const json& value) {
    switch (value.type()) {
        case json::value_t::null:
            return "null";
        case json::value_t::object:
            return "an object";
        case json::value_t::array:
            return "an array";
        case json::value_t::string:
            return "a string";
        case json::value_t::boolean:
            return "a boolean";
        case json::value_t::number_integer:
        case json::value_t::number_unsigned:
            return "an integer";
        case json::value_t::number_float:
            return "a number";
        default:
            return "a value";
    }
}

void throw_expected(const std::string& path, std::string_view what, const json& found) {
    if (found.is_object() || found.is_array() || found.is_null()) {
        throw input_error(path, fmt::format("expected {}, got {}", what, json_kind(found)));
    }
    throw input_error(path, fmt::format("expected {}, got {}", what, json_brief(found)));
}

const json& require_object(const json& value, const std::string& path) {
    if (!value.is_object()) throw_expected(path, "an object", value);
    return value;
}

const json& require_array(const json& value, const std::string& path) {
    if (!value.is_array()) throw_expected(path, "an array", value);
    return value;
}

const json& require_field(const json& parent, const std::string& path, std::string_view key) {
    require_object(parent, path);
    auto it = parent.find(key);
    if (it == parent.end()) {
        throw input_error(path, fmt::format("missing field \"{}\"", key));
    }
    return *it;
}

const json* optional_field(const json& parent, std::string_view key, bool null_is_absent) {
    if (!parent.is_object()) return nullptr;
    auto it = parent.find(key);
    if (it == parent.end() || (null_is_absent && it->is_null())) return nullptr;
    return &*it;
}

namespace {

void reject_names(const json& object, const std::string& path,
                  std::span<const std::string_view> allowed) {
    require_object(object, path);
    for (const auto& [key, value] : object.items()) {
        bool known = false;
        for (std::string_view name : allowed)
            known = known || name == key;
        if (known) continue;
        std::string names;
        for (std::string_view name : allowed) {
            names += names.empty() ? "" : ", ";
            names += name;
        }
        throw input_error(json_path(path, key),
                          fmt::format("unknown field (expected one of: {})", names));
    }
}

}  // namespace

void reject_unknown_fields(const json& object, const std::string& path,
                           std::initializer_list<std::string_view> allowed) {
    reject_names(object, path, std::span(allowed.begin(), allowed.size()));
}

void reject_unknown_fields(const json& object, const std::string& path,
                           std::span<const json_field> allowed) {
    std::vector<std::string_view> names;
    for (const json_field& field : allowed)
        names.push_back(field.name);
    reject_names(object, path, names);
}

std::string describe_fields(std::span<const json_field> fields) {
    std::string text;
    for (const json_field& field : fields) {
        if (!text.empty()) text += ", ";
        text += field.name;
        if (field.optional) text += '?';
        if (!field.type.empty()) text += fmt::format(": {}", field.type);
    }
    return text;
}

namespace {

constexpr auto int64_min = std::numeric_limits<std::int64_t>::min();
constexpr auto int64_max = std::numeric_limits<std::int64_t>::max();

std::string integer_range_words(std::int64_t min, std::int64_t max) {
    if (min == int64_min && max == int64_max) return "an integer in the signed 64-bit range";
    if (min == 0 && max == int64_max) return "a non-negative integer";
    if (min == 1 && max == int64_max) return "a positive integer";
    if (max == int64_max) return fmt::format("an integer >= {}", min);
    if (min == int64_min) return fmt::format("an integer <= {}", max);
    return fmt::format("an integer from {} to {}", min, max);
}

}  // namespace

std::int64_t read_int64(const json& value, const std::string& path, std::int64_t min,
                        std::int64_t max) {
    const std::string words = integer_range_words(min, max);
    if (value.is_number_integer() && !value.is_number_unsigned()) {
        auto number = value.get<std::int64_t>();
        if (number >= min && number <= max) return number;
    } else if (value.is_number_unsigned()) {
        auto number = value.get<std::uint64_t>();
        if (number <= static_cast<std::uint64_t>(int64_max) &&
            static_cast<std::int64_t>(number) >= min && static_cast<std::int64_t>(number) <= max) {
            return static_cast<std::int64_t>(number);
        }
    }
    throw_expected(path, words, value);
}

std::uint64_t read_uint64(const json& value, const std::string& path, std::uint64_t max) {
    const std::string words =
        max == std::numeric_limits<std::uint64_t>::max()
            ? std::string("a non-negative integer in the unsigned 64-bit range")
            : fmt::format("an integer from 0 to {}", max);
    if (value.is_number_unsigned()) {
        auto number = value.get<std::uint64_t>();
        if (number <= max) return number;
    } else if (value.is_number_integer()) {
        auto number = value.get<std::int64_t>();
        if (number >= 0 && static_cast<std::uint64_t>(number) <= max) {
            return static_cast<std::uint64_t>(number);
        }
    }
    throw_expected(path, words, value);
}

double read_double(const json& value, const std::string& path, double min, double max) {
    if (value.is_number()) {
        auto number = value.get<double>();
        if (std::isfinite(number) && number >= min && number <= max) return number;
        if (!std::isfinite(number)) {
            throw input_error(path, "expected a finite number, got a non-finite value");
        }
    }
    if (std::isinf(min) && std::isinf(max)) throw_expected(path, "a finite number", value);
    if (std::isinf(max)) throw_expected(path, fmt::format("a number >= {}", min), value);
    if (std::isinf(min)) throw_expected(path, fmt::format("a number <= {}", max), value);
    throw_expected(path, fmt::format("a number from {} to {}", min, max), value);
}

bool read_bool(const json& value, const std::string& path) {
    if (!value.is_boolean()) throw_expected(path, "true or false", value);
    return value.get<bool>();
}

const std::string& read_string(const json& value, const std::string& path) {
    if (!value.is_string()) throw_expected(path, "a string", value);
    return value.get_ref<const std::string&>();
}

std::string text_location(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    std::size_t line = 1;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++line;
            line_start = i + 1;
        }
    }
    if (text.find('\n') == std::string_view::npos) {
        return fmt::format("column {}", offset - line_start + 1);
    }
    return fmt::format("line {}, column {}", line, offset - line_start + 1);
}

std::string describe_parse_failure(std::string_view text, std::size_t byte) {
    if (byte > text.size() ||
        text.find_first_not_of(" \t\r\n", byte == 0 ? 0 : byte - 1) == std::string_view::npos) {
        return "malformed JSON: unexpected end of input";
    }
    const std::size_t offset = byte == 0 ? 0 : byte - 1;
    // A few characters from the offending token on, so "NaN" or a stray comma is visible.
    std::string_view near = text.substr(offset, 12);
    near = near.substr(0, near.find('\n'));
    return fmt::format("malformed JSON at {} near '{}'", text_location(text, offset), near);
}

std::string json_text_defect(std::string_view text) {
    std::size_t depth = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\0') {
            return fmt::format("malformed JSON at {}: a NUL byte", text_location(text, i));
        }
        if (in_string) {
            if (static_cast<unsigned char>(c) < 0x20) {
                return fmt::format(
                    "malformed JSON at {}: a control character (U+{:04X}) in a string must be "
                    "escaped",
                    text_location(text, i), static_cast<unsigned>(static_cast<unsigned char>(c)));
            }
            if (c == '\\') {
                // An escaped NUL or control character is still reported as one.
                if (i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x20) ++i;
            } else if (c == '"') {
                in_string = false;
            }
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > max_json_depth) {
                return fmt::format("JSON nested deeper than {} levels at {}", max_json_depth,
                                   text_location(text, i));
            }
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return {};
}

namespace {

// The first number token outside strings that does not fit a double, or npos.
std::size_t first_out_of_range_number(std::string_view text) {
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                in_string = false;
            continue;
        }
        if (c == '"') {
            in_string = true;
            continue;
        }
        if (c != '-' && (c < '0' || c > '9')) continue;
        std::size_t end = i;
        while (end < text.size() &&
               std::string_view("0123456789+-.eE").find(text[end]) != std::string_view::npos)
            ++end;
        const std::string token(text.substr(i, end - i));
        if (!std::isfinite(std::strtod(token.c_str(), nullptr))) return i;
        i = end - 1;
    }
    return std::string_view::npos;
}

// Refuses a repeated key in any object while nlohmann parses, naming the object's JSON path.
class duplicate_key_check {
  public:
    bool operator()(int /*depth*/, json::parse_event_t event, json& parsed) {
        switch (event) {
            case json::parse_event_t::object_start:
                frames_.emplace_back().object = true;
                break;
            case json::parse_event_t::array_start:
                frames_.emplace_back();
                break;
            case json::parse_event_t::key: {
                frame& top = frames_.back();
                std::string key = parsed.get<std::string>();
                if (!top.keys.insert(key).second) {
                    throw input_error(path(), fmt::format("duplicate key \"{}\"", key));
                }
                top.key = std::move(key);
                break;
            }
            case json::parse_event_t::object_end:
            case json::parse_event_t::array_end:
                frames_.pop_back();
                element_done();
                break;
            case json::parse_event_t::value:
                element_done();
                break;
        }
        return true;
    }

  private:
    struct frame {
        bool object = false;
        std::size_t index = 0;
        std::string key;
        std::set<std::string> keys;
    };

    void element_done() {
        if (!frames_.empty() && !frames_.back().object) ++frames_.back().index;
    }

    // The path of the innermost open object.
    std::string path() const {
        std::string result;
        for (std::size_t i = 0; i + 1 < frames_.size(); ++i) {
            result = frames_[i].object ? json_path(result, frames_[i].key)
                                       : json_path(result, frames_[i].index);
        }
        return result;
    }

    std::vector<frame> frames_;
};

}  // namespace

json parse_json_text(std::string_view text, const std::string& where) {
    if (std::string defect = json_text_defect(text); !defect.empty()) {
        throw input_error::at(where, std::move(defect));
    }
    try {
        return json::parse(text.begin(), text.end(), duplicate_key_check());
    } catch (input_error& e) {
        e.within(where);
        throw;
    } catch (const json::parse_error& e) {
        if (std::string_view(e.what()).find("surrogate") != std::string_view::npos && e.byte > 0 &&
            e.byte <= text.size()) {
            throw input_error::at(where,
                                  fmt::format("malformed JSON at {}: a lone UTF-16 surrogate "
                                              "in a string (\\ud800 to \\udfff unpaired)",
                                              text_location(text, e.byte - 1)));
        }
        throw input_error::at(where, fmt::format("{}", describe_parse_failure(text, e.byte)));
    } catch (const json::exception&) {
        // A number too large for a double (1e999) is the only other parse failure.
        const std::size_t at = first_out_of_range_number(text);
        if (at == std::string_view::npos) {
            throw input_error::at(where, "malformed JSON: a number is out of range");
        }
        throw input_error::at(where,
                              fmt::format("malformed JSON at {}: a number out of the double range",
                                          text_location(text, at)));
    }
}

}  // namespace algojudge
