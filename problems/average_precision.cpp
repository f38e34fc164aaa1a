#include "problems/average_precision.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstring>
#include <random>
#include <string_view>

#include <fmt/format.h>
#include <simdjson.h>

#include "problems/cases.hpp"
#include "problems/json_input.hpp"

namespace algojudge {

namespace {

constexpr std::array<std::string_view, 3> map_fields = {"map_11point", "map_area", "map_101point"};

// Ids are 32-bit: refuse sets that would not fit rather than wrap.
constexpr std::size_t max_entries = std::size_t{1} << 31;

// Asks the kernel to back [data, data + bytes) with 2 MB pages where it can (Linux with
// transparent huge pages in "madvise" mode, as Debian ships it). The big arrays here are filled
// once, front to back: one fault per 2 MB instead of one per 4 kB page (on the 1M-detection
// set, system time fell from about 0.2 s to 0.1 s). Only whole 2 MB spans inside the range
// are advised; a no-op elsewhere. Call it before the memory is first written.
void advise_huge_pages([[maybe_unused]] void* data, [[maybe_unused]] std::size_t bytes) {
#ifdef MADV_HUGEPAGE
    constexpr std::uintptr_t huge_page = std::uintptr_t{1} << 21;
    const auto begin = reinterpret_cast<std::uintptr_t>(data);
    const std::uintptr_t first = (begin + huge_page - 1) & ~(huge_page - 1);
    const std::uintptr_t last = (begin + bytes) & ~(huge_page - 1);
    if (first < last) {
        ::madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);  // a hint only
    }
#endif
}

template <class T>
void reserve_huge(std::vector<T>& items, std::size_t count) {
    items.reserve(count);
    advise_huge_pages(items.data(), items.capacity() * sizeof(T));
}

// A fast hash for short names: 8 bytes at a time, multiply and fold (std::hash's murmur costs
// twice as much on the 10-byte image ids the big sets carry).
std::uint64_t name_hash(std::string_view name) {
    constexpr std::uint64_t multiplier = 0x9E3779B97F4A7C15u;
    std::uint64_t hash = name.size() * multiplier;
    std::size_t i = 0;
    for (; i + 8 <= name.size(); i += 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, name.data() + i, 8);
        hash = (hash ^ word) * multiplier;
        hash ^= hash >> 29;
    }
    if (i < name.size()) {
        std::uint64_t word = 0;
        std::memcpy(&word, name.data() + i, name.size() - i);
        hash = (hash ^ word) * multiplier;
    }
    hash ^= hash >> 32;
    return hash * multiplier;
}

// Dense ids for names, by open addressing. A slot keeps a copy of a short name next to its
// hash and id, so a lookup reads one cache line: with 100 000 image ids in random order every
// lookup misses the cache, and a second miss into the name strings doubled the cost.
class name_table {
  public:
    std::uint32_t intern(std::vector<std::string>& names, std::string_view name) {
        return intern(names, name, name_hash(name));
    }
    // Starts loading the slot where `hash` begins its probe; interning the name a little later
    // then finds it in the cache (the table outgrows the cache at 100 000 names).
    void prefetch(std::uint64_t hash) const {
        if (!slots_.empty()) __builtin_prefetch(&slots_[hash & (slots_.size() - 1)]);
    }
    // `hash` is name_hash(name).
    std::uint32_t intern(std::vector<std::string>& names, std::string_view name,
                         std::uint64_t hash) {
        if (2 * (names.size() + 1) > slots_.size()) grow(names);
        for (std::size_t i = hash & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
            slot& s = slots_[i];
            if (s.id == empty) {
                fill(s, hash, static_cast<std::uint32_t>(names.size()), name);
                names.emplace_back(name);
                return s.id;
            }
            if (s.hash == hash && s.size == name.size() &&
                (name.size() <= inline_size ? std::memcmp(s.text, name.data(), name.size()) == 0
                                            : names[s.id] == name)) {
                return s.id;
            }
        }
    }

  private:
    static constexpr std::uint32_t empty = UINT32_MAX;
    static constexpr std::size_t inline_size = 16;
    struct slot {
        std::uint64_t hash = 0;
        std::uint32_t id = empty;
        std::uint32_t size = 0;
        char text[inline_size] = {};
    };
    static void fill(slot& s, std::uint64_t hash, std::uint32_t id, std::string_view name) {
        s.hash = hash;
        s.id = id;
        s.size = static_cast<std::uint32_t>(name.size());  // entries are far below 4 GB
        if (name.size() <= inline_size) std::memcpy(s.text, name.data(), name.size());
    }
    void grow(const std::vector<std::string>& names) {
        const std::size_t size = std::max<std::size_t>(64, slots_.size() * 2);  // a power of 2
        std::vector<slot> fresh;
        reserve_huge(fresh, size);
        fresh.resize(size);
        slots_ = std::move(fresh);
        for (std::uint32_t id = 0; id < names.size(); ++id) {
            const std::string& name = names[id];
            const std::uint64_t hash = name_hash(name);
            std::size_t i = hash & (slots_.size() - 1);
            while (slots_[i].id != empty)
                i = (i + 1) & (slots_.size() - 1);
            fill(slots_[i], hash, id, name);
        }
    }
    std::vector<slot> slots_;
};

