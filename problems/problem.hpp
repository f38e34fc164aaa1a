// Description: what every problem provides to the CLI: solve a JSON input, check a result.
// A problem file parses and validates its input into the algorithm's types, calls the
// algorithm, renders the result as JSON, and checks an actual result against an expected one.
// Status: exercised by every problem's tests and tests/problems/registry_test.cpp.
#pragma once

#include <any>
#include <cstdint>
#include <filesystem>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

#include "problems/generator.hpp"
#include "support/json_input.hpp"

namespace algojudge {

// Settings that come from the command line rather than from a case.
struct solve_options {
    // Memory a solver may allocate for its tables before refusing the input.
    std::uint64_t memory_limit_bytes = std::uint64_t{1} << 30;
    // The option that sets it, for the advice in a refusal: judge and stress name the
    // reference solver's own limit, since their --memory-limit is the program's.
    std::string_view memory_limit_option = "--memory-limit";
};

// A closed set of verdicts, as testlib's _ok/_wa/_fail.
enum class verdict {
    accepted,      // the actual result is right
    wrong_answer,  // it differs from the expected one; message says where
    bad_expected,  // the expected answer itself is malformed: the case file's fault
};

std::string_view verdict_name(verdict v);

struct check_result {
    verdict outcome = verdict::accepted;
    std::string message;  // empty when accepted; names the JSON path of the first difference

    static check_result accept() { return {}; }
    static check_result wrong(std::string message) {
        return {verdict::wrong_answer, std::move(message)};
    }
    static check_result bad(std::string message) {
        return {verdict::bad_expected, std::move(message)};
    }
};

// What a checker sees. `input` is the case's (already validated) input, so certificates
// (chosen items, neighbours) can be checked against it. `tolerance` is the case's optional
// "tolerance" object, null when absent.
struct check_args {
    const json& input;
    const json& expected;
    const json& actual;
    const json& tolerance;
    // The input as its fast reader made it (see typed_reader), when `input` was never built as
    // a json value (it is null then); nullptr otherwise.
    const std::any* typed_input = nullptr;
};

// A problem's fast path from text to the algorithm's types, without a json DOM of the input
// (docs/performance.md, "Case ingest"). Each reader accepts only what the validating json reader
// accepts, with the same values, and returns an empty std::any on any doubt: not the plain
// layout, or not valid. The caller then runs `solve` on a parsed json value, whose message is
// the one users see, so errors never come from here.
struct typed_reader {
    // The raw text of an input object; at least text_padding (support/files.hpp) bytes after
    // `text` may be read.
    std::any (*read_text)(std::string_view text);
    // `read_text`'s result -> the output `solve` would render.
    json (*solve)(const std::any& input, const solve_options& options);
    // Optional: a file holding one bare input object, read without holding its text; empty
    // too when the file holds more than `max_bytes` (the json path then refuses it).
    std::any (*read_file)(const std::filesystem::path& file, std::uint64_t max_bytes) = nullptr;
};

// A problem's plain-text I/O, for judge's --io text (formats in docs/judge.md). Parsers throw
// text_format_error (support/text_tokens.hpp) with the line and column of what cannot be read.
struct text_io {
    std::string_view input_format;   // for `algojudge list PROBLEM`
    std::string_view output_format;  // likewise
    // A (validated) input object as the program's stdin text.
    std::string (*render_input)(const json& input);
    // A .in file's text as the input object (to be validated by solve/check).
    json (*parse_input)(std::string_view text);
    // A program's stdout (or an .ans file) as the problem's output object, for the checker.
    json (*parse_output)(std::string_view text, const json& input);
    // An output object (an expected answer) as text.
    std::string (*render_output)(const json& output);
};

struct problem {
    std::string_view name;                     // "max-gap"
    std::string_view summary;                  // one line for `algojudge list`
    std::span<const json_field> input_fields;  // the input schema, for `algojudge list`
    // Validates `input` (throwing input_error with paths under "input"), solves it and
    // renders the output object.
    json (*solve)(const json& input, const solve_options& options);
    check_result (*check)(const check_args& args);
    // Random inputs for `algojudge gen` (and its options, shown by `gen PROBLEM --help`).
    const generator* case_generator;
    // Optional: the same output as `solve`, rendered directly as compact JSON text, for problems
    // whose outputs are too large to build as json values quickly (`run` uses it when set).
    std::string (*solve_text)(const json& input, const solve_options& options) = nullptr;
    // Optional: the plain-text I/O; null when the problem is JSON-only (average-precision).
    const text_io* text = nullptr;
    // Whether a case may give a "tolerance": only problems with inexact (floating) results.
    bool takes_tolerance = false;
    // Optional: the fast path of `run` and `verify` for large inputs.
    const typed_reader* fast = nullptr;
};

}  // namespace algojudge
