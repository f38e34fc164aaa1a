// Description: results held back until a command knows it succeeded, in bounded memory. Text is
// kept in memory up to a threshold; past it, everything goes to an unlinked temporary file
// (tmpfile()) instead, and copy_to() writes it all out at the end. So `run` prints nothing when a
// later case fails, yet 100 outputs of 50 MB cost one output's memory, not 5 GB.
// Memory: at most `memory_bytes` held, besides the text being added.
// Status: tested in tests/support/output_spool_test.cpp and by cli.run.spilled-outputs.
#pragma once

#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>

namespace algojudge {

class output_spool {
  public:
    static constexpr std::size_t default_memory_bytes = std::size_t{1} << 20;

    explicit output_spool(std::size_t memory_bytes = default_memory_bytes);
    ~output_spool();
    output_spool(const output_spool&) = delete;
    output_spool& operator=(const output_spool&) = delete;

    // Keeps `text`; output_error when the temporary file cannot be made or written (a full disk).
    void add(std::string_view text);
    // Writes everything kept, in order, to `out`; output_error when the temporary file cannot be
    // read back. Errors writing `out` are left to its own error flag (ferror).
    void copy_to(std::FILE* out);

    std::size_t memory_bytes_held() const { return memory_.size(); }
    bool spilled() const { return file_ != nullptr; }

  private:
    void write_to_file(std::string_view text);

    std::size_t memory_limit_;
    std::string memory_;
    std::FILE* file_ = nullptr;
};

}  // namespace algojudge
