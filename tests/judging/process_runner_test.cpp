#include "judging/process_runner.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sched.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <doctest/doctest.h>
#include <cerrno>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "tests/scratch_dir.hpp"

using algojudge::check_command_runnable;
using algojudge::check_sandbox_usable;
using algojudge::limit_kind;
using algojudge::run_limits;
using algojudge::run_process;
using algojudge::run_result;
using algojudge::signal_name;

namespace {

std::string program(const std::string& name) {
    return std::string(ALGOJUDGE_TEST_PROGRAMS_DIR) + "/" + name;
}

// Short limits: every program here either finishes at once or is meant to be stopped. The
// wall limit is loose so that on a loaded machine the CPU limit still fires first.
run_limits quick_limits() {
    run_limits limits;
    limits.cpu_seconds = 0.3;
    limits.wall_seconds = 10.0;
    limits.memory_bytes = 64u << 20;
    limits.output_bytes = 1u << 20;
    limits.stderr_keep_bytes = 64;
    return limits;
}

run_result run(const std::vector<std::string>& argv, const std::string& input = "",
               const run_limits& limits = quick_limits()) {
    return run_process(argv, input, limits, false);
}

}  // namespace

TEST_CASE("empty input, then a program that copies stdin") {
    const run_result empty = run({program("echo_stdin")});
    CHECK(empty.exit_code == 0);
    CHECK(!empty.signal);
    CHECK(empty.stdout_bytes.empty());
    CHECK(empty.stopped_by == limit_kind::none);

    // Larger than a pipe buffer both ways, as it was when stdin and stdout were pipes.
    std::string input;
    for (int i = 0; i < 200000; ++i)
        input += std::to_string(i) + '\n';
    run_limits limits = quick_limits();
    limits.output_bytes = 2 * input.size();
    const run_result copied = run({program("echo_stdin")}, input, limits);
    CHECK(copied.exit_code == 0);
    CHECK(copied.stdout_bytes.size() == input.size());
    CHECK((copied.stdout_bytes == input));
    CHECK(copied.stopped_by == limit_kind::none);
    CHECK(copied.peak_memory_bytes > 0);
}

TEST_CASE("argv[0] is found on PATH and arguments are passed") {
    const run_result result = run({"sh", "-c", "printf '%s' \"$0-$1\"", "a", "b"});
    CHECK(result.exit_code == 0);
    CHECK(result.stdout_bytes == "a-b");
}

TEST_CASE("stdin is the case input only, never the terminal") {
    const run_result result = run({"sh", "-c", "test -t 0 || echo not-a-terminal; cat"}, "x");
    CHECK(result.stdout_bytes == "not-a-terminal\nx");
}

TEST_CASE("stdin is a file the program can read again but not change") {
    const run_result result =
        run({"sh", "-c", "printf z >&0 2>/dev/null || echo refused; cat; cat /dev/stdin"}, "x");
    CHECK(result.exit_code == 0);
    CHECK(result.stdout_bytes == "refused\nxx");
}

TEST_CASE("a program that ignores its stdin still runs to the end") {
    const std::string big(1 << 20, 'z');  // more than a pipe holds
    const run_result result = run({program("exit_code"), "0"}, big);
    CHECK(result.exit_code == 0);
    CHECK(result.stopped_by == limit_kind::none);
}

TEST_CASE("exit code and signal") {
    const run_result three = run({program("exit_code"), "3"});
    CHECK(three.exit_code == 3);
    CHECK(!three.signal);
    CHECK(three.stopped_by == limit_kind::none);

    const run_result segfault = run({program("segfault")});
    CHECK(!segfault.exit_code);
    REQUIRE(segfault.signal);
    CHECK(signal_name(*segfault.signal) == "SIGSEGV");
    CHECK(segfault.stopped_by == limit_kind::none);
}