// Interns image and class names; both JSON readers and the text reader feed it.
class set_builder {
  public:
    std::uint32_t image(std::string_view name) {
        return image_ids_.intern(result_.set.images, name);
    }
    // The same in two steps: image_hash() starts the table lookup of a name, image() with its
    // hash finishes it once other work has hidden the memory latency.
    std::uint64_t image_hash(std::string_view name) const {
        const std::uint64_t hash = name_hash(name);
        image_ids_.prefetch(hash);
        return hash;
    }
    std::uint32_t image(std::string_view name, std::uint64_t hash) {
        return image_ids_.intern(result_.set.images, name, hash);
    }
    std::uint32_t class_id(std::string_view name) {
        return class_ids_.intern(result_.set.classes, name);
    }
    ap_input& result() { return result_; }

  private:
    ap_input result_;
    name_table image_ids_, class_ids_;
};

// "" when the corners are ordered, else what is wrong with them.
std::string box_problem(const std::array<double, 4>& corners) {
    if (corners[2] < corners[0]) {
        return fmt::format("x2 ({}) is less than x1 ({})", corners[2], corners[0]);
    }
    if (corners[3] < corners[1]) {
        return fmt::format("y2 ({}) is less than y1 ({})", corners[3], corners[1]);
    }
    return "";
}

box to_box(const std::array<double, 4>& corners) {
    return {corners[0], corners[1], corners[2], corners[3]};
}

// ---- the nlohmann reader (case files, `algojudge run`) ----

box read_box(const json& value, const std::string& path) {
    require_array(value, path);
    if (value.size() != 4) throw_expected(path, "[x1, y1, x2, y2]", value);
    std::array<double, 4> corners{};
    for (std::size_t i = 0; i < 4; ++i)
        corners[i] = read_double(value[i], json_path(path, i));
    if (std::string problem = box_problem(corners); !problem.empty()) {
        throw input_error(path, problem);
    }
    return to_box(corners);
}

bool read_flag(const json& object, const std::string& path, std::string_view key) {
    const json* value = optional_field(object, key);
    return value != nullptr && read_bool(*value, json_path(path, key));
}

void check_count(std::size_t count, const std::string& path) {
    if (count >= max_entries) {
        throw input_error(path, fmt::format("at most {} entries, got {}", max_entries - 1, count));
    }
}

// Calls `each(entry, item_path)` for every object of the array `input[list]`.
template <class Each>
void for_each_entry(const json& input, const std::string& path, std::string_view list,
                    std::initializer_list<std::string_view> fields, Each each) {
    const std::string list_path = json_path(path, list);
    const json& entries = require_array(require_field(input, path, list), list_path);
    check_count(entries.size(), list_path);
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const std::string item = json_path(list_path, i);
        const json& entry = require_object(entries[i], item);
        reject_unknown_fields(entry, item, fields);
        each(entry, item);
    }
}

// ---- the checker ----

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
            std::string problem =
                compare_number(*want, optional_field(actual, key, false), std::string(key), tol);
            if (!problem.empty()) return problem;
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
            std::string problem =
                compare_number(value, optional_field(*got, key, false), json_path(path, key), tol);
            if (!problem.empty()) return problem;
        }
    }
    for (const auto& [name, fields] : got_classes->items()) {
        if (!want_classes->contains(name)) {
            return fmt::format("{}: class not in the expected result", json_path("classes", name));
        }
    }
    return "";
}

// ---- the simdjson reader (big files) ----

namespace od = simdjson::ondemand;

// A JSON path rendered only when a message needs it (`detections[4].bbox[2]`): the hot loop of
// the fast reader formats nothing.
struct lazy_path {
    std::string_view list;  // a top-level key ("" for the document)
    std::size_t index = SIZE_MAX;
    std::string_view key;
    std::size_t element = SIZE_MAX;

    lazy_path() = default;
    lazy_path(std::string_view top, std::size_t i = SIZE_MAX) : list(top), index(i) {}

    lazy_path at(std::size_t i) const {
        lazy_path inner = *this;
        inner.element = i;
        return inner;
    }
    lazy_path field(std::string_view name) const {
        lazy_path inner = *this;
        inner.key = name;
        return inner;
    }
    std::string str() const {
        std::string path(list);
        if (index != SIZE_MAX) path = json_path(path, index);
        if (!key.empty()) path = json_path(path, key);
        if (element != SIZE_MAX) path = json_path(path, element);
        return path;
    }
};

