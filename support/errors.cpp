#include "support/errors.hpp"

namespace algojudge {

namespace {

std::string joined(std::string_view where, std::string_view rest) {
    if (where.empty()) return std::string(rest);
    std::string whole(where);
    whole += ": ";
    whole += rest;
    return whole;
}

}  // namespace

input_error::input_error(std::string path, std::string message)
    : error(joined(path, message)),
      path_(std::move(path)),
      message_(std::move(message)),
      whole_(joined(path_, message_)) {}

input_error input_error::at(std::string_view where, std::string message) {
    input_error e("", std::move(message));
    e.within(where);
    return e;
}

input_error& input_error::within(std::string_view where) {
    whole_ = joined(where, whole_);
    return *this;
}

}  // namespace algojudge
