#include "support/files.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>

#include <fmt/format.h>

#include "support/errors.hpp"

namespace algojudge {

namespace fs = std::filesystem;

namespace {

std::string size_words(std::uint64_t bytes) {
    if (bytes % (std::uint64_t{1} << 30) == 0) return fmt::format("{} GiB", bytes >> 30);
    if (bytes % (std::uint64_t{1} << 20) == 0) return fmt::format("{} MiB", bytes >> 20);
    if (bytes % (std::uint64_t{1} << 10) == 0) return fmt::format("{} KiB", bytes >> 10);
    return fmt::format("{} bytes", bytes);
}

const std::string standard_input = "standard input";

[[noreturn]] void throw_too_big(const std::string& file, std::uint64_t max_bytes) {
    throw input_error::at(file, fmt::format("larger than the input limit of {} (--memory-limit)",
                                            size_words(max_bytes)));
}

}  // namespace

namespace {

// read_text_file's work, with `padding` bytes of room kept after the text so that a caller can
// add them without the buffer moving. A regular file is read into a buffer of its own size (plus
// the padding and the byte that tells its end): no growth, no copy, memory is the file once.
std::string read_file_text(const std::string& file, std::uint64_t max_bytes, bool stop_at_nul,
                           std::size_t padding) {
    const bool from_stdin = file == "-";
    const std::string& shown = from_stdin ? standard_input : file;
    int fd = STDIN_FILENO;
    if (!from_stdin) {
        std::error_code ec;
        if (fs::is_directory(file, ec)) {
            throw input_error::at(file, "is a directory, expected a file");
        }
        fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) throw input_error::at(file, "cannot open file");
    }
    struct closer {
        int fd;
        bool owned;
        ~closer() {
            if (owned) ::close(fd);
        }
    } const guard{fd, !from_stdin};
    struct stat status {};
    std::string text;
    if (::fstat(fd, &status) == 0 && S_ISREG(status.st_mode)) {
        if (static_cast<std::uint64_t>(status.st_size) > max_bytes) throw_too_big(shown, max_bytes);
        text.reserve(static_cast<std::size_t>(status.st_size) + 1 + padding);
    }
    constexpr std::size_t block = std::size_t{1} << 16;
    for (;;) {
        const std::size_t used = text.size();
        // One byte past the limit is asked for, to tell "exactly the limit" from "more".
        const std::uint64_t room = max_bytes - used;
        std::size_t want = room >= block ? block : static_cast<std::size_t>(room) + 1;
        // Within the reserved buffer while it has room: the last read of a regular file asks
        // for the byte after its end, and the padding stays free.
        const std::size_t spare = text.capacity() - used;
        if (spare > padding) want = std::min(want, spare - padding);
        text.resize(used + want);
        const ::ssize_t got = ::read(fd, text.data() + used, want);
        if (got < 0 && errno == EINTR) {
            text.resize(used);
            continue;
        }
        if (got < 0) {
            const int code = errno;
            throw input_error("", fmt::format("cannot read {}: {}", shown, std::strerror(code)));
        }
        text.resize(used + static_cast<std::size_t>(got));
        if (got == 0) break;
        if (text.size() > max_bytes) throw_too_big(shown, max_bytes);
        if (stop_at_nul && std::memchr(text.data() + used, '\0', text.size() - used) != nullptr) {
            break;
        }
    }
    return text;
}

}  // namespace

std::string read_text_file(const std::string& file, std::uint64_t max_bytes, bool stop_at_nul) {
    return read_file_text(file, max_bytes, stop_at_nul, 0);
}

padded_text read_padded_text_file(const std::string& file, std::uint64_t max_bytes,
                                  bool stop_at_nul) {
    padded_text result;
    result.buffer = read_file_text(file, max_bytes, stop_at_nul, text_padding);
    result.buffer.append(text_padding, '\0');
    return result;
}