TEST_CASE("signal names") {
    CHECK(signal_name(SIGSEGV) == "SIGSEGV");
    CHECK(signal_name(SIGABRT) == "SIGABRT");
    CHECK(signal_name(SIGKILL) == "SIGKILL");
    CHECK(signal_name(0).find("signal") == 0);
}

TEST_CASE("an endless loop is stopped by the CPU limit") {
    const run_result result = run({program("spin")});
    CHECK(result.stopped_by == limit_kind::cpu_time);
    CHECK(result.signal == SIGKILL);
    CHECK(result.cpu_seconds > 0.3);
}

TEST_CASE("CPU time of children counts") {
    // The shell waits for two spinning children; each alone stays under the limit.
    run_limits limits = quick_limits();
    const std::string spin = program("spin");
    const run_result result = run({"sh", "-c", "\"$0\" & \"$0\" & wait", spin}, "", limits);
    CHECK(result.stopped_by == limit_kind::cpu_time);
}

TEST_CASE("a sleeping program is stopped by the wall-clock limit") {
    run_limits limits = quick_limits();
    limits.wall_seconds = 0.3;
    const run_result result = run({program("sleep_forever")}, "", limits);
    CHECK(result.stopped_by == limit_kind::wall_time);
    CHECK(result.signal == SIGKILL);
    CHECK(result.cpu_seconds < limits.cpu_seconds);
}

TEST_CASE("a grandchild that outlives its parent is killed and reaped") {
    const algojudge::testing::scratch_dir scratch;
    const std::string pid_file = (scratch / "grandchild.pid").string();
    const run_result result = run({program("orphan"), pid_file});
    CHECK(result.exit_code == 0);
    CHECK(result.stopped_by == limit_kind::none);
    std::ifstream file(pid_file);
    int grandchild = 0;
    file >> grandchild;
    REQUIRE(grandchild > 0);
    // Gone, not even a zombie: kill(pid, 0) would succeed on an unreaped one.
    CHECK(::kill(grandchild, 0) == -1);
    CHECK(errno == ESRCH);
}

TEST_CASE("sh -c 'sleep 100 & sleep 100' leaves no process behind") {
    const algojudge::testing::scratch_dir scratch;
    const std::string pid_file = (scratch / "sleepers").string();
    run_limits limits = quick_limits();
    limits.wall_seconds = 0.3;
    const run_result result =
        run({"sh", "-c", "sleep 100 & echo $! > \"$0\"; sleep 100", pid_file}, "", limits);
    CHECK(result.stopped_by == limit_kind::wall_time);
    std::ifstream file(pid_file);
    int background = 0;
    file >> background;
    REQUIRE(background > 0);
    CHECK(::kill(background, 0) == -1);
    CHECK(errno == ESRCH);
}

TEST_CASE("a program that keeps allocating is stopped by the memory limit") {
    const run_result result = run({program("grab_memory"), "4096"});
    CHECK(result.stopped_by == limit_kind::memory);
    CHECK(result.signal == SIGKILL);
    CHECK(result.stdout_bytes.find("done") == std::string::npos);
    CHECK(result.peak_memory_bytes > quick_limits().memory_bytes);
    MESSAGE("peak resident memory seen at the kill: ", result.peak_memory_bytes >> 20,
            " MiB for a 64 MiB limit");
}

TEST_CASE("resident memory of the whole group counts") {
    // Two children holding 40 MiB each: neither alone passes the 64 MiB limit, both do.
    const run_result result =
        run({"sh", "-c", "\"$0\" 40 hold & \"$0\" 40 hold & wait", program("grab_memory")});
    CHECK(result.stopped_by == limit_kind::memory);
}

TEST_CASE("a program just under the memory limit is not stopped") {
    const run_result result = run({program("grab_memory"), "16"});
    CHECK(result.exit_code == 0);
    CHECK(result.stopped_by == limit_kind::none);
    CHECK(result.stdout_bytes == "done\n");
    CHECK(result.peak_memory_bytes >= (16u << 20));
}

