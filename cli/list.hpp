// `algojudge list [--json]`: the problems, one line each, with their input fields.
#pragma once

#include <CLI/CLI.hpp>

namespace algojudge::cli {

struct list_options {
    bool json = false;
};

void setup_list(CLI::App& app, int& status);
int list_main(const list_options& options);

}  // namespace algojudge::cli
