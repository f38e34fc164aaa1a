#include "judging/process_runner.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <spawn.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <utility>

extern char** environ;

namespace algojudge {

namespace detail {

using clock = std::chrono::steady_clock;

// Closes its descriptor on scope exit; -1 means none.
class unique_fd {
  public:
    explicit unique_fd(int fd = -1) : fd_(fd) {}
    ~unique_fd() { reset(); }
    unique_fd(const unique_fd&) = delete;
    unique_fd& operator=(const unique_fd&) = delete;
    unique_fd(unique_fd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
    unique_fd& operator=(unique_fd&& other) noexcept {
        if (this != &other) {
            reset();
            fd_ = std::exchange(other.fd_, -1);
        }
        return *this;
    }
    int get() const { return fd_; }
    void reset() {
        if (fd_ >= 0) ::close(fd_);
        fd_ = -1;
    }

  private:
    int fd_;
};

[[noreturn]] void fail(const std::string& what) {
    throw process_error(what + ": " + std::strerror(errno));
}

// A pipe whose both ends are close-on-exec (the error pipe of an exec).
struct pipe_pair {
    unique_fd read_end, write_end;
};

pipe_pair make_pipe() {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) fail("pipe2");
    return {unique_fd(fds[0]), unique_fd(fds[1])};
}

// A file in memory (memfd), close-on-exec: the program's stdin, stdout or stderr. A program
// sees a regular file, as with `./a.out < in > out`.
unique_fd memory_file(const char* name, unsigned flags = 0) {
    const int fd = ::memfd_create(name, MFD_CLOEXEC | flags);
    if (fd < 0) fail("memfd_create");
    return unique_fd(fd);
}

// The input, written whole and sealed against writes: the program can read it, seek in it,
// map it, but not change it for anyone else.
unique_fd input_file(std::string_view input) {
    unique_fd file = memory_file("algojudge-stdin", MFD_ALLOW_SEALING);
    for (std::size_t written = 0; written < input.size();) {
        const ssize_t put = ::write(file.get(), input.data() + written, input.size() - written);
        if (put < 0 && errno == EINTR) continue;
        if (put <= 0) fail("writing the input");
        written += static_cast<std::size_t>(put);
    }
    if (::lseek(file.get(), 0, SEEK_SET) != 0) fail("lseek");
    ::fcntl(file.get(), F_ADD_SEALS, F_SEAL_WRITE | F_SEAL_GROW | F_SEAL_SHRINK | F_SEAL_SEAL);
    return file;
}

// Never throws: it is also asked while the program runs, before it is killed and reaped.
// (fstat of a memfd we hold does not fail; if it did, the file would count as empty.)
std::uint64_t file_size(int fd) {
    struct stat info;
    if (::fstat(fd, &info) != 0) return 0;
    return static_cast<std::uint64_t>(info.st_size);
}

// `size` bytes from `offset` (fewer if the file is shorter).
std::string read_file_range(int fd, std::uint64_t offset, std::uint64_t size) {
    std::string bytes(static_cast<std::size_t>(size), '\0');
    std::size_t got = 0;
    while (got < bytes.size()) {
        const ssize_t part =
            ::pread(fd, bytes.data() + got, bytes.size() - got, static_cast<off_t>(offset + got));
        if (part < 0 && errno == EINTR) continue;
        if (part < 0) fail("reading the program's output");
        if (part == 0) break;
        got += static_cast<std::size_t>(part);
    }
    bytes.resize(got);
    return bytes;
}

bool is_executable_file(const std::string& path) {
    struct stat info;
    return ::stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode) &&
           ::access(path.c_str(), X_OK) == 0;
}

// execvp's search: a name with a '/' is a path; otherwise each PATH entry in turn.
std::optional<std::string> resolve_command(const std::string& name) {
    if (name.find('/') != std::string::npos) {
        if (is_executable_file(name)) return name;
        return std::nullopt;
    }
    const char* path_variable = std::getenv("PATH");
    const std::string path = path_variable ? path_variable : "/usr/local/bin:/usr/bin:/bin";
    for (std::size_t start = 0;;) {
        const std::size_t end = std::min(path.find(':', start), path.size());
        // An empty entry means the current folder, as for execvp.
        const std::string candidate =
            (end > start ? path.substr(start, end - start) : std::string(".")) + "/" + name;
        if (is_executable_file(candidate)) return candidate;
        if (end == path.size()) return std::nullopt;
        start = end + 1;
    }
}

// The command wrapped in bwrap: everything read-only but a private /tmp, fresh /dev and
// /proc, no network (only a loopback of its own), its own PID namespace, killed when we die.
// Files in the private /tmp live in memory but are no one's RSS: its size is capped at the
// memory limit. The program is named by its absolute path; one under /tmp (an a.out compiled
// there) is bound read-only into the private /tmp so that it can still be run.
std::vector<std::string> sandbox_command(const std::vector<std::string>& argv,
                                         std::uint64_t tmp_bytes) {
    // clang-format off
    std::vector<std::string> command = {
        "bwrap",
        "--ro-bind", "/", "/",
        "--dev", "/dev",
        "--proc", "/proc",
        "--size", std::to_string(tmp_bytes), "--tmpfs", "/tmp",
        "--unshare-net",
        "--unshare-pid",
        "--die-with-parent"};
    // clang-format on
    std::string program = argv[0];
    if (const std::optional<std::string> found = resolve_command(argv[0])) {
        std::error_code error;
        const std::filesystem::path absolute = std::filesystem::canonical(*found, error);
        if (!error) program = absolute.string();
    }
    if (program.starts_with("/tmp/")) {
        command.insert(command.end(), {"--ro-bind", program, program});
    }
    command.push_back("--");
    command.push_back(program);
    command.insert(command.end(), argv.begin() + 1, argv.end());
    return command;
}

// Orphaned grandchildren come to us, so they can be killed with the group and reaped.
void become_subreaper() {
    static std::once_flag once;
    std::call_once(once, [] { ::prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0); });
}