TEST_CASE("the peak is the program's own, never the judge's") {
    // exec keeps the old address space's peak in the new program's ru_maxrss: spawned straight
    // from a judge that holds 256 MiB, echo_stdin would be reported at 256 MiB and stopped.
    std::vector<char> judge_memory(256u << 20);
    for (std::size_t i = 0; i < judge_memory.size(); i += 4096)
        judge_memory[i] = static_cast<char>(i);
    const run_result result = run({program("echo_stdin")}, "x");
    CHECK(result.exit_code == 0);
    CHECK(result.stopped_by == limit_kind::none);
    CHECK(result.peak_memory_bytes > 0);
    CHECK(result.peak_memory_bytes < (8u << 20));
    CHECK(judge_memory[4096] == static_cast<char>(4096));
}

TEST_CASE("the program inherits neither the launcher's socket nor its ignored SIGPIPE") {
    const run_result fds = run({"sh", "-c", "test -e /proc/$$/fd/3 && echo leaked || echo clean"});
    CHECK(fds.stdout_bytes == "clean\n");
    // With SIGPIPE ignored, yes would see EPIPE and complain on stderr instead of dying quietly.
    const run_result piped = run({"sh", "-c", "yes | head -n 1"});
    CHECK(piped.stdout_bytes == "y\n");
    CHECK(piped.stderr_tail.empty());
}

TEST_CASE("a thread's launcher serves its runs and ends with the thread") {
    const auto launchers = [] {
        int count = 0;
        for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
            std::ifstream stat(entry.path() / "stat");
            std::string pid, name, state, parent;
            if (stat >> pid >> name >> state >> parent && name == "(algojudge-launc)" &&
                parent == std::to_string(::getpid())) {
                ++count;
            }
        }
        return count;
    };
    const int before = launchers();
    std::thread worker([&] {
        for (int i = 0; i < 3; ++i)
            CHECK(run({program("echo_stdin")}, "x").stdout_bytes == "x");
        CHECK(launchers() == before + 1);
    });
    worker.join();
    CHECK(launchers() == before);
}

TEST_CASE("each thread's programs run on one CPU, another thread's on another") {
    cpu_set_t allowed;
    REQUIRE(sched_getaffinity(0, sizeof allowed, &allowed) == 0);
    const std::vector<std::string> show_cpus = {"sh", "-c",
                                                "grep Cpus_allowed_list: /proc/self/status"};
    std::string first, second;
    std::thread([&] { first = run(show_cpus).stdout_bytes; }).join();
    std::thread([&] { second = run(show_cpus).stdout_bytes; }).join();
    const run_result count = run({"nproc"});
    CHECK(count.stdout_bytes == "1\n");
    CHECK(first.starts_with("Cpus_allowed_list:"));
    if (CPU_COUNT(&allowed) >= 2) {
        CHECK(first != second);
    } else {
        MESSAGE("one CPU only: both threads share it");
    }
}

TEST_CASE("a kill that comes as the program ends does not upset the next run") {
    // Two bytes past a one-byte output limit: the runner kills the group just as the program
    // ends by itself, so the kill comes first or the end does. Either way the verdict is the
    // output limit, and the thread's launcher serves the next run whole.
    run_limits one_byte = quick_limits();
    one_byte.output_bytes = 1;
    for (int i = 0; i < 50; ++i) {
        const run_result stopped = run({program("echo_stdin")}, "xy", one_byte);
        CHECK(stopped.stopped_by == limit_kind::output);
        CHECK(stopped.stdout_bytes == "x");
        const run_result next = run({program("echo_stdin")}, "y" + std::to_string(i));
        CHECK(next.exit_code == 0);
        CHECK(next.stopped_by == limit_kind::none);
        CHECK(next.stdout_bytes == "y" + std::to_string(i));
    }
}

