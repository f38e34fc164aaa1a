// Description: reading files and listing folders, the same way everywhere: whole files (or
// standard input) and writing them, folders in natural order ("img2" before "img10"). Every failure
// is an input_error naming the file: "cases.json: cannot open file". Status: tested in
// tests/support/files_test.cpp.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace algojudge {

// The most bytes an input file may hold when the command sets no --memory-limit (1 GiB).
inline constexpr std::uint64_t default_input_limit = std::uint64_t{1} << 30;

// A whole file or, for "-", standard input, read with POSIX read(). input_error naming the
// file when it holds more than `max_bytes` (a regular file is refused before it is read; a
// device or pipe once that much has come), when it is a folder, and when reading fails:
// "cannot read /proc/self/mem: Input/output error". With `stop_at_nul`, reading stops after
// the block holding a NUL byte, which no text format allows (the caller refuses it, with its
// place): /dev/zero or /dev/urandom are not read to the limit.
std::string read_text_file(const std::string& file, std::uint64_t max_bytes = default_input_limit,
                           bool stop_at_nul = false);

// Writes `text` to `file`, replacing it; output_error "FILE: cannot open for writing" or
// "FILE: write error".
void write_text_file(const std::filesystem::path& file, std::string_view text);

// input_error "FILE: larger than the input limit of 1 GiB (--memory-limit)" when `file` is a
// regular file of more than `max_bytes`; for readers that do not read through read_text_file
// (the AP JSON block reader), to refuse before reading.
void refuse_larger_than(const std::string& file, std::uint64_t max_bytes = default_input_limit);

// read_text_file's text (same limits, same errors) followed by `text_padding` zero bytes that
// may be read but are not part of it, as simdjson's parsers need. Both read a regular file into
// one buffer of its size, never grown or copied: memory is the file's size once.
inline constexpr std::size_t text_padding = 64;
struct padded_text {
    std::string buffer;  // the text, then the padding
    std::string_view text() const { return {buffer.data(), buffer.size() - text_padding}; }
};
padded_text read_padded_text_file(const std::string& file,
                                  std::uint64_t max_bytes = default_input_limit,
                                  bool stop_at_nul = false);

// A regular file of at most `max_bytes` mapped read-only into memory, for readers that scan it
// once (max-gap's bare input, verify's case files): no copy, and its pages are the page cache's.
// `padding` zero bytes after text() may be read (as padded_text's), nothing beyond. `open` gives
// nullopt for anything else (a pipe, a folder, an empty or too large file, a failed map), where
// the caller reads through read_text_file, which says why. A file cut short while mapped would
// fault on its lost pages: for inputs nobody writes during the run.
class mapped_file {
  public:
    static std::optional<mapped_file> open(const std::string& file, std::uint64_t max_bytes,
                                           std::size_t padding = 0);
    mapped_file(mapped_file&& other) noexcept;
    mapped_file& operator=(mapped_file&&) = delete;
    mapped_file(const mapped_file&) = delete;
    mapped_file& operator=(const mapped_file&) = delete;
    ~mapped_file();
    std::string_view text() const { return {data_, size_}; }

  private:
    mapped_file(const char* data, std::size_t size, std::size_t mapped)
        : data_(data), size_(size), mapped_(mapped) {}
    const char* data_;
    std::size_t size_;
    std::size_t mapped_;  // size_ and the padding
};

// Natural-order comparison: digit runs compare as numbers.
bool natural_less(std::string_view a, std::string_view b);

// Sorts paths by natural order of their file names (`by_name`) or of their whole paths.
void sort_naturally(std::vector<std::filesystem::path>& paths, bool by_name = true);

// The regular files directly in `dir` whose extension is `extension` (".txt", any letter
// case), in natural order of their names; input_error when `dir` is not a readable folder.
std::vector<std::filesystem::path> files_in(const std::filesystem::path& dir,
                                            std::string_view extension);

}  // namespace algojudge
