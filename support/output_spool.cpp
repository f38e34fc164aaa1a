#include "support/output_spool.hpp"

#include <cerrno>
#include <cstring>
#include <vector>

#include <fmt/format.h>

#include "support/errors.hpp"

namespace algojudge {

namespace {

[[noreturn]] void throw_spool_error(std::string_view doing, int code) {
    throw output_error(fmt::format("cannot {} the temporary file holding the results: {}", doing,
                                   std::strerror(code)));
}

}  // namespace

output_spool::output_spool(std::size_t memory_bytes) : memory_limit_(memory_bytes) {}

output_spool::~output_spool() {
    if (file_ != nullptr) std::fclose(file_);
}

void output_spool::add(std::string_view text) {
    if (file_ == nullptr && memory_.size() + text.size() <= memory_limit_) {
        memory_ += text;
        return;
    }
    if (file_ == nullptr) {
        errno = 0;
        file_ = std::tmpfile();
        if (file_ == nullptr) throw_spool_error("create", errno);
        write_to_file(memory_);
        std::string().swap(memory_);  // give the memory back
    }
    write_to_file(text);
}

void output_spool::write_to_file(std::string_view text) {
    if (text.empty()) return;
    errno = 0;
    if (std::fwrite(text.data(), 1, text.size(), file_) != text.size()) {
        throw_spool_error("write", errno);
    }
}

void output_spool::copy_to(std::FILE* out) {
    if (file_ == nullptr) {
        std::fwrite(memory_.data(), 1, memory_.size(), out);
        return;
    }
    errno = 0;
    if (std::fflush(file_) != 0) throw_spool_error("write", errno);
    std::rewind(file_);
    std::vector<char> block(std::size_t{1} << 16);
    for (;;) {
        const std::size_t got = std::fread(block.data(), 1, block.size(), file_);
        if (got > 0) std::fwrite(block.data(), 1, got, out);
        if (got < block.size()) break;
    }
    if (std::ferror(file_)) throw_spool_error("read", errno);
}

}  // namespace algojudge