TEST_CASE("a program that cannot be started is reported with the reason") {
    CHECK_THROWS_WITH_AS(run({program("CMakeFiles")}), doctest::Contains("cannot run"),
                         algojudge::process_error);
    // More arguments, or longer ones, than the launcher holds: refused, never cut short.
    std::vector<std::string> many(5000, "x");
    many[0] = "true";
    CHECK_THROWS_WITH_AS(run(many), doctest::Contains("Argument list too long"),
                         algojudge::process_error);
    CHECK_THROWS_WITH_AS(run({"true", std::string(2u << 20, 'x')}),
                         doctest::Contains("Argument list too long"), algojudge::process_error);
    // The launcher goes on serving after a refusal.
    CHECK(run({program("echo_stdin")}, "x").stdout_bytes == "x");
}

TEST_CASE("untouched address space reservations are not counted") {
    const run_result result = run({program("reserve_untouched")});
    CHECK(result.exit_code == 0);
    CHECK(result.stopped_by == limit_kind::none);
    CHECK(result.stdout_bytes == "done\n");
    CHECK(result.peak_memory_bytes < quick_limits().memory_bytes);
}

TEST_CASE("a sanitized program's shadow memory reservation is not counted") {
    // This test binary itself: in the ALGOJUDGE_SANITIZE build, ASan maps terabytes of shadow.
    // What it touches is counted: about 256 MiB at start-up in that build (its shadow of the
    // binary's own data), hence 1 GiB here, still thousands of times below the reservation.
    run_limits limits = quick_limits();
    limits.memory_bytes = std::uint64_t{1} << 30;
    limits.cpu_seconds = 5;
    limits.wall_seconds = 10;
    const std::string self = std::filesystem::read_symlink("/proc/self/exe").string();
    const run_result result = run({self, "--version"}, "", limits);
    CHECK(result.exit_code == 0);
    CHECK(result.stopped_by == limit_kind::none);
    CHECK(result.stdout_bytes.find("doctest") != std::string::npos);
}

TEST_CASE("endless output is stopped by the output limit") {
    const run_result result = run({program("endless_output")});
    CHECK(result.stopped_by == limit_kind::output);
    CHECK(result.signal == SIGXFSZ);  // RLIMIT_FSIZE: the first write past the limit
    CHECK(result.stdout_bytes.size() == quick_limits().output_bytes);
}

TEST_CASE("a program that ignores SIGXFSZ is stopped at the next sample") {
    const run_result result = run({program("endless_output"), "ignore-sigxfsz"});
    CHECK(result.stopped_by == limit_kind::output);
    CHECK(result.signal == SIGKILL);
    CHECK(result.stdout_bytes.size() == quick_limits().output_bytes);
}

TEST_CASE("endless output on stderr is stopped by the output limit too") {
    const run_result result = run({program("endless_output"), "stderr"});
    CHECK(result.stopped_by == limit_kind::output);
    CHECK(result.stdout_bytes.empty());
    CHECK(result.stderr_tail == std::string(quick_limits().stderr_keep_bytes, 'y'));
}

TEST_CASE("output just at the limit is accepted") {
    run_limits limits = quick_limits();
    limits.output_bytes = 5;
    const run_result result = run_process({"printf", "1234\\n"}, "", limits, false);
    CHECK(result.stopped_by == limit_kind::none);
    CHECK(result.exit_code == 0);
    CHECK(result.stdout_bytes == "1234\n");
    limits.output_bytes = 4;
    const run_result over = run_process({"printf", "1234\\n"}, "", limits, false);
    CHECK(over.stopped_by == limit_kind::output);
    CHECK(over.stdout_bytes == "1234");
}

TEST_CASE("only the tail of stderr is kept") {
    const run_result result = run({program("stderr_lines"), "50000"});  // 539 KB
    CHECK(result.exit_code == 1);
    CHECK(result.stderr_tail.size() == quick_limits().stderr_keep_bytes);
    CHECK(result.stderr_tail.ends_with("line 49999\nline 50000\n"));
}