// Reads the problem's JSON with simdjson On-Demand into a detection_set; every error names the
// file and the JSON path. Used whole (read) or a piece at a time (setting, entries).
class fast_reader {
  public:
    // `file_size` bounds the entries to reserve room for.
    fast_reader(std::string file, std::size_t file_size) : file_(std::move(file)) {
        // An entry takes at least ~60 bytes of text: reserving that many slots costs address
        // space only (untouched pages), and spares the copies of a growing 50 MB vector.
        constexpr std::size_t min_entry_bytes = 60;
        const std::size_t most_entries = std::min(file_size / min_entry_bytes, max_entries);
        reserve_huge(builder_.result().set.ground_truth, most_entries);
        reserve_huge(builder_.result().set.detections, most_entries);
    }

    // The whole document; `capacity` >= text.size() + SIMDJSON_PADDING readable bytes.
    ap_input read(std::string_view text, std::size_t capacity) {
        od::parser parser;
        od::document document;
        check(parser.iterate(text.data(), text.size(), capacity).get(document), {});
        od::object top;
        check(document.get_object().get(top), {});
        bool has_ground_truth = false;
        bool has_detections = false;
        for (auto field : top) {
            std::string_view key;
            check(field.unescaped_key().get(key), {});
            const lazy_path path{key};
            od::value value;
            check(field.value().get(value), path);
            if (setting(key, value)) continue;
            const bool ground_truth = key == "ground_truth";
            if (!ground_truth && key != "detections") fail(path, "unknown field");
            (ground_truth ? has_ground_truth : has_detections) = true;
            od::array entries;
            if (value.get_array().get(entries) != simdjson::SUCCESS) {
                fail(path, fmt::format("expected an array, got {}", kind(value)));
            }
            read_entries(entries, key, 0, ground_truth);
        }
        if (!has_ground_truth) fail({}, "missing field \"ground_truth\"");
        if (!has_detections) fail({}, "missing field \"detections\"");
        return take();
    }

    // Applies the top-level field `key` when it is a setting (iou_threshold or a convention
    // flag); false for any other key.
    bool setting(std::string_view key, od::value& value) {
        const lazy_path path{key};
        ap_conventions& conventions = builder_.result().conventions;
        if (key == "iou_threshold") {
            const double threshold = number(value, path);
            if (threshold < 0 || threshold > 1) {
                fail(path, fmt::format("expected a number in [0, 1], got {}", threshold));
            }
            conventions.iou_threshold = threshold;
        } else if (key == "pixel_plus_one") {
            conventions.pixel_plus_one = flag(value, path);
        } else if (key == "strict_greater") {
            conventions.strict_greater = flag(value, path);
        } else if (key == "numpy_thresholds") {
            conventions.numpy_thresholds = flag(value, path);
        } else {
            return false;
        }
        return true;
    }

    ap_input take() { return std::move(builder_.result()); }

  private:
    [[noreturn]] void fail(const lazy_path& path, const std::string& message) const {
        const std::string where = path.str();
        throw case_file_error(where.empty() ? fmt::format("{}: {}", file_, message)
                                            : fmt::format("{}: {}: {}", file_, where, message));
    }

    void check(simdjson::error_code error, const lazy_path& path) const {
        if (error == simdjson::SUCCESS) return;
        if (error == simdjson::INCORRECT_TYPE || error == simdjson::NUMBER_ERROR) {
            fail(path, simdjson::error_message(error));
        }
        // Structural damage: the document is not JSON.
        fail({}, fmt::format("malformed JSON ({})", simdjson::error_message(error)));
    }

    // The value's type in words for "expected ..., got ..." messages.
    static std::string_view kind(od::value& value) {
        od::json_type type{};
        if (value.type().get(type) != simdjson::SUCCESS) return "malformed JSON";
        switch (type) {
            case od::json_type::array:
                return "an array";
            case od::json_type::object:
                return "an object";
            case od::json_type::number:
                return "a number";
            case od::json_type::string:
                return "a string";
            case od::json_type::boolean:
                return "a boolean";
            case od::json_type::null:
                return "null";
        }
        return "a value";
    }

    double number(od::value& value, const lazy_path& path) const {
        double result = 0;
        if (value.get_double().get(result) != simdjson::SUCCESS) {
            od::json_type type{};
            if (value.type().get(type) == simdjson::SUCCESS && type == od::json_type::number) {
                fail(path, "expected a finite number, got one out of range");
            }
            fail(path, fmt::format("expected a number, got {}", kind(value)));
        }
        if (!std::isfinite(result)) fail(path, "expected a finite number");
        return result;
    }

    bool flag(od::value& value, const lazy_path& path) const {
        bool result = false;
        if (value.get_bool().get(result) != simdjson::SUCCESS) {
            fail(path, fmt::format("expected true or false, got {}", kind(value)));
        }
        return result;
    }