// Pins the calling thread to one CPU, so that it, its launcher and every program they start
// run there: the first thread to start a launcher keeps the CPU it is on, each later one takes
// the next CPU the process may use (parallel workers get CPUs of their own). A case then
// wakes no other CPU, which on a VM is costly (docs/judge-limits.md, "Where programs run").
// A program's CPU time, the limit, is the same on one CPU; its threads just take turns.
void pin_to_a_cpu() {
    struct cpus {
        std::vector<int> allowed;  // the process's CPUs before any pin
        int first = 0;             // the index of the first thread's CPU
    };
    static const cpus usable = [] {
        cpus found;
        cpu_set_t set;
        if (::sched_getaffinity(0, sizeof set, &set) != 0) return found;
        for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu) {
            if (CPU_ISSET(cpu, &set)) found.allowed.push_back(cpu);
        }
        const auto here = std::find(found.allowed.begin(), found.allowed.end(), ::sched_getcpu());
        if (here != found.allowed.end())
            found.first = static_cast<int>(here - found.allowed.begin());
        return found;
    }();
    static std::atomic<std::size_t> pinned{0};
    if (usable.allowed.empty()) return;
    const std::size_t turn = pinned.fetch_add(1);
    const int cpu =
        usable.allowed[(static_cast<std::size_t>(usable.first) + turn) % usable.allowed.size()];
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(cpu, &one);
    ::sched_setaffinity(0, sizeof one, &one);  // the calling thread; a failure only costs speed
}

// The launcher (judging/launcher.c): beside the executable (the build tree), in
// ../libexec/algojudge (an installed copy), or where this build put it (the test binary).
std::string launcher_path() {
    static const std::optional<std::string> path = []() -> std::optional<std::string> {
        std::vector<std::filesystem::path> candidates;
        std::error_code error;
        const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
        if (!error) {
            candidates.push_back(self.parent_path() / "algojudge-launch");
            candidates.push_back(self.parent_path().parent_path() / "libexec" / "algojudge" /
                                 "algojudge-launch");
        }
        candidates.emplace_back(ALGOJUDGE_LAUNCHER_BUILD_PATH);
        for (const std::filesystem::path& candidate : candidates) {
            if (is_executable_file(candidate.string())) return candidate.string();
        }
        return std::nullopt;
    }();
    // Not the user's fault: the installation is incomplete (exit status 3).
    if (!path) throw std::runtime_error("algojudge-launch is missing beside the executable");
    return *path;
}

