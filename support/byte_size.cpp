#include "support/byte_size.hpp"

#include <iterator>

#include <fmt/format.h>

namespace algojudge {

std::string format_byte_size(std::uint64_t bytes) {
    constexpr const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    double value = static_cast<double>(bytes);
    std::size_t unit = 0;
    while (value >= 1024 && unit + 1 < std::size(units)) {
        value /= 1024;
        ++unit;
    }
    if (unit == 0) return fmt::format("{} B", bytes);
    return fmt::format("{:.1f} {}", value, units[unit]);
}

std::optional<std::uint64_t> parse_byte_size(std::string_view text) {
    if (text.empty()) return std::nullopt;
    std::uint64_t multiplier = 1;
    char suffix = text.back();
    if (suffix == 'B' || suffix == 'b') {
        text.remove_suffix(1);
        if (text.empty()) return std::nullopt;
        suffix = text.back();
    }
    switch (suffix) {
        case 'K':
        case 'k':
            multiplier = std::uint64_t{1} << 10;
            break;
        case 'M':
        case 'm':
            multiplier = std::uint64_t{1} << 20;
            break;
        case 'G':
        case 'g':
            multiplier = std::uint64_t{1} << 30;
            break;
        case 'T':
        case 't':
            multiplier = std::uint64_t{1} << 40;
            break;
        default:
            break;
    }
    if (multiplier != 1) text.remove_suffix(1);
    if (text.empty() || text.size() > 19) return std::nullopt;
    std::uint64_t number = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        number = number * 10 + static_cast<std::uint64_t>(c - '0');
    }
    if (number > UINT64_MAX / multiplier) return std::nullopt;
    return number * multiplier;
}

}  // namespace algojudge