    std::string_view name(od::value& value, const lazy_path& path) const {
        // Most names have no escapes: take them straight from the text (the token runs to the
        // next structural character), sparing simdjson's copy into its string buffer.
        const std::string_view token = value.raw_json_token();
        if (!token.empty() && token.front() == '"') {
            const std::size_t end = token.find_first_of("\\\"", 1);
            if (end != std::string_view::npos && token[end] == '"') return token.substr(1, end - 1);
        }
        std::string_view result;
        if (value.get_string().get(result) != simdjson::SUCCESS) {
            fail(path, fmt::format("expected a string, got {}", kind(value)));
        }
        return result;
    }

    box bbox(od::value& value, const lazy_path& path) const {
        od::array corners_json;
        if (value.get_array().get(corners_json) != simdjson::SUCCESS) {
            fail(path, fmt::format("expected [x1, y1, x2, y2], got {}", kind(value)));
        }
        std::array<double, 4> corners{};
        std::size_t count = 0;
        for (auto element : corners_json) {
            od::value corner;
            check(element.get(corner), path.at(count));
            if (count < 4) corners[count] = number(corner, path.at(count));
            ++count;
        }
        if (count != 4) {
            fail(path, fmt::format("expected [x1, y1, x2, y2], got {} numbers", count));
        }
        if (std::string problem = box_problem(corners); !problem.empty()) fail(path, problem);
        return to_box(corners);
    }

    // The key of an entry's field. The usual keys are compared in place in the text; only an
    // unusual one (escaped, or unknown) is unescaped, into simdjson's string buffer.
    std::string_view entry_key(od::field& field, const lazy_path& path) const {
        static constexpr std::array<std::string_view, 5> keys = {"image", "class", "bbox", "score",
                                                                 "difficult"};
        const od::raw_json_string raw = field.key();
        for (std::string_view key : keys) {
            if (raw.unsafe_is_equal(key)) return key;
        }
        std::string_view key;
        check(field.unescaped_key().get(key), path);
        return key;
    }

  public:
    // Appends the entries of `entries`, part of the top-level array `list` starting at its
    // element `first_index`; returns the index after the last.
    std::size_t read_entries(od::array& entries, std::string_view list, std::size_t first_index,
                             bool ground_truth) {
        ap_input& out = builder_.result();
        lazy_path path{list, first_index};
        for (auto element : entries) {
            od::object entry;
            if (element.get_object().get(entry) != simdjson::SUCCESS) {
                od::value raw;
                check(element.get(raw), path);
                fail(path, fmt::format("expected an object, got {}", kind(raw)));
            }
            if (path.index + 1 >= max_entries) fail({list}, "too many entries");
            std::uint32_t image = 0, class_id = 0;
            box corners;
            double score = 0;
            bool difficult = false;
            unsigned seen = 0;  // bits: image, class, bbox, score
            // The image is interned after the rest of the entry is read, its table slot
            // prefetched meanwhile.
            std::string_view image_name;
            std::uint64_t image_hash = 0;
            for (auto field_or_error : entry) {
                od::field field;
                check(std::move(field_or_error).get(field), path);
                const std::string_view key = entry_key(field, path);
                od::value& member = field.value();
                if (key == "image") {
                    if ((seen & 1) != 0) {  // a repeated key: its first name is interned too
                        image = builder_.image(image_name, image_hash);
                    }
                    image_name = name(member, path.field(key));
                    image_hash = builder_.image_hash(image_name);
                    seen |= 1;
                } else if (key == "class") {
                    class_id = builder_.class_id(name(member, path.field(key)));
                    seen |= 2;
                } else if (key == "bbox") {
                    corners = bbox(member, path.field(key));
                    seen |= 4;
                } else if (!ground_truth && key == "score") {
                    score = number(member, path.field(key));
                    seen |= 8;
                } else if (ground_truth && key == "difficult") {
                    od::json_type type{};
                    check(member.type().get(type), path.field(key));
                    if (type != od::json_type::null) difficult = flag(member, path.field(key));
                } else {
                    fail(path.field(key), "unknown field");
                }
            }
            const unsigned required = ground_truth ? 7u : 15u;
            if ((seen & required) != required) {
                const char* missing = (seen & 1) == 0   ? "image"
                                      : (seen & 2) == 0 ? "class"
                                      : (seen & 4) == 0 ? "bbox"
                                                        : "score";
                fail(path, fmt::format("missing field \"{}\"", missing));
            }
            image = builder_.image(image_name, image_hash);
            if (ground_truth) {
                out.set.ground_truth.push_back({image, class_id, corners, difficult});
            } else {
                out.set.detections.push_back({image, class_id, score, corners});
            }
            ++path.index;
        }
        return path.index;
    }

  private:
    std::string file_;
    set_builder builder_;
};