// A reply of the launcher: {kind, a, b, c} (judging/launcher.c).
struct launcher_reply {
    std::int64_t kind = -1, a = 0, b = 0, c = 0;
};

// The launcher of this thread: started at its first program, it clones every later one as a
// child of ours (CLONE_PARENT), so a case costs one new process, and its memory figure starts
// from the launcher's. Ends with the thread (its socket closed, it exits and is reaped).
class launcher_connection {
  public:
    launcher_connection() : owner_(::getpid()) {
        int sockets[2];
        if (::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sockets) != 0) {
            fail("socketpair");
        }
        socket_ = unique_fd(sockets[0]);
        unique_fd theirs(sockets[1]);
        const std::string path = launcher_path();
        pin_to_a_cpu();  // before the spawn: the launcher and its programs inherit the CPU
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
        posix_spawn_file_actions_adddup2(&actions, theirs.get(), 3);
        posix_spawn_file_actions_addclosefrom_np(&actions, 4);
        posix_spawnattr_t attributes;
        posix_spawnattr_init(&attributes);
        sigset_t no_signals, all_signals;
        sigemptyset(&no_signals);
        sigfillset(&all_signals);
        posix_spawnattr_setsigmask(&attributes, &no_signals);      // no blocked signals
        posix_spawnattr_setsigdefault(&attributes, &all_signals);  // no inherited SIG_IGN
        posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
        char* argv[] = {const_cast<char*>(path.c_str()), nullptr};
        const int error = ::posix_spawn(&pid_, path.c_str(), &actions, &attributes, argv, environ);
        posix_spawnattr_destroy(&attributes);
        posix_spawn_file_actions_destroy(&actions);
        if (error != 0) {
            throw std::runtime_error(path + ": cannot run the launcher: " + std::strerror(error));
        }
    }
    ~launcher_connection() {
        socket_.reset();
        if (owner_ == ::getpid()) {
            while (::waitpid(pid_, nullptr, 0) < 0 && errno == EINTR) {
            }
        }
    }
    launcher_connection(const launcher_connection&) = delete;
    launcher_connection& operator=(const launcher_connection&) = delete;

    // This thread's launcher; a new one after fork (the inherited one is the parent's).
    static launcher_connection& of_this_thread() {
        thread_local std::optional<launcher_connection> connection;
        if (!connection || connection->owner_ != ::getpid()) {
            if (connection) connection->socket_ = unique_fd();  // the parent's: not ours to end
            connection.emplace();
        }
        return *connection;
    }

    // Starts argv with the three descriptors as its stdin, stdout and stderr, RLIMIT_FSIZE
    // file_bytes; returns its pid
    // (its session and group id; our child) at once after the clone, before the exec: a failed
    // exec writes its errno into `error_fd`. Throws process_error when it cannot be started.
    pid_t start(const std::vector<std::string>& argv, double cpu_seconds, std::uint64_t file_bytes,
                int stdin_fd, int stdout_fd, int stderr_fd, int error_fd) {
        // RLIMIT_CPU as a backstop in case polling is starved: soft ceil(limit) + 1 s.
        const std::int64_t limits[2] = {static_cast<std::int64_t>(std::ceil(cpu_seconds)) + 1,
                                        static_cast<std::int64_t>(file_bytes)};
        std::string request(reinterpret_cast<const char*>(limits), sizeof limits);
        for (const std::string& arg : argv)
            request.append(arg).push_back('\0');
        // The launcher's request buffer (judging/launcher.c), well inside a socket buffer.
        constexpr std::size_t max_request = 1 << 17;
        if (request.size() >= max_request) {
            throw process_error(argv[0] + ": cannot run: " + std::strerror(E2BIG));
        }
        const int fds[4] = {stdin_fd, stdout_fd, stderr_fd, error_fd};
        alignas(cmsghdr) char control[CMSG_SPACE(sizeof fds)] = {};
        iovec data{request.data(), request.size()};
        msghdr message{};
        message.msg_iov = &data;
        message.msg_iovlen = 1;
        message.msg_control = control;
        message.msg_controllen = sizeof control;
        cmsghdr* header = CMSG_FIRSTHDR(&message);
        header->cmsg_level = SOL_SOCKET;
        header->cmsg_type = SCM_RIGHTS;
        header->cmsg_len = CMSG_LEN(sizeof fds);
        std::memcpy(CMSG_DATA(header), fds, sizeof fds);
        ssize_t sent;
        while ((sent = ::sendmsg(socket_.get(), &message, MSG_NOSIGNAL)) < 0 && errno == EINTR) {
        }
        if (sent != static_cast<ssize_t>(request.size())) fail("the launcher: sendmsg");
        const launcher_reply started = receive();
        if (started.kind != 0) throw std::runtime_error("the launcher failed");
        if (started.a != 0) {
            throw process_error(argv[0] +
                                ": cannot run: " + std::strerror(static_cast<int>(started.a)));
        }
        return static_cast<pid_t>(started.b);
    }

    // One reply; kind -1 when the launcher is gone.
    launcher_reply receive() {
        launcher_reply reply;
        std::int64_t record[4];
        ssize_t got;
        while ((got = ::recv(socket_.get(), record, sizeof record, 0)) < 0 && errno == EINTR) {
        }
        if (got == static_cast<ssize_t>(sizeof record)) {
            reply = {record[0], record[1], record[2], record[3]};
        }
        return reply;
    }

  private:
    pid_t owner_;
    pid_t pid_ = -1;
    unique_fd socket_;
};

