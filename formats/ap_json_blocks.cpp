// The block reader of the AP JSON form: read_ap_json_in_blocks (formats/ap_json.hpp).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include <simdjson.h>

#include "formats/ap_json.hpp"
#include "formats/internal_ap_json_reader.hpp"

namespace algojudge {

namespace {

namespace od = simdjson::ondemand;

// Reads a file a block at a time. The top-level object's keys and punctuation are walked
// here; each run of whole entries in the block goes to simdjson as one small array document
// (its first and last separators overwritten with '[' and ']'; when the run takes in the
// array's own ']', simdjson's iteration stops there). simdjson's index (four bytes a
// token) and the text in memory then stay a few megabytes however big the file is: for a
// 150 MB file that spares 300 MB of freshly touched pages, a third of the time whole.
//
// The walk only accepts the plain layout and hands anything else back (read() returns false):
// escaped or unknown top-level keys, a setting that is not a plain scalar, malformed or
// truncated text, any error in an entry. The whole-document reader then reads the file and
// reports errors with their JSON path. A run of entries is cut after a '}' followed by ',' or
// ']'; a cut inside a string leaves the string open and simdjson refuses the run, so a wrong
// cut is never taken for data.
class block_reader {
  public:
    block_reader(int fd, detail::fast_reader& reader, std::size_t block_size)
        : fd_(fd), reader_(reader) {
        buffer_.resize(1 + std::max<std::size_t>(block_size, 1) + simdjson::SIMDJSON_PADDING);
    }

    bool read() {
        try {
            return read_document();
        } catch (const input_error&) {
            return false;  // the whole-document reader will say what is wrong, and where
        }
    }

  private:
    char* data() { return buffer_.data(); }
    std::size_t room() const { return buffer_.size() - simdjson::SIMDJSON_PADDING; }

    // Keeps the unread bytes (from pos_) and appends what the file has next; false at its end.
    // The byte before pos_ stays in the buffer: a run of entries overwrites it with '['.
    bool fill() {
        if (eof_) return false;
        if (pos_ > 1) {
            std::memmove(data() + 1, data() + pos_, end_ - pos_);
            end_ -= pos_ - 1;
            pos_ = 1;
        }
        if (end_ == room()) buffer_.resize(buffer_.size() + room());  // an entry over a block
        const ::ssize_t got = ::read(fd_, data() + end_, room() - end_);
        if (got <= 0) {
            eof_ = true;
            return false;
        }
        // A NUL would pass inside a name taken straight from the text: the whole reader
        // refuses it, with its place.
        if (std::memchr(data() + end_, '\0', static_cast<std::size_t>(got)) != nullptr) {
            throw input_error("", "a NUL byte");
        }
        end_ += static_cast<std::size_t>(got);
        return true;
    }

    static bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

    // Skips whitespace; false when the file ends first.
    bool skip_space() {
        for (;;) {
            while (pos_ < end_ && is_space(data()[pos_]))
                ++pos_;
            if (pos_ < end_ || !fill()) return pos_ < end_;
        }
    }

    // Skips whitespace and takes `c`; false when something else comes.
    bool expect(char c) {
        if (!skip_space() || data()[pos_] != c) return false;
        ++pos_;
        return true;
    }

    // Bytes from pos_ up to (not including) the first of `stops`, read in as needed; empty
    // when the file ends first.
    std::string_view until(std::string_view stops) {
        for (std::size_t i = pos_;;) {
            for (; i < end_; ++i) {
                if (stops.find(data()[i]) != std::string_view::npos) {
                    return {data() + pos_, i - pos_};
                }
            }
            const std::size_t offset = i - pos_;
            if (!fill()) return {};
            i = pos_ + offset;
        }
    }

    bool read_document() {
        if (!expect('{')) return false;
        bool has_ground_truth = false, has_detections = false;
        std::vector<std::string> keys_seen;  // a repeated key: the whole reader says so
        for (;;) {
            if (!expect('"')) return false;
            const std::string key(until("\"\\"));
            if (key.empty() || data()[pos_ + key.size()] != '"') return false;
            if (std::find(keys_seen.begin(), keys_seen.end(), key) != keys_seen.end()) return false;
            keys_seen.push_back(key);
            pos_ += key.size() + 1;
            if (!expect(':')) return false;
            if (key == "ground_truth" || key == "detections") {
                const bool ground_truth = key == "ground_truth";
                (ground_truth ? has_ground_truth : has_detections) = true;
                if (!expect('[') ||
                    !read_array(ground_truth ? "ground_truth" : "detections", ground_truth)) {
                    return false;
                }
            } else if (!read_setting(key)) {
                return false;
            }
            if (!skip_space()) return false;
            const char next = data()[pos_++];
            if (next == '}') break;
            if (next != ',') return false;
        }
        return !skip_space() && has_ground_truth && has_detections;  // nothing after the '}'
    }

