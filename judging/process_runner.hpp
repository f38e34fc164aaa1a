// Description: runs one external program once under CPU, wall-clock, memory and output limits,
// feeding it bytes on stdin and collecting its stdout and the tail of its stderr.
// Process group: the program starts a session of its own (setsid). When it exits, or on any
// limit, the whole group gets SIGKILL before the leader is reaped (so its pid cannot be reused
// meanwhile), and every member is reaped: `sh -c 'sleep 100 & sleep 100'` leaves nothing behind.
// The calling process becomes a child subreaper (PR_SET_CHILD_SUBREAPER), so grandchildren
// orphaned by the program are reparented to it, killed with the group and reaped with wait4,
// their CPU time counted. A process that leaves the group (setsid, setpgid) escapes; only a
// cgroup could hold it, see docs/judge-limits.md.
// CPU: user + system of the group. RLIMIT_CPU (soft ceil(limit) + 1 s) is a backstop; the
// runner polls /proc/<pid>/stat of every group member (utime, stime, cutime, cstime) and
// kills at the limit; the verdict is settled from the wait4 rusage of all reaped members.
// Memory: peak resident memory, never address space (no RLIMIT_AS or RLIMIT_DATA: they refuse
// untouched reservations of JVM, Go and ASan programs). Mechanism: polling. Every
// poll_interval_seconds (1 ms once the group is above half the limit) the runner sums the RSS
// of the group from /proc/<pid>/stat (known members plus the pids handed out since the last
// sample) and kills when it exceeds the limit; after reaping, each member's ru_maxrss is
// folded in, so a program that exits between two polls is still judged on its true peak. The
// program is cloned by this thread's algojudge-launch (judging/launcher.c) as a child of ours
// (CLONE_PARENT) whose memory starts from the launcher's: exec would otherwise count the judge's
// own peak in the program's ru_maxrss. The runner waits for it on a pidfd, kills its group and
// reaps it. Precision:
// the kill can come late by what the program touches in one interval. cgroup v2 memory.max would
// stop it exactly, but this machine has no writable v2 memory controller (docs/judge-limits.md says
// what it offers and what was measured). Input and output: stdin, stdout and stderr are files
// in memory (memfd): the input written whole before the start and sealed, the output read after
// the end. RLIMIT_FSIZE = output_bytes + 1 caps stdout, stderr and any file the program writes
// (SIGXFSZ); a sample that sees stdout or stderr past the limit kills the group. No busy loop:
// ppoll waits on the program's pidfd alone, with a timeout of one poll interval, so a program
// that exits at once wakes the runner once. CPU: the calling thread pins itself to one CPU (the
// first thread its current one, each later thread the next), and its launcher and programs
// inherit it, so that a case wakes no other CPU. Sandbox: the command is wrapped in bubblewrap:
// read-only root, private /tmp (a tmpfs capped at the memory limit), fresh /dev and /proc, no
// network, own PID namespace,
// --die-with-parent. Status: tested (tests/judging/process_runner_test.cpp);
// bench/process_runner_bench.cpp.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace algojudge {

struct run_limits {
    double cpu_seconds = 2.0;                 // user + system of the whole group
    double wall_seconds = 5.0;                // the default: wall_limit_for(cpu_seconds)
    std::uint64_t memory_bytes = 256u << 20;  // peak resident memory of the group
    std::uint64_t output_bytes = 64u << 20;   // stdout beyond this stops the program
    std::size_t stderr_keep_bytes = 4096;     // only the last bytes of stderr are kept
    double poll_interval_seconds = 0.005;     // /proc sampling period for CPU and memory
};

// The wall-clock limit for a CPU limit: 2 x cpu + 1 s.
constexpr double wall_limit_for(double cpu_seconds) {
    return 2.0 * cpu_seconds + 1.0;
}

// Which limit made the runner stop the program (or, for cpu_time and memory, which limit the
// finished program turned out to have passed).
enum class limit_kind { none, cpu_time, wall_time, memory, output };
std::string_view limit_name(limit_kind kind);  // "none", "cpu_time", ...

struct run_result {
    std::optional<int> exit_code;  // set when the program exited by itself
    std::optional<int> signal;     // set when it was killed (by us: SIGKILL, with stopped_by)
    double cpu_seconds = 0;        // user + system of every reaped member of the group
    double wall_seconds = 0;       // from spawn until the leader is reaped
    std::uint64_t peak_memory_bytes = 0;
    std::string stdout_bytes;  // at most output_bytes
    std::string stderr_tail;   // the last stderr_keep_bytes bytes
    // What each stream held: one byte past output_bytes at most (RLIMIT_FSIZE stops it there).
    std::uint64_t stdout_size = 0, stderr_size = 0;
    limit_kind stopped_by = limit_kind::none;
};

// "SIGSEGV", "SIGABRT", ...; "signal 42" for numbers without a name.
std::string signal_name(int signal);

// The program could not be started at all (not found, not executable, no bwrap), or a system
// call of the runner itself failed. The CLI maps it to exit status 2.
class process_error : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// Resolves argv[0] as execvp does (PATH unless it contains a '/') and checks that it is an
// executable regular file; with sandbox, also that bwrap is on PATH. Returns the one-line
// reason when the command cannot run, nullopt when it can. Call it once before any case.
// Example: check_command_runnable({"./a.out"}, false) -> "./a.out: No such file or directory".
std::optional<std::string> check_command_runnable(const std::vector<std::string>& argv,
                                                  bool sandbox);

// Runs bwrap with the sandbox's options on `true`; returns what failed (its stderr), nullopt
// when the sandbox works on this machine.
std::optional<std::string> check_sandbox_usable();

// Runs argv once with `input` on stdin (a file; never the terminal). Blocks until the
// program and every process of its group are gone. Throws process_error when it cannot start.
// Constraints: argv non-empty; limits positive. Calls from several threads at once are fine:
// each waits only for its own process group. The calling thread stays pinned to its CPU.
// Example: run_process({"cat"}, "hi", {}, false).stdout_bytes == "hi".
run_result run_process(const std::vector<std::string>& argv, std::string_view input,
                       const run_limits& limits, bool sandbox);

}  // namespace algojudge
