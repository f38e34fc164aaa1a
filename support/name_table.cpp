#include "support/name_table.hpp"

#include <algorithm>
#include <bit>

#include "support/errors.hpp"
#include "support/huge_pages.hpp"

namespace algojudge {

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

void name_table::fill(slot& s, std::uint64_t hash, std::uint32_t id, std::string_view name) {
    s.hash = hash;
    s.id = id;
    s.size = static_cast<std::uint32_t>(name.size());  // names are far below 4 GB
    if (name.size() <= inline_size) std::memcpy(s.text, name.data(), name.size());
}

std::uint32_t name_table::insert(slot& s, std::uint64_t hash, std::vector<std::string>& names,
                                 std::string_view name) {
    if (names.size() >= empty) {
        throw input_error("", "too many distinct image or class names (limit 2^32 - 1)");
    }
    fill(s, hash, static_cast<std::uint32_t>(names.size()), name);
    names.emplace_back(name);
    return s.id;
}

void name_table::rebuild(const std::vector<std::string>& names, std::size_t count) {
    // A power of two (probing masks with size - 1), doubling as the table fills.
    const std::size_t size =
        std::max<std::size_t>({64, slots_.size() * 2, std::bit_ceil(2 * count)});
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

}  // namespace algojudge
