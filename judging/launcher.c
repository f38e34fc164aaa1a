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
 * For each request, {cpu seconds, file bytes (two int64), then argv as NUL-terminated strings}
 * with stdin, stdout, stderr and an error pipe attached (SCM_RIGHTS), it clones a child whose
 * parent is the judge (CLONE_PARENT): the child starts a new session, takes the three
 * descriptors, RLIMIT_CPU (soft the given seconds, hard one more), RLIMIT_FSIZE (the given
 * bytes), RLIMIT_CORE 0 (the launcher's own), default signals and the launcher's CPU (that of
 * the judge thread that started it), and execs argv (PATH search as execvp); a failed exec
 * writes its errno (an int) into the error pipe. The child's memory is a copy of this small
 * process, so its ru_maxrss starts from here; its parent is the judge, which waits for it,
 * kills its group and reaps it itself, as with a child of its own: the launcher never waits.
 * One reply, four int64:
 *   {0, errno, pid, 0}   at once after the clone (errno 0), or when it failed (pid 0)
 * A program's start costs one message each way and one wake-up of the launcher; its end
 * involves the launcher not at all. End of file on the socket ends the launcher; so does the
 * death of the judge thread that started it (PR_SET_PDEATHSIG), and with it a sandboxed
 * program's bwrap (--die-with-parent). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

enum { judge_fd = 3, max_request = 1 << 17 }; /* the judge sends no more (process_runner.cpp) */

static char request[max_request];

static int reply(int64_t kind, int64_t a, int64_t b, int64_t c) {
    const int64_t record[4] = {kind, a, b, c};
    ssize_t put;
    while ((put = send(judge_fd, record, sizeof record, MSG_NOSIGNAL)) < 0 && errno == EINTR) {
    }
    return put == (ssize_t)sizeof record;
}

enum { request_fds = 4 }; /* stdin, stdout, stderr, the error pipe */

static void close_all(const int fds[request_fds]) {
    for (int i = 0; i < request_fds; ++i)
        close(fds[i]);
}

/* Reads one request; returns its size, 0 at end of file, -1 on a malformed one, -2 on one too
 * long to hold (its descriptors closed). */
static ssize_t receive(int fds[request_fds]) {
    char control[CMSG_SPACE(request_fds * sizeof(int))];
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
    if (!header || header->cmsg_type != SCM_RIGHTS ||
        header->cmsg_len != CMSG_LEN(request_fds * sizeof(int)) ||
        got < (ssize_t)(2 * sizeof(int64_t)) + 2) {
        return -1;
    }
    memcpy(fds, CMSG_DATA(header), request_fds * sizeof(int));
    if (message.msg_flags & MSG_TRUNC) { /* argv over max_request: refused, never cut short */
        close_all(fds);
        return -2;
    }
    request[got] = '\0';
    return got;
}

/* The child: never returns. Reports a failed exec through fds[3] (close-on-exec). */
static void become_program(const int fds[request_fds], const int64_t limits[2], char** argv) {
    setsid();
    for (int i = 0; i < 3; ++i) {
        if (dup2(fds[i], i) < 0) break;
    }
    const struct rlimit cpu = {(rlim_t)limits[0], (rlim_t)limits[0] + 1};
    setrlimit(RLIMIT_CPU, &cpu);
    const struct rlimit file_size = {(rlim_t)limits[1], (rlim_t)limits[1]};
    setrlimit(RLIMIT_FSIZE, &file_size);
    signal(SIGPIPE, SIG_DFL); /* the launcher's own SIG_IGN must not reach the program */
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    execvp(argv[0], argv);
    const int error = errno;
    while (write(fds[3], &error, sizeof error) < 0 && errno == EINTR) {
    }
    _exit(127);
}

/* One request: start the program as the judge's child and say its pid. A clone of this small
 * process measured cheaper than posix_spawn here (scripts/judge_overhead.sh). */
static int serve(ssize_t size, const int fds[request_fds]) {
    int64_t limits[2];
    memcpy(limits, request, sizeof limits);
    char* argv[4096];
    int argc = 0;
    for (char* at = request + sizeof limits; at < request + size; at += strlen(at) + 1) {
        if (argc == 4095) { /* more arguments than we hold: refused, never cut short */
            close_all(fds);
            return reply(0, E2BIG, 0, 0);
        }
        argv[argc++] = at;
    }
    argv[argc] = NULL;
    if (argc == 0) {
        close_all(fds);
        return reply(0, EINVAL, 0, 0);
    }
    /* fork, but the child's parent is the judge: CLONE_PARENT, its exit signal SIGCHLD. */
    const pid_t pid = (pid_t)syscall(SYS_clone, CLONE_PARENT | SIGCHLD, 0, 0, 0, 0);
    if (pid == 0) become_program(fds, limits, argv);
    const int error = pid < 0 ? errno : 0;
    close_all(fds);
    return reply(0, error, pid < 0 ? 0 : pid, 0);
}

int main(void) {
    const pid_t judge = getppid();
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != judge) return 1;
    fcntl(judge_fd, F_SETFD, FD_CLOEXEC); /* never inherited by a program */
    const struct rlimit no_core = {0, 0}; /* inherited by every program: no core files */
    setrlimit(RLIMIT_CORE, &no_core);
    signal(SIGPIPE, SIG_IGN);
    for (;;) {
        int fds[request_fds];
        const ssize_t size = receive(fds);
        if (size == 0) return 0;
        if (size == -2) {
            if (!reply(0, E2BIG, 0, 0)) return 1;
            continue;
        }
        if (size < 0) return 1;
        if (!serve(size, fds)) return 1;
    }
}