// Reads a file a block at a time. The top-level object's keys and punctuation are walked
// here; each run of whole entries in the block goes to simdjson as one small array document
// (its first and last separators overwritten with '[' and ']'; when the run takes in the
// array's own ']', simdjson's iteration stops there). simdjson's index (four bytes a
// token) and the text in memory then stay a few megabytes however big the file is: for a
// 150 MB file that spares 300 MB of freshly touched pages, a third of the time whole.
//
// The walk only accepts the plain layout and hands anything else back (read() returns false):
// escaped or unknown top-level keys, a setting that is not a plain scalar, malformed or
// truncated text, any error in an entry. The whole-document reader then reads the file and
// reports errors with their JSON path. A run of entries is cut after a '}' followed by ',' or
// ']'; a cut inside a string leaves the string open and simdjson refuses the run, so a wrong
// cut is never taken for data.
class block_reader {
  public:
    block_reader(int fd, fast_reader& reader, std::size_t block_size) : fd_(fd), reader_(reader) {
        buffer_.resize(1 + std::max<std::size_t>(block_size, 1) + simdjson::SIMDJSON_PADDING);
    }

    bool read() {
        try {
            return read_document();
        } catch (const case_file_error&) {
            return false;  // the whole-document reader will say what is wrong, and where
        }
    }

  private:
    char* data() { return buffer_.data(); }
    std::size_t room() const { return buffer_.size() - simdjson::SIMDJSON_PADDING; }

    // Keeps the unread bytes (from pos_) and appends what the file has next; false at its end.
    // The byte before pos_ stays in the buffer: a run of entries overwrites it with '['.
    bool fill() {
        if (eof_) return false;
        if (pos_ > 1) {
            std::memmove(data() + 1, data() + pos_, end_ - pos_);
            end_ -= pos_ - 1;
            pos_ = 1;
        }
        if (end_ == room()) buffer_.resize(buffer_.size() + room());  // an entry over a block
        const ::ssize_t got = ::read(fd_, data() + end_, room() - end_);
        if (got <= 0) {
            eof_ = true;
            return false;
        }
        end_ += static_cast<std::size_t>(got);
        return true;
    }

    static bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

    // Skips whitespace; false when the file ends first.
    bool skip_space() {
        for (;;) {
            while (pos_ < end_ && is_space(data()[pos_]))
                ++pos_;
            if (pos_ < end_ || !fill()) return pos_ < end_;
        }
    }

    // Skips whitespace and takes `c`; false when something else comes.
    bool expect(char c) {
        if (!skip_space() || data()[pos_] != c) return false;
        ++pos_;
        return true;
    }

    // Bytes from pos_ up to (not including) the first of `stops`, read in as needed; empty
    // when the file ends first.
    std::string_view until(std::string_view stops) {
        for (std::size_t i = pos_;;) {
            for (; i < end_; ++i) {
                if (stops.find(data()[i]) != std::string_view::npos) {
                    return {data() + pos_, i - pos_};
                }
            }
            const std::size_t offset = i - pos_;
            if (!fill()) return {};
            i = pos_ + offset;
        }
    }

    bool read_document() {
        if (!expect('{')) return false;
        bool has_ground_truth = false, has_detections = false;
        for (;;) {
            if (!expect('"')) return false;
            const std::string key(until("\"\\"));
            if (key.empty() || data()[pos_ + key.size()] != '"') return false;
            pos_ += key.size() + 1;
            if (!expect(':')) return false;
            if (key == "ground_truth" || key == "detections") {
                const bool ground_truth = key == "ground_truth";
                (ground_truth ? has_ground_truth : has_detections) = true;
                if (!expect('[') ||
                    !read_array(ground_truth ? "ground_truth" : "detections", ground_truth)) {
                    return false;
                }
            } else if (!read_setting(key)) {
                return false;
            }
            if (!skip_space()) return false;
            const char next = data()[pos_++];
            if (next == '}') break;
            if (next != ',') return false;
        }
        return !skip_space() && has_ground_truth && has_detections;  // nothing after the '}'
    }

    // A scalar setting, parsed by simdjson as the one element of "[<token>]".
    bool read_setting(const std::string& key) {
        if (!skip_space()) return false;
        const std::string_view token = until(",} \t\r\n");
        if (token.empty()) return false;
        std::string wrapped(1, '[');
        wrapped.append(token).push_back(']');
        const simdjson::padded_string text(wrapped);
        pos_ += token.size();
        od::document document;
        od::array array;
        if (parser_.iterate(text).get(document) != simdjson::SUCCESS ||
            document.get_array().get(array) != simdjson::SUCCESS) {
            return false;
        }
        std::size_t count = 0;
        for (auto element : array) {
            od::value value;
            if (count++ > 0 || element.get(value) != simdjson::SUCCESS ||
                !reader_.setting(key, value)) {
                return false;
            }
        }
        return count == 1;
    }

