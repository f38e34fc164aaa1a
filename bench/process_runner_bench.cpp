// Per-run cost of run_process against a minimal fork/execv/wait4 loop on the same trivial
// program, interleaved in one run so that machine load hits both alike (issue 10 asks for at
// most 1.5 ms per case and at most 1.3x the minimal loop).
// Programs come from $ALGOJUDGE_TEST_PROGRAMS_DIR (build/tests/judging/programs): exit_code
// (a C main returning 0) as the trivial program, spin and grab_memory for the polling costs;
// without it the trivial program is /usr/bin/true and the others are skipped.
// Figures go to docs/performance.md and docs/judge-limits.md.
#include <benchmark/benchmark.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <vector>

#include "judging/process_runner.hpp"

namespace {

// The test programs' folder, or "" when not given.
std::string programs_dir() {
    const char* dir = std::getenv("ALGOJUDGE_TEST_PROGRAMS_DIR");
    return dir ? dir : "";
}

std::string bench_program() {
    if (!programs_dir().empty()) return programs_dir() + "/exit_code";
    for (const char* candidate : {"/usr/bin/true", "/bin/true"}) {
        if (::access(candidate, X_OK) == 0) return candidate;
    }
    throw std::runtime_error("set ALGOJUDGE_TEST_PROGRAMS_DIR to build/tests/judging/programs");
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

double cpu_seconds_of_self() {
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval& time) {
        return static_cast<double>(time.tv_sec) + static_cast<double>(time.tv_usec) * 1e-6;
    };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// What watching a long run costs the judge: its own CPU per second of the program's run
// (wall clock, as samples are taken every 5 ms of it).
void bm_polling_cost(benchmark::State& state) {
    if (programs_dir().empty()) {
        state.SkipWithError("needs ALGOJUDGE_TEST_PROGRAMS_DIR");
        return;
    }
    algojudge::run_limits limits;
    limits.cpu_seconds = 1.0;
    double judge_cpu = 0, program_wall = 0;
    for (auto _ : state) {
        const double before = cpu_seconds_of_self();
        const algojudge::run_result result =
            algojudge::run_process({programs_dir() + "/spin"}, "", limits, false);
        judge_cpu += cpu_seconds_of_self() - before;
        program_wall += result.wall_seconds;
    }
    state.counters["judge_ms_per_run_s"] = 1000 * judge_cpu / program_wall;
}
BENCHMARK(bm_polling_cost)->Unit(benchmark::kMillisecond)->Iterations(3);

// How far past the memory limit a program that allocates and touches 1 MiB blocks as fast as
// it can gets before the kill (peak resident memory over the limit, mean over the runs).
void bm_memory_overshoot(benchmark::State& state) {
    if (programs_dir().empty()) {
        state.SkipWithError("needs ALGOJUDGE_TEST_PROGRAMS_DIR");
        return;
    }
    algojudge::run_limits limits;
    limits.memory_bytes = static_cast<std::uint64_t>(state.range(0)) << 20;
    // Only the memory limit may stop it: on a VM, touching a GiB of fresh pages has taken
    // more than the default 2 s of (system) CPU.
    limits.cpu_seconds = 60;
    limits.wall_seconds = algojudge::wall_limit_for(limits.cpu_seconds);
    double overshoot = 0, worst = 0;
    std::int64_t runs = 0;
    for (auto _ : state) {
        const algojudge::run_result result =
            algojudge::run_process({programs_dir() + "/grab_memory", "16384"}, "", limits, false);
        if (result.stopped_by != algojudge::limit_kind::memory) {
            throw std::runtime_error("grab_memory was not stopped by the memory limit");
        }
        const double over =
            static_cast<double>(result.peak_memory_bytes - limits.memory_bytes) / (1 << 20);
        overshoot += over;
        worst = std::max(worst, over);
        ++runs;
    }
    state.counters["limit_mib"] = static_cast<double>(state.range(0));
    state.counters["over_mib_mean"] = overshoot / static_cast<double>(runs);
    state.counters["over_mib_max"] = worst;
}
BENCHMARK(bm_memory_overshoot)
    ->Arg(64)
    ->Arg(256)
    ->Arg(1024)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(20);

}  // namespace

BENCHMARK_MAIN();
