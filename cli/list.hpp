// `algojudge list [PROBLEM] [--json]`: the problems, one line each, with their input fields;
// with PROBLEM, that problem's JSON input and its plain-text formats for judge.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

namespace algojudge::cli {

struct list_options {
    std::string problem;  // empty: all of them
    bool json = false;
};

void setup_list(CLI::App& app, int& status);
int list_main(const list_options& options);

}  // namespace algojudge::cli
