#include "judging/run_case.hpp"

#include <chrono>
#include <new>

#include <fmt/format.h>

namespace algojudge {

std::string_view case_status_name(case_status status) {
    switch (status) {
        case case_status::passed:
            return "passed";
        case case_status::failed:
            return "failed";
        case case_status::error:
            return "error";
    }
    return "error";
}

case_outcome judge_case(const test_case& c, const solve_options& options) {
    case_outcome outcome;
    auto error = [&](std::string message) {
        outcome.status = case_status::error;
        outcome.message = std::move(message);
        outcome.actual = nullptr;
        return outcome;
    };
    const auto start = std::chrono::steady_clock::now();
    try {
        outcome.actual = c.typed_input.has_value() ? c.solver->fast->solve(c.typed_input, options)
                                                   : c.solver->solve(c.input, options);
    } catch (const input_error& e) {
        return error(e.what());
    } catch (const std::bad_alloc&) {
        return error("out of memory while solving");
    } catch (const std::exception& e) {
        return error(fmt::format("internal error: {}", e.what()));
    }
    outcome.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!c.has_expected) {
        outcome.message = "ran; no expected answer to check";
        return outcome;
    }
    outcome.checked = true;
    check_result result;
    try {
        result = c.solver->check({c.input, c.expected, outcome.actual, c.tolerance,
                                  c.typed_input.has_value() ? &c.typed_input : nullptr});
    } catch (const input_error& e) {
        result = check_result::bad(e.what());
    } catch (const std::exception& e) {
        return error(fmt::format("internal error in checker: {}", e.what()));
    }
    switch (result.outcome) {
        case verdict::accepted:
            break;
        case verdict::wrong_answer:
            outcome.status = case_status::failed;
            outcome.message = std::move(result.message);
            break;
        case verdict::bad_expected:
            outcome.status = case_status::error;
            outcome.message = "bad expected answer: " + result.message;
            break;
    }
    return outcome;
}

}  // namespace algojudge
