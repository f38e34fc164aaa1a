// Description: byte counts, read from the command line ("512M") and written in words for
// memory-limit messages ("512 B", "81.2 KiB", "3.8 GiB").
// Status: tested in tests/support/byte_size_test.cpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace algojudge {

std::string format_byte_size(std::uint64_t bytes);

// "1G", "512M", "64K", "1000": a byte count (powers of 1024); nullopt when malformed.
std::optional<std::uint64_t> parse_byte_size(std::string_view text);

}  // namespace algojudge