    // A scalar setting, parsed by simdjson as the one element of "[<token>]".
    bool read_setting(const std::string& key) {
        if (!skip_space()) return false;
        const std::string_view token = until(",} \t\r\n");
        if (token.empty()) return false;
        std::string wrapped(1, '[');
        wrapped.append(token).push_back(']');
        const simdjson::padded_string text(wrapped);
        pos_ += token.size();
        od::document document;
        od::array array;
        if (parser_.iterate(text).get(document) != simdjson::SUCCESS ||
            document.get_array().get(array) != simdjson::SUCCESS) {
            return false;
        }
        std::size_t count = 0;
        for (auto element : array) {
            od::value value;
            if (count++ > 0 || element.get(value) != simdjson::SUCCESS ||
                !reader_.setting(key, value)) {
                return false;
            }
        }
        return count == 1;
    }

    // The entries of one array, its '[' just taken.
    bool read_array(std::string_view list, bool ground_truth) {
        if (!skip_space()) return false;
        if (data()[pos_] == ']') {
            ++pos_;
            return true;
        }
        std::size_t index = 0;
        for (;;) {
            const std::size_t close = last_entry_end();
            if (close == 0) {
                if (!fill()) return false;  // no complete entry before the file ends
                continue;
            }
            // The run: [pos_ - 1, close], its separators replaced by the brackets.
            const char separator = data()[close];
            data()[pos_ - 1] = '[';
            data()[close] = ']';
            od::document document;
            od::array array;
            const char* run = data() + pos_ - 1;
            if (parser_.iterate(run, close + 2 - pos_, buffer_.size() + 1 - pos_).get(document) !=
                    simdjson::SUCCESS ||
                document.get_array().get(array) != simdjson::SUCCESS) {
                return false;
            }
            index = reader_.read_entries(array, list, index, ground_truth);
            const char* rest = nullptr;
            if (document.current_location().get(rest) == simdjson::SUCCESS) {
                // The run held the array's own ']' and went on: the array ends there, and the
                // walk goes on from the token after it.
                data()[close] = separator;
                pos_ = static_cast<std::size_t>(rest - data());
                return true;
            }
            pos_ = close + 1;
            if (separator == ']') return true;
            if (!skip_space() || data()[pos_] == ']') return false;  // a trailing comma
        }
    }

    // The position of the ',' or ']' after the last '}' in the buffer that one follows
    // (whitespace between), or 0 when there is none.
    std::size_t last_entry_end() {
        std::size_t after = 0;  // the last ',' or ']' seen, scanning back
        for (std::size_t i = end_; i-- > pos_;) {
            const char c = data()[i];
            if (c == ',' || c == ']') {
                after = i;
            } else if (c == '}' && after != 0) {
                return after;
            } else if (!is_space(c)) {
                after = 0;
            }
        }
        return 0;
    }

    int fd_;
    detail::fast_reader& reader_;
    od::parser parser_;
    std::vector<char> buffer_;  // [0] spare, unread bytes in [pos_, end_), then padding
    std::size_t pos_ = 1, end_ = 1;
    bool eof_ = false;
};

}  // namespace

std::optional<ap_input> read_ap_json_in_blocks(const std::filesystem::path& file,
                                               std::size_t block_size) {
    const std::string name = file.string();
    // A pipe could not be read again for an error message: it is read whole, and not even
    // opened here (a named pipe's writer may be gone by a second open).
    std::error_code error;
    if (!std::filesystem::is_regular_file(file, error)) return std::nullopt;
    struct descriptor {
        int fd;
        ~descriptor() {
            if (fd >= 0) ::close(fd);
        }
    } const file_descriptor{::open(name.c_str(), O_RDONLY | O_CLOEXEC)};
    struct stat status {};
    if (file_descriptor.fd < 0 || ::fstat(file_descriptor.fd, &status) != 0) return std::nullopt;
    detail::fast_reader reader(name, static_cast<std::size_t>(status.st_size));
    if (!block_reader(file_descriptor.fd, reader, block_size).read()) return std::nullopt;
    return reader.take();
}

}  // namespace algojudge