TEST_CASE("a command that cannot run is reported before running") {
    CHECK(check_command_runnable({program("echo_stdin")}, false) == std::nullopt);
    CHECK(check_command_runnable({"sh"}, false) == std::nullopt);
    CHECK(check_command_runnable({}, false).has_value());

    const auto missing = check_command_runnable({"algojudge-no-such-command"}, false);
    REQUIRE(missing);
    CHECK(missing->find("not found") != std::string::npos);

    const auto no_file = check_command_runnable({program("no_such_program")}, false);
    REQUIRE(no_file);
    CHECK(no_file->find("No such file") != std::string::npos);

    const auto not_executable =
        check_command_runnable({std::string(ALGOJUDGE_TEST_PROGRAMS_DIR) + "/CMakeFiles"}, false);
    CHECK(not_executable.has_value());

    CHECK_THROWS_AS(run({"algojudge-no-such-command"}), algojudge::process_error);
}

namespace {

// A listening socket on 127.0.0.1; the probe's connect succeeds outside the sandbox only.
class loopback_listener {
  public:
    loopback_listener() {
        fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t size = sizeof address;
        ::bind(fd_, reinterpret_cast<sockaddr*>(&address), size);
        ::listen(fd_, 4);
        ::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &size);
        port_ = ntohs(address.sin_port);
    }
    ~loopback_listener() { ::close(fd_); }
    loopback_listener(const loopback_listener&) = delete;
    loopback_listener& operator=(const loopback_listener&) = delete;
    int port() const { return port_; }

  private:
    int fd_ = -1;
    int port_ = 0;
};

}  // namespace

TEST_CASE("the probe can do everything without the sandbox") {
    const loopback_listener listener;
    const std::string outside = program("sandbox_probe.out");
    const run_result result =
        run({program("sandbox_probe"), std::to_string(listener.port()), outside});
    CHECK(result.exit_code == 0);
    CHECK(result.stdout_bytes == "connect=ok\nwrite_outside=ok\nwrite_tmp=ok\n");
}

TEST_CASE("--sandbox denies network and writes outside /tmp") {
    if (const auto unusable = check_sandbox_usable()) {
        MESSAGE("skipped: the bwrap sandbox cannot run here: ", *unusable);
        return;
    }
    const loopback_listener listener;
    // Outside /tmp even when the build tree is under /tmp (behind the sandbox's private /tmp
    // a path there would be writable).
    const std::string outside = "/var/tmp/algojudge-sandbox-probe-" + std::to_string(::getpid());
    const run_result result =
        run_process({program("sandbox_probe"), std::to_string(listener.port()), outside}, "",
                    quick_limits(), true);
    CHECK(result.exit_code == 0);
    CHECK(result.stdout_bytes == "connect=denied\nwrite_outside=denied\nwrite_tmp=ok\n");

    // A program compiled into /tmp is still found behind the private /tmp.
    const algojudge::testing::scratch_dir scratch;
    const std::filesystem::path copy = scratch / "echo_stdin";
    std::filesystem::copy_file(program("echo_stdin"), copy);
    const run_result echoed = run_process({copy.string()}, "hello", quick_limits(), true);
    CHECK(echoed.exit_code == 0);
    CHECK(echoed.stdout_bytes == "hello");

    // The private /tmp is memory: it holds no more than the memory limit (the output limit,
    // which caps every file, is set above it here).
    run_limits roomy_files = quick_limits();
    roomy_files.output_bytes = 1u << 30;
    const run_result filled =
        run_process({"sh", "-c", "head -c 100000000 /dev/zero > /tmp/fill 2>&1 || echo full"}, "",
                    roomy_files, true);
    CHECK(filled.stdout_bytes == "full\n");
    CHECK(filled.stopped_by == limit_kind::none);

    // Limits still hold inside: the whole sandbox is one process group.
    const run_result spin = run_process({program("spin")}, "", quick_limits(), true);
    CHECK(spin.stopped_by == limit_kind::cpu_time);
    const run_result grab = run_process({program("grab_memory"), "4096"}, "", quick_limits(), true);
    CHECK(grab.stopped_by == limit_kind::memory);
}
