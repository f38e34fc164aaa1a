// Description: byte counts in words for memory-limit messages, shared by every problem and the
// CLI: "512 B", "81.2 KiB", "3.8 GiB".
// Status: tested in tests/byte_size_test.cpp.
#pragma once

#include <cstdint>
#include <string>

namespace algojudge {

std::string format_byte_size(std::uint64_t bytes);

}  // namespace algojudge
