// algojudge: runs algorithm problems on JSON inputs and verifies results. This file only wires
// the subcommands together; each lives in its own file.
#include <filesystem>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/ap.hpp"
#include "cli/common.hpp"
#include "cli/gen.hpp"
#include "cli/help.hpp"
#include "cli/judge.hpp"
#include "cli/list.hpp"
#include "cli/run.hpp"
#include "cli/stress.hpp"
#include "cli/verify.hpp"
#include "support/errors.hpp"

int main(int argc, char** argv) {
    using namespace algojudge::cli;
    // judge's and stress's COMMAND follows `--`; CLI11 would take it for more paths.
    const std::vector<std::string> judged_command = split_judged_command(argc, argv);
    CLI::App app{"algojudge: algorithm toolkit and judge", "algojudge"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "algojudge " ALGOJUDGE_VERSION);
    int status = code(exit_status::ok);
    setup_list(app, status);
    setup_run(app, status);
    setup_verify(app, status);
    setup_judge(app, status, judged_command);
    setup_ap(app, status);
    setup_gen(app, status);
    setup_stress(app, status, judged_command);
    setup_help(app, status);
    // Every command's errors end here: the user's as exit status 2, algojudge's own as 3, each
    // as one line.
    try {
        if (const auto message = unknown_command(app, argc, argv)) {
            print_error(*message);
            return code(exit_status::input_error);
        }
        app.parse(argc, argv);
    } catch (const CLI::ExtrasError& e) {
        print_error(unknown_options(app).value_or(e.what()));
        return code(exit_status::input_error);
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
        print_error(e.what());
        return code(exit_status::input_error);
    } catch (const algojudge::error& e) {
        print_error(e.what());
        return code(exit_status::input_error);
    } catch (const std::filesystem::filesystem_error& e) {
        print_error(fmt::format("{}: {}", e.path1().string(), e.code().message()));
        return code(exit_status::input_error);
    } catch (const std::bad_alloc&) {
        print_error("out of memory");
        return code(exit_status::input_error);
    } catch (const std::exception& e) {
        print_error(fmt::format("internal error: {}", e.what()));
        return code(exit_status::internal_error);
    }
    return status;
}
