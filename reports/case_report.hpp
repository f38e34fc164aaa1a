// Description: reports of a run of cases: the closing count ("N passed, M failed"), a JUnit
// XML report for CI systems, and the JSON report of `verify --json` (keys in docs/case-format.md).
// Status: tested in tests/reports/case_report_test.cpp and tests/cli/commands_tests.cmake.
#pragma once

#include <optional>

#include <fmt/format.h>
#include <string>
#include <string_view>
#include <vector>

#include "judging/case_files.hpp"
#include "judging/run_case.hpp"
#include "support/counted.hpp"

namespace algojudge {

struct case_tally {
    std::size_t passed = 0;
    std::size_t failed = 0;
    std::size_t errors = 0;

    void add(case_status status) {
        switch (status) {
            case case_status::passed:
                ++passed;
                break;
            case case_status::failed:
                ++failed;
                break;
            case case_status::error:
                ++errors;
                break;
        }
    }
    // "N passed, M failed" and ", K errors" when there are any.
    std::string summary() const {
        std::string line = fmt::format("{} passed, {} failed", passed, failed);
        if (errors > 0) line += ", " + counted(errors, "error");
        return line;
    }
};

// The XML declaration a JUnit report starts with: written (and flushed) when the report file is
// opened, so a full device fails before any case runs.
inline constexpr std::string_view junit_declaration =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

// JUnit XML after its declaration: one <testsuite name="`suite`">, a <testcase> per outcome (cases
// without one, not run after --fail-fast, are left out), failures and errors with their messages.
std::string junit_report(std::string_view suite, const std::vector<test_case>& cases,
                         const std::vector<std::optional<case_outcome>>& outcomes,
                         const case_tally& counts);

json json_report(const std::vector<test_case>& cases,
                 const std::vector<std::optional<case_outcome>>& outcomes,
                 const case_tally& counts);

}  // namespace algojudge