struct group_sample {
    std::uint64_t resident_bytes = 0;
    double cpu_seconds = 0;  // of live members and the children they reaped
};

// What /proc/<pid>/stat says of one process.
struct process_stat {
    pid_t pgrp = 0;
    double cpu_seconds = 0;  // utime + stime + cutime + cstime
    std::uint64_t resident_bytes = 0;
};

// Reads /proc/<pid>/stat; nullopt when the process is gone (or not yet visible).
std::optional<process_stat> read_process_stat(pid_t pid) {
    static const double ticks_per_second = static_cast<double>(::sysconf(_SC_CLK_TCK));
    static const auto page_bytes = static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE));
    char path[32];
    std::snprintf(path, sizeof path, "/proc/%d/stat", static_cast<int>(pid));
    const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    char text[1024];
    const ssize_t size = ::read(fd, text, sizeof text - 1);
    ::close(fd);
    if (size <= 0) return std::nullopt;
    text[size] = '\0';
    // The command name may hold spaces and parentheses: fields start after the last ')'.
    const char* fields = std::strrchr(text, ')');
    if (!fields) return std::nullopt;
    // Fields from 3: state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt
    // utime stime cutime cstime priority nice threads itrealvalue starttime vsize rss.
    int pgrp;
    unsigned long long utime, stime, rss;
    long long cutime, cstime;
    if (std::sscanf(fields + 1,
                    " %*c %*d %d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu %lld %lld %*d %*d "
                    "%*d %*d %*u %*u %llu",
                    &pgrp, &utime, &stime, &cutime, &cstime, &rss) != 6) {
        return std::nullopt;
    }
    const auto ticks = utime + stime + static_cast<unsigned long long>(cutime + cstime);
    return process_stat{static_cast<pid_t>(pgrp), static_cast<double>(ticks) / ticks_per_second,
                        rss * page_bytes};
}

