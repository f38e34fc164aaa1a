#include "support/errors.hpp"

#include <doctest/doctest.h>

#include <string>
#include <type_traits>

using namespace algojudge;

TEST_CASE("input_error: what() is the path, then the message") {
    const input_error whole("", "expected an object, got 3");
    CHECK(std::string(whole.what()) == "expected an object, got 3");
    CHECK(whole.path().empty());
    CHECK(whole.message() == "expected an object, got 3");

    const input_error inner("input.weights[2]", "expected a non-negative integer, got -4");
    CHECK(std::string(inner.what()) == "input.weights[2]: expected a non-negative integer, got -4");
    CHECK(inner.path() == "input.weights[2]");
    CHECK(inner.message() == "expected a non-negative integer, got -4");

    // The base class's what() agrees, for a handler that catches std::runtime_error.
    const std::runtime_error& base = inner;
    CHECK(std::string(base.what()) == "input.weights[2]: expected a non-negative integer, got -4");
}

TEST_CASE("input_error: an empty message keeps the path") {
    const input_error e("x", "");
    CHECK(std::string(e.what()) == "x: ");
}

TEST_CASE("input_error::within puts the case label, then the file, in front") {
    input_error e("input.weights[2]", "expected a non-negative integer, got -4");
    input_error& same = e.within("case 3 \"big\"");
    CHECK(&same == &e);
    CHECK(std::string(e.what()) ==
          "case 3 \"big\": input.weights[2]: expected a non-negative integer, got -4");
    e.within("cases.json");
    CHECK(std::string(e.what()) ==
          "cases.json: case 3 \"big\": input.weights[2]: expected a non-negative integer, got -4");
    // The parts stay as they were.
    CHECK(e.path() == "input.weights[2]");
    CHECK(e.message() == "expected a non-negative integer, got -4");
}

TEST_CASE("input_error::within an empty place adds nothing") {
    input_error e("", "bad");
    e.within("");
    CHECK(std::string(e.what()) == "bad");
    e.within("f.txt");
    e.within("");
    CHECK(std::string(e.what()) == "f.txt: bad");
}

TEST_CASE("input_error::within survives a rethrow") {
    std::string seen;
    try {
        try {
            throw input_error("input", "expected an object, got null");
        } catch (input_error& e) {
            e.within("cases.json: case 1");
            throw;
        }
    } catch (const error& e) {
        seen = e.what();
    }
    CHECK(seen == "cases.json: case 1: input: expected an object, got null");
}

TEST_CASE("input_error::at names a place that is not a JSON path") {
    const input_error e = input_error::at("f.txt:3", "expected 5 words, got 2");
    CHECK(std::string(e.what()) == "f.txt:3: expected 5 words, got 2");
    CHECK(e.path().empty());
    CHECK(e.message() == "expected 5 words, got 2");
    CHECK(std::string(input_error::at("", "empty file").what()) == "empty file");

    input_error outer = input_error::at("f.txt:3", "bad");
    outer.within("run");
    CHECK(std::string(outer.what()) == "run: f.txt:3: bad");
}

TEST_CASE("usage_error and output_error are algojudge errors with the message as what()") {
    static_assert(std::is_base_of_v<error, input_error>);
    static_assert(std::is_base_of_v<error, usage_error>);
    static_assert(std::is_base_of_v<error, output_error>);
    static_assert(std::is_base_of_v<std::runtime_error, error>);

    auto caught = [](auto thrown) {
        try {
            throw thrown;
        } catch (const error& e) {
            return std::string(e.what());
        } catch (...) {
            return std::string("not an algojudge::error");
        }
    };
    CHECK(caught(usage_error("nothing to evaluate")) == "nothing to evaluate");
    CHECK(caught(output_error("plots/cat.svg: cannot open for writing")) ==
          "plots/cat.svg: cannot open for writing");
    CHECK(caught(input_error("k", "too big")) == "k: too big");
    CHECK(caught(std::runtime_error("other")) == "not an algojudge::error");
}
