#include "reports/case_report.hpp"

#include <fmt/format.h>

#include "reports/xml_text.hpp"

namespace algojudge {

std::string junit_report(std::string_view suite, const std::vector<test_case>& cases,
                         const std::vector<std::optional<case_outcome>>& outcomes,
                         const case_tally& counts) {
    double total = 0;
    for (const auto& outcome : outcomes)
        total += outcome ? outcome->seconds : 0;
    std::string xml = fmt::format(
        "<testsuites tests=\"{0}\" failures=\"{1}\" errors=\"{2}\" time=\"{3:.6f}\">\n"
        "  <testsuite name=\"{4}\" tests=\"{0}\" failures=\"{1}\" errors=\"{2}\" "
        "time=\"{3:.6f}\">\n",
        counts.passed + counts.failed + counts.errors, counts.failed, counts.errors, total,
        xml_escape(suite));
    for (std::size_t i = 0; i < cases.size(); ++i) {
        if (!outcomes[i]) continue;
        const case_outcome& outcome = *outcomes[i];
        xml += fmt::format("    <testcase classname=\"{}\" name=\"{}\" file=\"{}\" time=\"{:.6f}\"",
                           xml_escape(cases[i].solver->name), xml_escape(cases[i].name),
                           xml_escape(cases[i].file), outcome.seconds);
        if (outcome.status == case_status::passed) {
            xml += "/>\n";
            continue;
        }
        const char* element = outcome.status == case_status::failed ? "failure" : "error";
        xml += fmt::format(">\n      <{0} message=\"{1}\">{1}</{0}>\n    </testcase>\n", element,
                           xml_escape(outcome.message));
    }
    xml += "  </testsuite>\n</testsuites>\n";
    return xml;
}

json json_report(const std::vector<test_case>& cases,
                 const std::vector<std::optional<case_outcome>>& outcomes,
                 const case_tally& counts) {
    json report_cases = json::array();
    for (std::size_t i = 0; i < cases.size(); ++i) {
        if (!outcomes[i]) continue;
        const case_outcome& outcome = *outcomes[i];
        report_cases.push_back({{"file", cases[i].file},
                                {"number", cases[i].number},
                                {"name", cases[i].name},
                                {"problem", cases[i].solver->name},
                                {"status", case_status_name(outcome.status)},
                                {"checked", outcome.checked},
                                {"seconds", outcome.seconds},
                                {"message", outcome.message}});
    }
    return {{"cases", std::move(report_cases)},
            {"passed", counts.passed},
            {"failed", counts.failed},
            {"errors", counts.errors}};
}

}  // namespace algojudge
