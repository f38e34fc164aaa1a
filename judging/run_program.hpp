// Description: judges one case with the user's program (algojudge judge): the case's input
// rendered in the chosen I/O on the program's stdin, run under limits by run_process, its
// stdout parsed into the problem's output form and checked by the problem's checker against
// the case's expected answer or, without one, the reference solution computed in-process.
// Verdicts and their precedence (JE > TLE > MLE > RTE > OLE > PE/WA): docs/judge.md.
// Status: tested end to end in tests/cli/judge_tests.cmake.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "judging/case_files.hpp"
#include "judging/process_runner.hpp"

namespace algojudge {

enum class program_verdict {
    accepted,
    wrong_answer,
    presentation_error,
    time_limit_exceeded,
    memory_limit_exceeded,
    runtime_error,
    output_limit_exceeded,
    judge_error,  // a malformed expected answer or a checker failure: never the program's fault
};

std::string_view program_verdict_name(program_verdict verdict);  // "accepted", ...
std::string_view program_verdict_code(program_verdict verdict);  // "AC", "WA", ...

enum class program_io { as_text, as_json };

struct program_options {
    program_io io = program_io::as_text;
    run_limits limits;  // cpu_seconds is the default; a case's time_limit replaces it
    bool sandbox = false;
    solve_options reference;   // for the reference solver's tables
    bool keep_stdout = false;  // keep the program's stdout in the outcome (stress prints it)
};

struct program_outcome {
    program_verdict verdict = program_verdict::accepted;
    std::string message;  // empty when accepted
    bool expected_from_reference = false;
    run_result run;  // stdout_bytes dropped once parsed, unless keep_stdout
};

// Throws usage_error when `options.io` is text and the case's problem has no text I/O.
program_outcome judge_program_case(const test_case& c, const std::vector<std::string>& command,
                                   const program_options& options);

}  // namespace algojudge
