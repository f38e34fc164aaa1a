// Per-run cost of run_process against a minimal fork/execv/wait4 loop on the same trivial
// program, interleaved in one run so that machine load hits both alike (issue 10 asks for at
// most 1.5 ms per case and at most 1.3x the minimal loop).
// The program is $ALGOJUDGE_BENCH_PROGRAM (e.g. build/tests/judging/programs/exit_code, a
// C main returning 0) or `true` from PATH. Figures go to docs/performance.md.
#include <benchmark/benchmark.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <vector>

#include "judging/process_runner.hpp"

namespace {

std::string bench_program() {
    if (const char* chosen = std::getenv("ALGOJUDGE_BENCH_PROGRAM")) return chosen;
    for (const char* candidate : {"/usr/bin/true", "/bin/true"}) {
        if (::access(candidate, X_OK) == 0) return candidate;
    }
    throw std::runtime_error("set ALGOJUDGE_BENCH_PROGRAM to a trivial program");
}

// The floor: fork, execv, wait4, nothing else (no pipes, no limits, no group kill).
void minimal_run(const std::string& path) {
    char* argv[] = {const_cast<char*>(path.c_str()), nullptr};
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::execv(path.c_str(), argv);
        ::_exit(127);
    }
    int status = 0;
    rusage usage{};
    ::wait4(pid, &status, 0, &usage);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) throw std::runtime_error("minimal run");
}

// A small case input, as a judge feeds it.
const std::string case_input = "5\n3 6 9 1 12\n";

void runner_run(const std::string& path) {
    const algojudge::run_result result =
        algojudge::run_process({path}, case_input, algojudge::run_limits{}, false);
    if (result.exit_code != 0) throw std::runtime_error("runner run");
}

void bm_minimal_fork_exec_wait4(benchmark::State& state) {
    const std::string path = bench_program();
    for (auto _ : state)
        minimal_run(path);
}
BENCHMARK(bm_minimal_fork_exec_wait4)->Unit(benchmark::kMicrosecond)->Iterations(1000);

void bm_run_process(benchmark::State& state) {
    const std::string path = bench_program();
    for (auto _ : state)
        runner_run(path);
}
BENCHMARK(bm_run_process)->Unit(benchmark::kMicrosecond)->Iterations(1000);

// Both, alternating, 1,000 cases each: the ratio the issue asks for, from one run.
void bm_runner_over_minimal(benchmark::State& state) {
    using clock = std::chrono::steady_clock;
    const std::string path = bench_program();
    clock::duration minimal{}, runner{};
    std::int64_t cases = 0;
    for (auto _ : state) {
        const clock::time_point start = clock::now();
        minimal_run(path);
        const clock::time_point middle = clock::now();
        runner_run(path);
        minimal += middle - start;
        runner += clock::now() - middle;
        ++cases;
    }
    const auto microseconds = [&](clock::duration total) {
        return std::chrono::duration<double, std::micro>(total).count() /
               static_cast<double>(cases);
    };
    state.counters["minimal_us"] = microseconds(minimal);
    state.counters["runner_us"] = microseconds(runner);
    state.counters["overhead_us"] = microseconds(runner) - microseconds(minimal);
    state.counters["ratio"] = microseconds(runner) / microseconds(minimal);
}
BENCHMARK(bm_runner_over_minimal)->Unit(benchmark::kMillisecond)->Iterations(1000);

}  // namespace

BENCHMARK_MAIN();
