// Description: the one name interner: dense 32-bit ids for names (image ids, class names), by
// open addressing on a fast 8-bytes-at-a-time hash. A slot keeps a copy of a short name next
// to its hash and id, so a lookup in a table far bigger than the cache reads one cache line.
// Time: O(1) expected per lookup. Memory: 32 bytes a slot, at most half the slots in use.
// Status: tested in tests/support/name_table_test.cpp.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace algojudge {

std::uint64_t name_hash(std::string_view name);

// The ids index a std::vector<std::string> the caller owns and passes to every call, so a
// detection_set's `images` or `classes` are the names themselves.
// Example: name_table t; t.intern(names, "dog") == 0; t.intern(names, "cat") == 1.
class name_table {
  public:
    name_table() = default;
    // A table already holding `names` (ids 0..n-1), for adding to a set read before.
    explicit name_table(const std::vector<std::string>& names) { rebuild(names, names.size()); }

    std::uint32_t intern(std::vector<std::string>& names, std::string_view name) {
        return intern(names, name, name_hash(name));
    }
    // Starts loading the slot where `hash` begins its probe; interning the name a little later
    // then finds it in the cache.
    void prefetch(std::uint64_t hash) const {
        if (!slots_.empty()) __builtin_prefetch(&slots_[hash & (slots_.size() - 1)]);
    }
    // `hash` is name_hash(name). Throws input_error past 2^32 - 1 names.
    std::uint32_t intern(std::vector<std::string>& names, std::string_view name,
                         std::uint64_t hash) {
        if (2 * (names.size() + 1) > slots_.size()) rebuild(names, names.size() + 1);
        for (std::size_t i = hash & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
            slot& s = slots_[i];
            if (s.id == empty) return insert(s, hash, names, name);
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
    static void fill(slot& s, std::uint64_t hash, std::uint32_t id, std::string_view name);
    std::uint32_t insert(slot& s, std::uint64_t hash, std::vector<std::string>& names,
                         std::string_view name);
    // Slots for at least `count` names at half load, every name of `names` re-placed.
    void rebuild(const std::vector<std::string>& names, std::size_t count);

    std::vector<slot> slots_;
};

}  // namespace algojudge
