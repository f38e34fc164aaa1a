#include "judging/run_program.hpp"

#include <variant>

#include <fmt/format.h>

#include "support/byte_size.hpp"
#include "support/text_tokens.hpp"

namespace algojudge {

std::string_view program_verdict_name(program_verdict verdict) {
    constexpr std::string_view names[] = {"accepted",
                                          "wrong_answer",
                                          "presentation_error",
                                          "time_limit_exceeded",
                                          "memory_limit_exceeded",
                                          "runtime_error",
                                          "output_limit_exceeded",
                                          "judge_error"};
    return names[static_cast<std::size_t>(verdict)];
}

std::string_view program_verdict_code(program_verdict verdict) {
    constexpr std::string_view codes[] = {"AC", "WA", "PE", "TLE", "MLE", "RTE", "OLE", "JE"};
    return codes[static_cast<std::size_t>(verdict)];
}

namespace {

// The last `lines` lines of `text`, at most `bytes` bytes, on one line: newlines as " | ",
// other control bytes as \xNN.
std::string tail_on_one_line(std::string_view text, std::size_t lines, std::size_t bytes) {
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r'))
        text.remove_suffix(1);
    std::size_t start = text.size();
    for (std::size_t seen = 0; start > 0; --start) {
        if (text[start - 1] == '\n' && ++seen == lines) break;
    }
    if (text.size() - start > bytes) start = text.size() - bytes;
    std::string shown = start > 0 ? "..." : "";
    for (char c : text.substr(start)) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '\n') {
            shown += " | ";
        } else if (c == '\r') {
        } else if (byte < 0x20 || byte == 0x7f) {
            shown += fmt::format("\\x{:02x}", byte);
        } else {
            shown += c;
        }
    }
    return shown;
}

// What the program's run alone says, before its output is read; nullopt when it ran cleanly.
std::optional<program_outcome> limit_verdict(const run_result& run, const run_limits& limits) {
    program_outcome outcome;
    switch (run.stopped_by) {
        case limit_kind::cpu_time:
            outcome.verdict = program_verdict::time_limit_exceeded;
            outcome.message = fmt::format("CPU time over the limit of {} s", limits.cpu_seconds);
            return outcome;
        case limit_kind::wall_time:
            outcome.verdict = program_verdict::time_limit_exceeded;
            outcome.message = fmt::format(
                "wall-clock time over the limit of {} s (sleeping or "
                "blocked?)",
                limits.wall_seconds);
            return outcome;
        case limit_kind::memory:
            outcome.verdict = program_verdict::memory_limit_exceeded;
            outcome.message = fmt::format("peak memory over the limit of {}",
                                          format_byte_size(limits.memory_bytes));
            return outcome;
        case limit_kind::output:
        case limit_kind::none:
            break;
    }
    // Before a crash or an exit code: a program whose write past the limit was refused may
    // die of it (SIGXFSZ) or give up with an error (Python ignores SIGXFSZ).
    if (run.stopped_by == limit_kind::output) {
        const std::string limit = format_byte_size(limits.output_bytes);
        outcome.verdict = program_verdict::output_limit_exceeded;
        if (run.stdout_size > limits.output_bytes) {
            outcome.message = fmt::format("more output than the limit of {}", limit);
        } else if (run.stderr_size > limits.output_bytes) {
            outcome.message = fmt::format("more than the limit of {} on stderr", limit);
        } else {
            outcome.message = fmt::format(
                "a file written past the limit of {} (the output limit caps every file)", limit);
        }
        return outcome;
    }
    const std::string err = tail_on_one_line(run.stderr_tail, 3, 300);
    const std::string err_part = err.empty() ? "" : "; stderr: " + err;
    if (run.signal) {
        outcome.verdict = program_verdict::runtime_error;
        outcome.message = fmt::format("killed by {}{}", signal_name(*run.signal), err_part);
        return outcome;
    }
    if (run.exit_code && *run.exit_code != 0) {
        outcome.verdict = program_verdict::runtime_error;
        outcome.message = fmt::format("exit code {}{}", *run.exit_code, err_part);
        return outcome;
    }
    return std::nullopt;
}

program_outcome judge_error(std::string message) {
    program_outcome outcome;
    outcome.verdict = program_verdict::judge_error;
    outcome.message = std::move(message);
    return outcome;
}

