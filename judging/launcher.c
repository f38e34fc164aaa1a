/* algojudge-launch: starts every program the judge runs (judging/process_runner.cpp).
 *
 * Why it exists: Linux's ru_maxrss of a process counts the memory of the process that started
 * it, because exec folds the old address space's peak into the new program's figure. A program
 * spawned straight from the judge would be reported as using at least the judge's own peak
 * memory (5.5 MiB for a trivial C program; any program got "memory" once the judge itself
 * held more than the limit). The launcher is a small static program: programs started from it
 * start from its few hundred KiB. One launcher serves one judge thread for its whole life, so
 * a case costs one process, not two.
 *
 *   algojudge-launch      (descriptor 3: a SOCK_SEQPACKET socket to the judge)
 *
 * For each request, {cpu seconds (int64), then argv as NUL-terminated strings} with stdin,
 * stdout and stderr attached (SCM_RIGHTS), it forks; the child starts a new session, takes the
 * three descriptors, RLIMIT_CPU (soft the given seconds, hard one more), RLIMIT_CORE 0 (the
 * launcher's own) and default signals, and execs argv (PATH search as execvp). The judge
 * thread's death signal is not inherited by a fork. Replies, each five int64:
 *   {0, errno, pid, 0, 0}   at once after the fork (errno 0), or when it failed (pid 0, no more)
 *   {2, status, peak KiB, cpu microseconds, exec errno}   when the program has exited: the
 *                           launcher has killed the rest of its group while it was still
 *                           unreaped (so its pid, the group id, could not be reused), then
 *                           reaped it; exec errno is 0 unless the exec itself failed.
 * While a program runs, a one-byte message "k" from the judge kills its whole group (a limit
 * was hit); one that arrives after the program ended is ignored. Every start and end costs
 * one message each way, and no reply waits for the exec: the judge feeds stdin and watches the
 * pipes meanwhile. End of file on the socket ends the launcher (a running program's group
 * killed first); so does the death of the judge thread that started it (PR_SET_PDEATHSIG), and
 * with it a sandboxed program's bwrap (--die-with-parent). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

enum { judge_fd = 3, max_request = 1 << 17 }; /* the judge sends no more (process_runner.cpp) */

static char request[max_request];

static int reply(int64_t kind, int64_t a, int64_t b, int64_t c, int64_t d) {
    const int64_t record[5] = {kind, a, b, c, d};
    ssize_t put;
    while ((put = send(judge_fd, record, sizeof record, MSG_NOSIGNAL)) < 0 && errno == EINTR) {
    }
    return put == (ssize_t)sizeof record;
}

/* Reads one request; returns its size, 0 at end of file, -1 on a malformed one, -2 on one too
 * long to hold (its descriptors closed), -3 on a late "k" (for a program already ended). */
static ssize_t receive(int fds[3]) {
    char control[CMSG_SPACE(3 * sizeof(int))];
    struct iovec data = {request, sizeof request - 1};
    struct msghdr message = {0};
    message.msg_iov = &data;
    message.msg_iovlen = 1;
    message.msg_control = control;
    message.msg_controllen = sizeof control;
    ssize_t got;
    while ((got = recvmsg(judge_fd, &message, MSG_CMSG_CLOEXEC)) < 0 && errno == EINTR) {
    }
    if (got <= 0) return got < 0 ? -1 : 0;
    struct cmsghdr* header = CMSG_FIRSTHDR(&message);
    if (got == 1 && request[0] == 'k' && !header) return -3;
    if (!header || header->cmsg_type != SCM_RIGHTS ||
        header->cmsg_len != CMSG_LEN(3 * sizeof(int)) || got < (ssize_t)sizeof(int64_t) + 2) {
        return -1;
    }
    memcpy(fds, CMSG_DATA(header), 3 * sizeof(int));
    if (message.msg_flags & MSG_TRUNC) { /* argv over max_request: refused, never cut short */
        for (int i = 0; i < 3; ++i)
            close(fds[i]);
        return -2;
    }
    request[got] = '\0';
    return got;
}

/* The child: never returns. Reports a failed exec through `error_pipe` (close-on-exec). */
static void become_program(const int fds[3], int64_t cpu_seconds, char** argv, int error_pipe) {
    setsid();
    for (int i = 0; i < 3; ++i) {
        if (dup2(fds[i], i) < 0) break;
    }
    const struct rlimit cpu = {(rlim_t)cpu_seconds, (rlim_t)cpu_seconds + 1};
    setrlimit(RLIMIT_CPU, &cpu);
    signal(SIGPIPE, SIG_DFL); /* the launcher's own SIG_IGN must not reach the program */
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    execvp(argv[0], argv);
    const int error = errno;
    while (write(error_pipe, &error, sizeof error) < 0 && errno == EINTR) {
    }
    _exit(127);
}

/* Waits until the program exits, killing its group when the judge says "k" or goes away;
 * returns 0 when the judge went away. */
