// Shared by the fuzz targets: the readers take files and folders, so each input is written to
// a scratch folder of this process first. Only algojudge::error is an expected outcome; any
// other exception, a crash or a sanitizer report is a finding.
#pragma once

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace algojudge::fuzz {

// A folder unique to this process, made once.
inline const std::filesystem::path& scratch() {
    static const std::filesystem::path dir = [] {
        auto path = std::filesystem::temp_directory_path() /
                    ("algojudge-fuzz-" + std::to_string(::getpid()));
        std::filesystem::create_directories(path);
        return path;
    }();
    return dir;
}

inline std::filesystem::path write_input(const std::filesystem::path& file, std::string_view data) {
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary | std::ios::trunc)
        .write(data.data(), static_cast<std::streamsize>(data.size()));
    return file;
}

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

}  // namespace algojudge::fuzz
