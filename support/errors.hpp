// Description: the one error family. An `error` is something algojudge reports as the user's
// (exit status 2), complete in one line of what(). An input_error also says where: the JSON
// path (`input.weights[2]`), then, as it travels up, the case and the file
// (`cases.json: case 3 "big": input.weights[2]: expected ..., got -4`). Any other exception
// that escapes a command is algojudge's own fault (exit status 3), caught once in cli/main.cpp.
// Status: tested in tests/support/errors_test.cpp.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace algojudge {

class error : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// Bad input. `path` is the JSON path ("" for the whole value); `message` says what was
// expected and what was found.
class input_error : public error {
  public:
    input_error(std::string path, std::string message);
    // An error about a whole file or a place in it that is not a JSON path ("f.txt:3").
    static input_error at(std::string_view where, std::string message);

    const std::string& path() const { return path_; }
    const std::string& message() const { return message_; }
    const char* what() const noexcept override { return whole_.c_str(); }

    // Puts `where` (a case label, a file name) in front; returns *this, for `throw;`.
    input_error& within(std::string_view where);

  private:
    std::string path_, message_, whole_;
};

// A command line that cannot be carried out as given.
class usage_error : public error {
  public:
    using error::error;
};

// A report or plot that cannot be written: "plots/cat.svg: cannot open for writing".
class output_error : public error {
  public:
    using error::error;
};

}  // namespace algojudge