// The last pid the kernel handed out, from /proc/loadavg ("0.1 0.2 0.3 1/80 12345").
std::optional<long> last_pid() {
    const int fd = ::open("/proc/loadavg", O_RDONLY | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    char text[128];
    const ssize_t size = ::read(fd, text, sizeof text - 1);
    ::close(fd);
    if (size <= 0) return std::nullopt;
    text[size] = '\0';
    const char* last_space = std::strrchr(text, ' ');
    if (!last_space) return std::nullopt;
    return std::strtol(last_space + 1, nullptr, 10);
}

// Follows the members of one process group. /proc has no index by group (and this kernel
// lacks /proc/<pid>/task/<tid>/children), and scanning all of /proc every few milliseconds
// costs the judge a fifth of a core. But a new member is a new process, and pids are handed
// out in increasing order, the leader's first: so each sample reads the stat of the known
// members and of the pids handed out since the last sample (the last one is in
// /proc/loadavg). All of /proc is scanned only when pids wrapped or jumped, and once a second
// as a safety net.
class group_watch {
  public:
    explicit group_watch(pid_t leader) : pgid_(leader), last_pid_(leader), members_{leader} {}

    group_sample sample() {
        find_new_members();
        group_sample sample;
        std::erase_if(members_, [&](pid_t pid) {
            const std::optional<process_stat> stat = read_process_stat(pid);
            if (!stat || !in_group(pid, *stat)) return true;  // gone, or left the group
            sample.resident_bytes += stat->resident_bytes;
            sample.cpu_seconds += stat->cpu_seconds;
            return false;
        });
        return sample;
    }

  private:
    static constexpr long max_pid_range = 512;         // beyond that a full scan is cheaper
    static constexpr int samples_per_full_scan = 200;  // 1 s at the default 5 ms
    static constexpr int unseen_retries = 8;

    struct unseen_pid {
        pid_t pid;
        int retries_left;
    };

    void find_new_members() {
        const std::optional<long> newest = last_pid();
        if (!newest || samples_since_full_scan_ >= samples_per_full_scan || *newest < last_pid_ ||
            *newest - last_pid_ > max_pid_range) {
            if (newest) last_pid_ = *newest;
            full_scan();
            return;
        }
        ++samples_since_full_scan_;
        // A pid handed out while its process is still being forked is not in /proc yet:
        // look at it again at the next few samples.
        std::vector<unseen_pid> still_unseen;
        for (const unseen_pid& unseen : unseen_) {
            if (!consider(unseen.pid) && unseen.retries_left > 0) {
                still_unseen.push_back({unseen.pid, unseen.retries_left - 1});
            }
        }
        for (long pid = last_pid_ + 1; pid <= *newest; ++pid) {
            if (!consider(static_cast<pid_t>(pid))) {
                still_unseen.push_back({static_cast<pid_t>(pid), unseen_retries});
            }
        }
        unseen_ = std::move(still_unseen);
        last_pid_ = *newest;
    }

    // The leader belongs even before its setsid (the launcher names it right after the fork);
    // as a session leader it cannot leave.
    bool in_group(pid_t pid, const process_stat& stat) const {
        return stat.pgrp == pgid_ || pid == pgid_;
    }

    // Adds pid when it is in the group; false when /proc does not show it.
    bool consider(pid_t pid) {
        const std::optional<process_stat> stat = read_process_stat(pid);
        if (!stat) return false;
        if (in_group(pid, *stat) &&
            std::find(members_.begin(), members_.end(), pid) == members_.end()) {
            members_.push_back(pid);
        }
        return true;
    }

    void full_scan() {
        samples_since_full_scan_ = 0;
        unseen_.clear();
        members_.clear();
        DIR* proc = ::opendir("/proc");
        if (!proc) return;
        while (const dirent* entry = ::readdir(proc)) {
            if (entry->d_name[0] < '1' || entry->d_name[0] > '9') continue;
            const auto pid = static_cast<pid_t>(std::strtol(entry->d_name, nullptr, 10));
            const std::optional<process_stat> stat = read_process_stat(pid);
            if (stat && in_group(pid, *stat)) members_.push_back(pid);
        }
        ::closedir(proc);
    }

    pid_t pgid_;
    long last_pid_;
    int samples_since_full_scan_ = 0;
    std::vector<pid_t> members_;
    std::vector<unseen_pid> unseen_;
};

double seconds(const timeval& time) {
    return static_cast<double>(time.tv_sec) + static_cast<double>(time.tv_usec) * 1e-6;
}

timespec to_timespec(clock::duration duration) {
    const auto nanoseconds = std::max<long long>(
        0, std::chrono::duration_cast<std::chrono::nanoseconds>(duration).count());
    return {static_cast<time_t>(nanoseconds / 1'000'000'000),
            static_cast<long>(nanoseconds % 1'000'000'000)};
}

}  // namespace detail

std::string_view limit_name(limit_kind kind) {
    switch (kind) {
        case limit_kind::none:
            return "none";
        case limit_kind::cpu_time:
            return "cpu_time";
        case limit_kind::wall_time:
            return "wall_time";
        case limit_kind::memory:
            return "memory";
        case limit_kind::output:
            return "output";
    }
    return "none";
}

std::string signal_name(int signal) {
    const char* abbreviation = ::sigabbrev_np(signal);
    if (abbreviation) return std::string("SIG") + abbreviation;
    return "signal " + std::to_string(signal);
}

std::optional<std::string> check_command_runnable(const std::vector<std::string>& argv,
                                                  bool sandbox) {
    if (argv.empty() || argv[0].empty()) return "no command given";
    if (sandbox && !detail::resolve_command("bwrap")) {
        return "--sandbox needs bubblewrap: bwrap is not on PATH (Debian package bubblewrap)";
    }
    const std::string& name = argv[0];
    if (detail::resolve_command(name)) return std::nullopt;
    if (name.find('/') == std::string::npos) return name + ": command not found on PATH";
    struct stat info;
    if (::stat(name.c_str(), &info) != 0) return name + ": " + std::strerror(errno);
    if (!S_ISREG(info.st_mode)) return name + ": not a regular file";
    return name + ": not executable";
}

std::optional<std::string> check_sandbox_usable() {
    if (auto error = check_command_runnable({"true"}, true)) return error;
    run_limits limits;
    limits.cpu_seconds = 5;
    limits.wall_seconds = 10;
    const run_result result = run_process({"true"}, "", limits, true);
    if (result.exit_code == 0) return std::nullopt;
    std::string reason = result.stderr_tail;
    while (!reason.empty() && (reason.back() == '\n' || reason.back() == '\r'))
        reason.pop_back();
    if (reason.empty()) {
        reason = result.signal
                     ? "bwrap killed by " + signal_name(*result.signal)
                     : "bwrap exited with " + std::to_string(result.exit_code.value_or(-1));
    }
    return reason;
}

namespace detail {

// One run of one program, in two phases: watch it until it exits or passes a limit, then kill
// its group, reap everyone and settle the verdict. Its stdin, stdout and stderr are files in
// memory (memfd): the input is written whole before the start, and the output is read after
// the end, so the program never waits for this thread and this thread wakes only for the
// program's exit (or a sample): a case costs it the wake-ups of a fork/exec/wait4 loop.
class process_run {
  public:
    process_run(std::string_view input, const run_limits& limits)
        : input_(input), limits_(limits) {}

    run_result run(const std::vector<std::string>& command) {
        unique_fd in = input_file(input_);
        out_ = memory_file("algojudge-stdout");
        err_ = memory_file("algojudge-stderr");
        pipe_pair exec_error = make_pipe();
        // Each file the program writes stops at the output limit (RLIMIT_FSIZE, one byte more
        // so that passing it shows); stdout and stderr are two of them.
        const std::uint64_t file_bytes =
            std::min<std::uint64_t>(limits_.output_bytes, INT64_MAX - 1) + 1;
        start_ = clock::now();
        pid_ = launcher_.start(command, limits_.cpu_seconds, file_bytes, in.get(), out_.get(),
                               err_.get(), exec_error.write_end.get());
        watch_.emplace(pid_);
        in.reset();
        exec_error.write_end.reset();
        // Readable once the program (our child) has exited; -1 on a kernel without pidfds
        // (before 5.3), where watch() looks every millisecond instead.
        exit_fd_ = unique_fd(static_cast<int>(::syscall(SYS_pidfd_open, pid_, 0)));

        const int poll_errno = watch();
        // The leader is gone or a limit was hit. Kill the whole group while the leader is
        // still an unreaped zombie (its pid, the group id, cannot be reused until we reap it).
        ::kill(-pid_, SIGKILL);
        reap();
        // A failed exec wrote its errno; end of file means the exec succeeded.
        int exec_errno = 0;
        if (::read(exec_error.read_end.get(), &exec_errno, sizeof exec_errno) ==
                static_cast<ssize_t>(sizeof exec_errno) &&
            exec_errno != 0) {
            throw process_error(command[0] + ": cannot run: " + std::strerror(exec_errno));
        }
        if (poll_errno != 0) {
            errno = poll_errno;
            fail("ppoll");
        }
        collect_output();
        settle_limits();
        return std::move(result_);
    }

  private:
    static clock::duration to_duration(double seconds_value) {
        return std::chrono::duration_cast<clock::duration>(
            std::chrono::duration<double>(seconds_value));
    }

    void kill_group(limit_kind reason) {
        ::kill(-pid_, SIGKILL);
        if (result_.stopped_by == limit_kind::none) result_.stopped_by = reason;
    }

    // Whether stdout or stderr of these sizes passed the output limit.
    bool past_output_limit(std::uint64_t stdout_size, std::uint64_t stderr_size) const {
        return std::max(stdout_size, stderr_size) > limits_.output_bytes;
    }

    // Samples CPU, memory and output of the group; false when a limit was passed (the group
    // killed).
    bool sample_within_limits(clock::time_point now) {
        const group_sample sample = watch_->sample();
        sampled_peak_ = std::max(sampled_peak_, sample.resident_bytes);
        if (sample.cpu_seconds > limits_.cpu_seconds) {
            kill_group(limit_kind::cpu_time);
            return false;
        }
        if (sample.resident_bytes > limits_.memory_bytes) {
            kill_group(limit_kind::memory);
            return false;
        }
        // The program may ignore SIGXFSZ and keep trying.
        if (past_output_limit(file_size(out_.get()), file_size(err_.get()))) {
            kill_group(limit_kind::output);
            return false;
        }
        // Near the memory limit, sample faster: the overshoot is what one interval allows.
        const clock::duration base = to_duration(limits_.poll_interval_seconds);
        const bool near_limit = 2 * sample.resident_bytes > limits_.memory_bytes;
        next_sample_ = now + (near_limit ? std::min(base, to_duration(0.001)) : base);
        return true;
    }

    // Phase 1: until the program exits or a limit is hit. Returns the errno of a failed
    // ppoll, reported once the group is killed and reaped; else 0.
    int watch() {
        const clock::time_point deadline = start_ + to_duration(limits_.wall_seconds);
        next_sample_ = start_ + to_duration(limits_.poll_interval_seconds);
        for (;;) {
            const clock::time_point now = clock::now();
            if (now >= deadline) {
                kill_group(limit_kind::wall_time);
                return 0;
            }
            if (now >= next_sample_ && !sample_within_limits(now)) return 0;
            // Without a pidfd, the exit is looked for every millisecond.
            clock::time_point wake = std::min(next_sample_, deadline);
            if (exit_fd_.get() < 0) wake = std::min(wake, now + std::chrono::milliseconds(1));
            const timespec timeout = to_timespec(wake - now);
            pollfd exit_event{exit_fd_.get(), POLLIN, 0};
            const nfds_t count = exit_fd_.get() >= 0 ? 1 : 0;
            const int ready = ::ppoll(&exit_event, count, &timeout, nullptr);
            if (ready < 0 && errno != EINTR) return errno;
            if (ready > 0 || (exit_fd_.get() < 0 && has_exited())) return 0;
        }
    }

    // Whether the program has exited (it stays unreaped): for kernels without pidfds.
    bool has_exited() const {
        siginfo_t info{};
        return ::waitid(P_PID, static_cast<id_t>(pid_), &info, WEXITED | WNOHANG | WNOWAIT) == 0 &&
               info.si_pid == pid_;
    }

    // Phase 2: reap the program (our child, cloned from the launcher: its ru_maxrss starts
    // from the launcher's few hundred KiB, not from the judge) and every other member of its
    // group (orphans came to us).
    void reap() {
        int status = 0;
        rusage usage{};
        while (::wait4(pid_, &status, 0, &usage) < 0 && errno == EINTR) {
        }
        result_.wall_seconds = std::chrono::duration<double>(clock::now() - start_).count();
        std::uint64_t reaped_peak = static_cast<std::uint64_t>(usage.ru_maxrss) * 1024;
        double cpu = seconds(usage.ru_utime) + seconds(usage.ru_stime);
        for (;;) {
            int member_status;
            rusage member_usage{};
            if (::wait4(-pid_, &member_status, 0, &member_usage) < 0) {
                if (errno == EINTR) continue;
                break;  // ECHILD: none left
            }
            cpu += seconds(member_usage.ru_utime) + seconds(member_usage.ru_stime);
            reaped_peak =
                std::max(reaped_peak, static_cast<std::uint64_t>(member_usage.ru_maxrss) * 1024);
        }
        result_.cpu_seconds = cpu;
        result_.peak_memory_bytes = std::max(sampled_peak_, reaped_peak);
        if (WIFEXITED(status)) result_.exit_code = WEXITSTATUS(status);
        if (WIFSIGNALED(status)) result_.signal = WTERMSIG(status);
    }

    // stdout up to the limit, and the tail of stderr. The group is dead, but a process that
    // escaped it could still write: each file is read once, up to the size it had.
    void collect_output() {
        const std::uint64_t out_size = file_size(out_.get());
        result_.stdout_bytes =
            read_file_range(out_.get(), 0, std::min(out_size, limits_.output_bytes));
        const std::uint64_t err_size = file_size(err_.get());
        const std::uint64_t keep = std::min<std::uint64_t>(err_size, limits_.stderr_keep_bytes);
        result_.stderr_tail = read_file_range(err_.get(), err_size - keep, keep);
        result_.stdout_size = out_size;
        result_.stderr_size = err_size;
    }

    // A program may pass a limit between two samples and finish; rusage has the last word.
    // Only a program the runner did not stop for another reason gets these verdicts.
    void settle_limits() {
        if (result_.stopped_by != limit_kind::none) return;
        if (result_.cpu_seconds > limits_.cpu_seconds) {
            result_.stopped_by = limit_kind::cpu_time;
        } else if (result_.peak_memory_bytes > limits_.memory_bytes) {
            result_.stopped_by = limit_kind::memory;
        } else if (result_.signal == SIGXCPU) {
            result_.stopped_by = limit_kind::cpu_time;  // the RLIMIT_CPU backstop fired
        } else if (past_output_limit(result_.stdout_size, result_.stderr_size) ||
                   result_.signal == SIGXFSZ) {
            result_.stopped_by = limit_kind::output;  // RLIMIT_FSIZE stopped a write
        }
    }

    std::string_view input_;
    const run_limits& limits_;
    clock::time_point start_;
    launcher_connection& launcher_ = launcher_connection::of_this_thread();
    pid_t pid_ = -1;     // the program: leader of its session and group
    unique_fd exit_fd_;  // the program's pidfd: readable once it exited
    unique_fd out_, err_;
    std::optional<group_watch> watch_;
    run_result result_;
    clock::time_point next_sample_;
    std::uint64_t sampled_peak_ = 0;
};

}  // namespace detail

run_result run_process(const std::vector<std::string>& argv, std::string_view input,
                       const run_limits& limits, bool sandbox) {
    if (argv.empty()) throw process_error("no command given");
    detail::become_subreaper();
    const std::vector<std::string> command =
        sandbox ? detail::sandbox_command(argv, limits.memory_bytes) : argv;
    return detail::process_run(input, limits).run(command);
}

}  // namespace algojudge