static int wait_for_exit(pid_t pid, int child_signals) {
    int judge_here = 1;
    for (;;) {
        struct pollfd watch[2] = {{child_signals, POLLIN, 0}, {judge_fd, POLLIN, 0}};
        if (poll(watch, judge_here ? 2 : 1, -1) < 0) {
            if (errno == EINTR) continue;
            kill(-pid, SIGKILL); /* cannot watch: end it, the caller's wait4 then returns */
            return judge_here;
        }
        if (watch[0].revents) {
            struct signalfd_siginfo signals[8];
            while (read(child_signals, signals, sizeof signals) > 0) {
            }
            siginfo_t info;
            info.si_pid = 0;
            if (waitid(P_PID, (id_t)pid, &info, WEXITED | WNOHANG | WNOWAIT) == 0 &&
                info.si_pid == pid) {
                return judge_here;
            }
        }
        if (judge_here && watch[1].revents) {
            char message;
            const ssize_t got = recv(judge_fd, &message, 1, MSG_DONTWAIT);
            if (got == 0 || (got < 0 && errno != EINTR && errno != EAGAIN)) judge_here = 0;
            if (got <= 0 || message == 'k') kill(-pid, SIGKILL);
        }
    }
}

/* One request: start the program, say so at once, wait for its end, kill what is left of its
 * group, reap it, report. A plain fork of this small process measured cheaper than posix_spawn
 * here (1.3x against 1.5x a minimal fork/exec loop, scripts/judge_overhead.sh). */
static int serve(ssize_t size, const int fds[3], int child_signals) {
    int64_t cpu_seconds;
    memcpy(&cpu_seconds, request, sizeof cpu_seconds);
    char* argv[4096];
    int argc = 0;
    for (char* at = request + sizeof cpu_seconds; at < request + size; at += strlen(at) + 1) {
        if (argc == 4095) { /* more arguments than we hold: refused, never cut short */
            for (int i = 0; i < 3; ++i)
                close(fds[i]);
            return reply(0, E2BIG, 0, 0, 0);
        }
        argv[argc++] = at;
    }
    argv[argc] = NULL;
    int error_pipe[2];
    if (argc == 0 || pipe2(error_pipe, O_CLOEXEC) != 0) {
        for (int i = 0; i < 3; ++i)
            close(fds[i]);
        return reply(0, EINVAL, 0, 0, 0);
    }
    const pid_t pid = fork();
    if (pid == 0) become_program(fds, cpu_seconds, argv, error_pipe[1]);
    const int fork_error = errno;
    for (int i = 0; i < 3; ++i)
        close(fds[i]);
    close(error_pipe[1]);
    if (pid < 0) {
        close(error_pipe[0]);
        return reply(0, fork_error, 0, 0, 0);
    }
    const int judge_here = reply(0, 0, pid, 0, 0) && wait_for_exit(pid, child_signals);
    kill(-pid, SIGKILL); /* the rest of the group, while the leader is unreaped */
    /* The child is dead: its end of the pipe is closed, the read cannot block. */
    int exec_error = 0;
    ssize_t got;
    while ((got = read(error_pipe[0], &exec_error, sizeof exec_error)) < 0 && errno == EINTR) {
    }
    if (got != (ssize_t)sizeof exec_error) exec_error = 0; /* end of file: the exec succeeded */
    close(error_pipe[0]);
    int status = 0;
    struct rusage usage;
    while (wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
    }
    if (!judge_here) return 0;
    const int64_t cpu_microseconds =
        (int64_t)(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000000 +
        usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
    return reply(2, status, usage.ru_maxrss, cpu_microseconds, exec_error);
}

int main(void) {
    const pid_t judge = getppid();
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != judge) return 1;
    fcntl(judge_fd, F_SETFD, FD_CLOEXEC); /* never inherited by a program */
    const struct rlimit no_core = {0, 0}; /* inherited by every program: no core files */
    setrlimit(RLIMIT_CORE, &no_core);
    signal(SIGPIPE, SIG_IGN);
    /* SIGCHLD blocked and read from a descriptor, so one poll waits for the program and the
     * judge at once (a program unblocks it before its exec: become_program). */
    sigset_t child_exits;
    sigemptyset(&child_exits);
    sigaddset(&child_exits, SIGCHLD);
    sigprocmask(SIG_BLOCK, &child_exits, NULL);
    const int child_signals = signalfd(-1, &child_exits, SFD_NONBLOCK | SFD_CLOEXEC);
    if (child_signals < 0) return 1;
    for (;;) {
        int fds[3];
        const ssize_t size = receive(fds);
        if (size == 0) return 0;
        if (size == -3) continue;
        if (size == -2) {
            if (!reply(0, E2BIG, 0, 0, 0)) return 1;
            continue;
        }
        if (size < 0) return 1;
        if (!serve(size, fds, child_signals)) return 1;
    }
}