// The expected answer of `c`: the case's own once the checker accepts it, else the reference
// solution's; a judge error when neither can be had (whatever the program would do).
std::optional<program_outcome> settle_expected(const test_case& c, const solve_options& reference,
                                               json& expected) {
    const bool from_reference = !c.has_expected;
    try {
        if (from_reference) {
            expected = c.solver->solve(c.input, reference);
            return std::nullopt;
        }
        expected = c.expected;
        // The checker validates the expected answer before it looks at the actual one.
        const check_result self = c.solver->check({c.input, expected, expected, c.tolerance});
        if (self.outcome == verdict::bad_expected) {
            return judge_error("bad expected answer: " + self.message);
        }
        return std::nullopt;
    } catch (const std::exception& e) {
        program_outcome outcome = judge_error(fmt::format(
            "{}: {}", from_reference ? "reference solution failed" : "checker failed", e.what()));
        outcome.expected_from_reference = from_reference;
        return outcome;
    }
}

// The program's stdout as the problem's output object; a presentation error when unreadable.
std::variant<json, program_outcome> read_output(const std::string& stdout_bytes,
                                                const text_io* text, const json& input) {
    program_outcome unreadable;
    unreadable.verdict = program_verdict::presentation_error;
    try {
        if (text) return text->parse_output(stdout_bytes, input);
        json actual = nlohmann::json::parse(stdout_bytes);
        if (actual.is_object()) return actual;
        unreadable.message = fmt::format("expected one JSON object, got {}", json_kind(actual));
    } catch (const text_format_error& e) {
        unreadable.message = e.what();
    } catch (const nlohmann::json::parse_error& e) {
        unreadable.message = describe_parse_failure(stdout_bytes, e.byte);
    }
    return unreadable;
}

// The checker's verdict on a readable answer, into `outcome`.
void check_output(const test_case& c, const json& expected, const json& actual,
                  program_outcome& outcome) {
    check_result result;
    try {
        result = c.solver->check({c.input, expected, actual, c.tolerance});
    } catch (const std::exception& e) {
        outcome.verdict = program_verdict::judge_error;
        outcome.message = fmt::format("checker failed: {}", e.what());
        return;
    }
    switch (result.outcome) {
        case verdict::accepted:
            break;
        case verdict::wrong_answer:
            outcome.verdict = program_verdict::wrong_answer;
            outcome.message = std::move(result.message);
            break;
        case verdict::bad_expected:
            outcome.verdict = program_verdict::judge_error;
            outcome.message = "bad expected answer: " + result.message;
            break;
    }
}

}  // namespace

program_outcome judge_program_case(const test_case& c, const std::vector<std::string>& command,
                                   const program_options& options) {
    const text_io* text = options.io == program_io::as_text ? c.solver->text : nullptr;
    if (options.io == program_io::as_text && text == nullptr) {
        throw usage_error(fmt::format("{}: problem {} has no text format; use --io json", c.label(),
                                      c.solver->name));
    }
    json expected;
    if (auto failed = settle_expected(c, options.reference, expected)) return std::move(*failed);

    run_limits limits = options.limits;
    if (c.time_limit) {
        limits.cpu_seconds = *c.time_limit;
        limits.wall_seconds = wall_limit_for(*c.time_limit);
    }
    const std::string stdin_text = text ? text->render_input(c.input) : c.input.dump() + "\n";
    program_outcome outcome;
    outcome.expected_from_reference = !c.has_expected;
    outcome.run = run_process(command, stdin_text, limits, options.sandbox);
    std::string stdout_bytes = std::move(outcome.run.stdout_bytes);
    outcome.run.stdout_bytes.clear();
    if (auto stopped = limit_verdict(outcome.run, limits)) {
        stopped->run = std::move(outcome.run);
        outcome = std::move(*stopped);
        outcome.expected_from_reference = !c.has_expected;
    } else {
        auto actual = read_output(stdout_bytes, text, c.input);
        if (auto* unreadable = std::get_if<program_outcome>(&actual)) {
            outcome.verdict = unreadable->verdict;
            outcome.message = std::move(unreadable->message);
        } else {
            check_output(c, expected, std::get<json>(actual), outcome);
        }
    }
    if (options.keep_stdout) outcome.run.stdout_bytes = std::move(stdout_bytes);
    return outcome;
}

}  // namespace algojudge