    // The entries of one array, its '[' just taken.
    bool read_array(std::string_view list, bool ground_truth) {
        if (!skip_space()) return false;
        if (data()[pos_] == ']') {
            ++pos_;
            return true;
        }
        std::size_t index = 0;
        for (;;) {
            const std::size_t close = last_entry_end();
            if (close == 0) {
                if (!fill()) return false;  // no complete entry before the file ends
                continue;
            }
            // The run: [pos_ - 1, close], its separators replaced by the brackets.
            const char separator = data()[close];
            data()[pos_ - 1] = '[';
            data()[close] = ']';
            od::document document;
            od::array array;
            const char* run = data() + pos_ - 1;
            if (parser_.iterate(run, close + 2 - pos_, buffer_.size() + 1 - pos_).get(document) !=
                    simdjson::SUCCESS ||
                document.get_array().get(array) != simdjson::SUCCESS) {
                return false;
            }
            index = reader_.read_entries(array, list, index, ground_truth);
            const char* rest = nullptr;
            if (document.current_location().get(rest) == simdjson::SUCCESS) {
                // The run held the array's own ']' and went on: the array ends there, and the
                // walk goes on from the token after it.
                data()[close] = separator;
                pos_ = static_cast<std::size_t>(rest - data());
                return true;
            }
            pos_ = close + 1;
            if (separator == ']') return true;
            if (!skip_space() || data()[pos_] == ']') return false;  // a trailing comma
        }
    }

    // The position of the ',' or ']' after the last '}' in the buffer that one follows
    // (whitespace between), or 0 when there is none.
    std::size_t last_entry_end() {
        std::size_t after = 0;  // the last ',' or ']' seen, scanning back
        for (std::size_t i = end_; i-- > pos_;) {
            const char c = data()[i];
            if (c == ',' || c == ']') {
                after = i;
            } else if (c == '}' && after != 0) {
                return after;
            } else if (!is_space(c)) {
                after = 0;
            }
        }
        return 0;
    }

    int fd_;
    fast_reader& reader_;
    od::parser parser_;
    std::vector<char> buffer_;  // [0] spare, unread bytes in [pos_, end_), then padding
    std::size_t pos_ = 1, end_ = 1;
    bool eof_ = false;
};

// ---- the text-folder reader ----

std::vector<std::filesystem::path> text_files_in(const std::filesystem::path& dir) {
    std::error_code error;
    if (!std::filesystem::is_directory(dir, error)) {
        throw case_file_error(fmt::format("{}: not a readable folder", dir.string()));
    }
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
        if (entry.is_regular_file() && entry.path().extension() == ".txt") {
            files.push_back(entry.path());
        }
    }
    if (error) throw case_file_error(fmt::format("{}: {}", dir.string(), error.message()));
    std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) {
        return natural_less(a.filename().string(), b.filename().string());
    });
    return files;
}

std::vector<std::string_view> split_words(std::string_view line) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && std::isspace(static_cast<unsigned char>(line[i])))
            ++i;
        std::size_t start = i;
        while (i < line.size() && !std::isspace(static_cast<unsigned char>(line[i])))
            ++i;
        if (i > start) words.push_back(line.substr(start, i - start));
    }
    return words;
}

// Reads every line of one text file; `handle(words, where)` gets the words of each non-blank
// line and a "<file>:<line>" prefix for its messages.
template <class Handle>
void for_each_line(const std::filesystem::path& file, Handle handle) {
    const std::string text = read_text_file(file.string());
    std::size_t line_number = 0;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        ++line_number;
        const std::vector<std::string_view> words =
            split_words(std::string_view(text).substr(start, end - start));
        if (!words.empty()) handle(words, fmt::format("{}:{}", file.string(), line_number));
        start = end + 1;
    }
}

double text_number(std::string_view word, const std::string& where, std::string_view what) {
    double value = 0;
    const char* first = word.data();
    if (!word.empty() && word.front() == '+') ++first;
    const auto [end, error] = std::from_chars(first, word.data() + word.size(), value);
    if (error != std::errc() || end != word.data() + word.size() || !std::isfinite(value)) {
        throw case_file_error(
            fmt::format("{}: {}: expected a finite number, got \"{}\"", where, what, word));
    }
    return value;
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
            throw case_file_error(fmt::format("{}: negative width or height", where));
        }
        corners[2] += corners[0];
        corners[3] += corners[1];
    }
    if (std::string problem = box_problem(corners); !problem.empty()) {
        throw case_file_error(fmt::format("{}: {}", where, problem));
    }
    return to_box(corners);
}

}  // namespace