std::optional<mapped_file> mapped_file::open(const std::string& file, std::uint64_t max_bytes,
                                             std::size_t padding) {
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    struct stat status {};
    const bool fits = ::fstat(fd, &status) == 0 && S_ISREG(status.st_mode) && status.st_size > 0 &&
                      static_cast<std::uint64_t>(status.st_size) <= max_bytes;
    const auto size = fits ? static_cast<std::size_t>(status.st_size) : 0;
    // Zero pages for the whole span first, then the file over its start: the padding is the
    // zeros after the file's last byte, in its last page or in the zero pages after it.
    void* data =
        fits ? ::mmap(nullptr, size + padding, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
             : MAP_FAILED;
    if (data != MAP_FAILED &&
        ::mmap(data, size, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd, 0) == MAP_FAILED) {
        ::munmap(data, size + padding);
        data = MAP_FAILED;
    }
    ::close(fd);  // the mapping keeps the file
    if (data == MAP_FAILED) return std::nullopt;
    ::madvise(data, size, MADV_SEQUENTIAL);
    return mapped_file(static_cast<const char*>(data), size, size + padding);
}

mapped_file::mapped_file(mapped_file&& other) noexcept
    : data_(other.data_), size_(other.size_), mapped_(other.mapped_) {
    other.data_ = nullptr;
    other.size_ = 0;
    other.mapped_ = 0;
}

mapped_file::~mapped_file() {
    if (data_ != nullptr) ::munmap(const_cast<char*>(data_), mapped_);
}

void refuse_larger_than(const std::string& file, std::uint64_t max_bytes) {
    struct stat status {};
    if (::stat(file.c_str(), &status) == 0 && S_ISREG(status.st_mode) &&
        static_cast<std::uint64_t>(status.st_size) > max_bytes) {
        throw_too_big(file, max_bytes);
    }
}

bool natural_less(std::string_view a, std::string_view b) {
    std::size_t i = 0;
    std::size_t j = 0;
    auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
    while (i < a.size() && j < b.size()) {
        if (is_digit(a[i]) && is_digit(b[j])) {
            std::size_t i_end = i;
            std::size_t j_end = j;
            while (i_end < a.size() && is_digit(a[i_end]))
                ++i_end;
            while (j_end < b.size() && is_digit(b[j_end]))
                ++j_end;
            std::string_view x = a.substr(i, i_end - i);
            std::string_view y = b.substr(j, j_end - j);
            x.remove_prefix(std::min(x.find_first_not_of('0'), x.size()));
            y.remove_prefix(std::min(y.find_first_not_of('0'), y.size()));
            if (x.size() != y.size()) return x.size() < y.size();
            if (x != y) return x < y;
            i = i_end;
            j = j_end;
        } else {
            if (a[i] != b[j]) return a[i] < b[j];
            ++i;
            ++j;
        }
    }
    return a.size() - i < b.size() - j;
}

void sort_naturally(std::vector<fs::path>& paths, bool by_name) {
    std::sort(paths.begin(), paths.end(), [by_name](const fs::path& a, const fs::path& b) {
        return by_name ? natural_less(a.filename().string(), b.filename().string())
                       : natural_less(a.generic_string(), b.generic_string());
    });
}

std::vector<fs::path> files_in(const fs::path& dir, std::string_view extension) {
    std::error_code ec;
    if (!fs::exists(dir, ec)) throw input_error::at(dir.string(), "no such directory");
    if (!fs::is_directory(dir, ec)) throw input_error::at(dir.string(), "is not a directory");
    std::vector<fs::path> found;
    for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator();
         it.increment(ec)) {
        std::string ext = it->path().extension().string();
        std::transform(ext.begin(), ext.end(), ext.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (ext == extension && it->is_regular_file(ec)) found.push_back(it->path());
    }
    if (ec) throw input_error::at(dir.string(), ec.message());
    sort_naturally(found);
    return found;
}

void write_text_file(const fs::path& file, std::string_view text) {
    std::ofstream stream(file, std::ios::binary | std::ios::trunc);
    if (!stream) throw output_error(file.string() + ": cannot open for writing");
    stream.write(text.data(), static_cast<std::streamsize>(text.size()));
    stream.close();
    if (!stream) throw output_error(file.string() + ": write error");
}

}  // namespace algojudge
