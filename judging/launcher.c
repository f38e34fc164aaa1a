/* algojudge-launch: the first process of every program the judge runs (judging/process_runner).
 *
 * Why it exists: Linux's ru_maxrss of a process counts the memory of the process that started
 * it, because exec folds the old address space's peak into the new program's figure. A program
 * spawned straight from the judge would be reported as using at least the judge's own peak
 * memory (5 MiB for a trivial C program, gigabytes after a big case file). This launcher is a
 * small static program: the judge starts it, it starts the real program, so the program's
 * figure includes only the launcher's few hundred KiB, and it hands that figure back.
 *
 *   algojudge-launch CPU_SECONDS PROGRAM [ARGS...]
 *
 * File descriptor 3 is a pipe to the judge. The launcher sets the program's RLIMIT_CPU
 * (soft CPU_SECONDS, hard one more) and RLIMIT_CORE (0) before starting it, so no window is
 * left without them. It writes two records of three int32 each: first {spawn errno, pid, 0}
 * right after posix_spawnp, then {0, wait status, peak resident KiB} once the program is
 * reaped. It exits as the program did: the same code, or the same signal. Descriptor 3 is
 * close-on-exec, so the program never sees it. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

enum { report_fd = 3 };

static void report(int32_t a, int32_t b, int32_t c) {
    const int32_t record[3] = {a, b, c};
    /* 12 bytes to a pipe are written at once or not at all. */
    while (write(report_fd, record, sizeof record) < 0 && errno == EINTR) {
    }
}

int main(int argc, char** argv) {
    if (argc < 3) return 127;
    const pid_t judge = getppid();
    /* If the judge dies, so does the launcher, and a sandboxed program's bwrap with it
     * (--die-with-parent). The getppid check closes the window before the prctl. */
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != judge) return 127;
    fcntl(report_fd, F_SETFD, FD_CLOEXEC);

    const rlim_t cpu = (rlim_t)strtoull(argv[1], NULL, 10);
    const struct rlimit cpu_limit = {cpu, cpu + 1};
    const struct rlimit no_core = {0, 0};
    setrlimit(RLIMIT_CPU, &cpu_limit);
    setrlimit(RLIMIT_CORE, &no_core);

    pid_t pid;
    const int error = posix_spawnp(&pid, argv[2], NULL, NULL, argv + 2, environ);
    report(error, error == 0 ? pid : 0, 0);
    if (error != 0) return 127;

    int status;
    struct rusage usage;
    while (wait4(pid, &status, 0, &usage) < 0) {
        if (errno != EINTR) return 127;
    }
    report(0, status, (int32_t)usage.ru_maxrss);
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    /* Die of the same signal; the judge reads the program's status from the record anyway. */
    const int signal_number = WTERMSIG(status);
    signal(signal_number, SIG_DFL);
    sigset_t only;
    sigemptyset(&only);
    sigaddset(&only, signal_number);
    sigprocmask(SIG_UNBLOCK, &only, NULL);
    raise(signal_number);
    return 128 + signal_number;
}