namespace {

std::string_view layout_words(box_layout layout) {
    return layout == box_layout::xyxy ? "x1 y1 x2 y2" : "x y w h";
}

void read_text_detections(set_builder& builder, const std::filesystem::path& detections_dir,
                          box_layout layout) {
    detection_set& set = builder.result().set;
    for (const auto& file : text_files_in(detections_dir)) {
        const std::uint32_t image = builder.image(file.stem().string());
        for_each_line(file, [&](const std::vector<std::string_view>& words,
                                const std::string& where) {
            if (words.size() != 6) {
                throw case_file_error(fmt::format("{}: expected \"class score {}\", got {} words",
                                                  where, layout_words(layout), words.size()));
            }
            detection d;
            d.image = image;
            d.class_id = builder.class_id(words[0]);
            d.score = text_number(words[1], where, "score");
            d.bbox = text_box(std::span(words).subspan(2, 4), where, layout);
            set.detections.push_back(d);
        });
    }
}

}  // namespace

detection_set load_ap_text_folders(const std::filesystem::path& ground_truth_dir,
                                   const std::filesystem::path& detections_dir, box_layout layout) {
    set_builder builder;
    detection_set& set = builder.result().set;
    for (const auto& file : text_files_in(ground_truth_dir)) {
        const std::uint32_t image = builder.image(file.stem().string());
        for_each_line(
            file, [&](const std::vector<std::string_view>& words, const std::string& where) {
                if (words.size() != 5 && words.size() != 6) {
                    throw case_file_error(
                        fmt::format("{}: expected \"class {} [difficult]\", got {} words", where,
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
                        throw case_file_error(fmt::format(
                            "{}: expected \"difficult\", 1 or 0 after the box, got \"{}\"", where,
                            words[5]));
                    }
                }
                set.ground_truth.push_back(g);
            });
    }
    read_text_detections(builder, detections_dir, layout);
    return std::move(set);
}

detection_set load_ap_text_detections(const std::filesystem::path& detections_dir,
                                      box_layout layout) {
    set_builder builder;
    read_text_detections(builder, detections_dir, layout);
    return std::move(builder.result().set);
}

ap_input parse_ap_input(const json& input, const std::string& path) {
    require_object(input, path);
    reject_unknown_fields(input, path,
                          {"iou_threshold", "ground_truth", "detections", "pixel_plus_one",
                           "strict_greater", "numpy_thresholds"});
    set_builder builder;
    ap_conventions& conventions = builder.result().conventions;
    if (const json* threshold = optional_field(input, "iou_threshold")) {
        conventions.iou_threshold = read_double(*threshold, json_path(path, "iou_threshold"), 0, 1);
    }
    conventions.pixel_plus_one = read_flag(input, path, "pixel_plus_one");
    conventions.strict_greater = read_flag(input, path, "strict_greater");
    conventions.numpy_thresholds = read_flag(input, path, "numpy_thresholds");

    detection_set& set = builder.result().set;
    auto name_of = [](const json& entry, const std::string& item, std::string_view key) {
        return read_string(require_field(entry, item, key), json_path(item, key));
    };
    for_each_entry(input, path, "ground_truth", {"image", "class", "bbox", "difficult"},
                   [&](const json& entry, const std::string& item) {
                       set.ground_truth.push_back(
                           {builder.image(name_of(entry, item, "image")),
                            builder.class_id(name_of(entry, item, "class")),
                            read_box(require_field(entry, item, "bbox"), json_path(item, "bbox")),
                            read_flag(entry, item, "difficult")});
                   });
    for_each_entry(
        input, path, "detections", {"image", "class", "score", "bbox"},
        [&](const json& entry, const std::string& item) {
            set.detections.push_back(
                {builder.image(name_of(entry, item, "image")),
                 builder.class_id(name_of(entry, item, "class")),
                 read_double(require_field(entry, item, "score"), json_path(item, "score")),
                 read_box(require_field(entry, item, "bbox"), json_path(item, "bbox"))});
        });
    return std::move(builder.result());
}

std::optional<ap_input> read_ap_json_in_blocks(const std::filesystem::path& file,
                                               std::size_t block_size) {
    const std::string name = file.string();
    // A pipe could not be read again for an error message: it is read whole, and not even
    // opened here (a named pipe's writer may be gone by a second open).
    std::error_code error;
    if (!std::filesystem::is_regular_file(file, error)) return std::nullopt;
    struct descriptor {
        int fd;
        ~descriptor() {
            if (fd >= 0) ::close(fd);
        }
    } const file_descriptor{::open(name.c_str(), O_RDONLY | O_CLOEXEC)};
    struct stat status {};
    if (file_descriptor.fd < 0 || ::fstat(file_descriptor.fd, &status) != 0) return std::nullopt;
    fast_reader reader(name, static_cast<std::size_t>(status.st_size));
    if (!block_reader(file_descriptor.fd, reader, block_size).read()) return std::nullopt;
    return reader.take();
}

ap_input read_ap_json_whole(const std::filesystem::path& file) {
    const std::string name = file.string();
    simdjson::padded_string text;
    std::error_code error;
    if (!std::filesystem::is_regular_file(file, error) ||
        simdjson::padded_string::load(name).get(text) != simdjson::SUCCESS) {
        text = simdjson::padded_string(read_text_file(name));  // a pipe, or says what is wrong
    }
    return fast_reader(name, text.size())
        .read({text.data(), text.size()}, text.size() + simdjson::SIMDJSON_PADDING);
}

ap_input load_ap_json_file(const std::filesystem::path& file) {
    if (std::optional<ap_input> input = read_ap_json_in_blocks(file)) return std::move(*input);
    return read_ap_json_whole(file);  // not the plain layout, or not valid: it says why
}

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

json solve_average_precision(const json& input, const run_options&) {
    const ap_input parsed = parse_ap_input(input);
    return ap_result_json(parsed.set, evaluate_average_precision(parsed.set, parsed.conventions));
}

check_result check_average_precision(const check_args& args) {
    tolerance tol;
    try {
        tol = read_tolerance(args.tolerance);
        validate_expected(args.expected);
    } catch (const input_error& e) {
        return check_result::bad(e.describe());
    }
    if (!args.actual.is_object()) return check_result::wrong("the actual result is not an object");
    std::string problem = first_difference(args.expected, args.actual, tol);
    if (!problem.empty()) return check_result::wrong(problem);
    return check_result::accept();
}

std::string generate_ap_json(const ap_generator_options& options) {
    std::mt19937_64 random(options.seed);
    auto uniform = [&](double low, double high) {
        return std::uniform_real_distribution<double>(low, high)(random);
    };
    auto pick = [&](std::size_t count) {
        return std::uniform_int_distribution<std::size_t>(0, count - 1)(random);
    };
    const std::size_t images = std::max<std::size_t>(1, options.images);
    const std::size_t classes = std::max<std::size_t>(1, options.classes);
    struct gt {
        std::size_t image, class_id;
        std::array<double, 4> corners;
    };
    std::vector<gt> truth;
    truth.reserve(options.ground_truth);
    std::string out;
    out.reserve((options.ground_truth + options.detections) * 110 + 64);
    auto append_box = [&](const std::array<double, 4>& c) {
        fmt::format_to(std::back_inserter(out), "[{:.1f},{:.1f},{:.1f},{:.1f}]", c[0], c[1], c[2],
                       c[3]);
    };
    out += "{\"iou_threshold\":0.5,\n\"ground_truth\":[\n";
    for (std::size_t i = 0; i < options.ground_truth; ++i) {
        gt g{pick(images), pick(classes), {}};
        const double w = uniform(8, 300), h = uniform(8, 300);
        const double x = std::round(uniform(0, 1000 - w)), y = std::round(uniform(0, 800 - h));
        g.corners = {x, y, std::round(x + w), std::round(y + h)};
        truth.push_back(g);
        fmt::format_to(std::back_inserter(out),
                       "{}{{\"image\":\"img{:06}\",\"class\":\"class{:02}\",\"bbox\":",
                       i == 0 ? "" : ",\n", g.image, g.class_id);
        append_box(g.corners);
        fmt::format_to(std::back_inserter(out), ",\"difficult\":{}}}",
                       uniform(0, 1) < 0.08 ? "true" : "false");
    }
    out += "],\n\"detections\":[\n";
    for (std::size_t i = 0; i < options.detections; ++i) {
        std::size_t image = 0, class_id = 0;
        std::array<double, 4> corners{};
        double score = 0;
        if (!truth.empty() && uniform(0, 1) < 0.6) {  // near a true box, maybe a duplicate
            const gt& g = truth[pick(truth.size())];
            image = g.image;
            class_id = uniform(0, 1) < 0.9 ? g.class_id : pick(classes);
            const double w = g.corners[2] - g.corners[0], h = g.corners[3] - g.corners[1];
            const double jitter = uniform(0.02, 0.35);
            corners = {g.corners[0] + uniform(-jitter, jitter) * w,
                       g.corners[1] + uniform(-jitter, jitter) * h, 0, 0};
            corners[2] = corners[0] + w * uniform(1 - jitter, 1 + jitter);
            corners[3] = corners[1] + h * uniform(1 - jitter, 1 + jitter);
            score = std::min(1.0, uniform(0.2, 1.0) * (1.2 - jitter));
        } else {  // clutter
            image = pick(images);
            class_id = pick(classes);
            const double w = uniform(8, 300), h = uniform(8, 300);
            corners[0] = uniform(0, 1000 - w);
            corners[1] = uniform(0, 800 - h);
            corners[2] = corners[0] + w;
            corners[3] = corners[1] + h;
            score = uniform(0, 0.7);
        }
        fmt::format_to(std::back_inserter(out),
                       "{}{{\"image\":\"img{:06}\",\"class\":\"class{:02}\",\"score\":{:.4f},"
                       "\"bbox\":",
                       i == 0 ? "" : ",\n", image, class_id, score);
        append_box(corners);
        out += '}';
    }
    out += "]}\n";
    return out;
}

}  // namespace algojudge
