#!/bin/bash
# Where the judge's per-case cost goes when its processes run on different CPUs: a C model of
# the judge's start-and-wait chain (judge -> launcher cloning the program with CLONE_PARENT ->
# program with memory files, setsid and rlimits -> the judge waiting on a pidfd), against a
# minimal fork/exec/wait4 loop, 1,000 runs of a trivial C program per measurement, the
# variants interleaved round by round. Prints each variant's median time per run and its
# median ratio to the minimal loop. Figures: docs/performance.md, "judge: per-case overhead".
# Usage: scripts/judge_placement.sh [rounds (default 9)]
set -euo pipefail
rounds=${1:-9}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

printf '#include <stdio.h>\nint main(void) { puts("0"); return 0; }\n' > "$work/trivial.c"
cat > "$work/model.c" <<'C'
#define _GNU_SOURCE
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

/* minimal: fork, exec, wait4. The others go through a launcher process:
 *   spread   no affinity: each process wherever the scheduler puts it
 *   pinned   judge, launcher and program on the judge's first CPU (what the judge does)
 *   program  only the program pinned, to the judge's CPU at each start
 *   follow   launcher and program moved to the judge's CPU at each start */
enum placement { minimal, spread, pinned, program, follow };
static enum placement mode;
static char* path;
static int sockets[2];

static void pin(int cpu) {
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(cpu, &one);
    sched_setaffinity(0, sizeof one, &one);
}

static void become_program(const int fds[3], int cpu) {
    if (mode == program || mode == follow) pin(cpu);
    setsid();
    const struct rlimit cpu_limit = {3, 4}, file_limit = {1 << 26, 1 << 26};
    setrlimit(RLIMIT_CPU, &cpu_limit);
    setrlimit(RLIMIT_FSIZE, &file_limit);
    for (int i = 0; i < 3; ++i)
        dup2(fds[i], i);
    char* argv[] = {path, NULL};
    execv(path, argv);
    _exit(127);
}

static void launcher(void) {
    for (;;) {
        int fds[3], cpu;
        char control[CMSG_SPACE(sizeof fds)];
        struct iovec data = {&cpu, sizeof cpu};
        struct msghdr message = {0};
        message.msg_iov = &data;
        message.msg_iovlen = 1;
        message.msg_control = control;
        message.msg_controllen = sizeof control;
        if (recvmsg(sockets[1], &message, 0) <= 0) _exit(0);
        memcpy(fds, CMSG_DATA(CMSG_FIRSTHDR(&message)), sizeof fds);
        if (mode == follow) pin(cpu);
        const pid_t pid = (pid_t)syscall(SYS_clone, CLONE_PARENT | SIGCHLD, 0, 0, 0, 0);
        if (pid == 0) become_program(fds, cpu);
        for (int i = 0; i < 3; ++i)
            close(fds[i]);
        send(sockets[1], &pid, sizeof pid, 0);
    }
}

static pid_t start_through_launcher(const int fds[3]) {
    int cpu = sched_getcpu();
    char control[CMSG_SPACE(3 * sizeof(int))] = {0};
    struct iovec data = {&cpu, sizeof cpu};
    struct msghdr message = {0};
    message.msg_iov = &data;
    message.msg_iovlen = 1;
    message.msg_control = control;
    message.msg_controllen = sizeof control;
    struct cmsghdr* header = CMSG_FIRSTHDR(&message);
    header->cmsg_level = SOL_SOCKET;
    header->cmsg_type = SCM_RIGHTS;
    header->cmsg_len = CMSG_LEN(3 * sizeof(int));
    memcpy(CMSG_DATA(header), fds, 3 * sizeof(int));
    pid_t pid = -1;
    if (sendmsg(sockets[0], &message, 0) < 0 || recv(sockets[0], &pid, sizeof pid, 0) < 0) exit(1);
    return pid;
}

int main(int argc, char** argv) {
    const char* names[] = {"minimal", "spread", "pinned", "program", "follow"};
    for (mode = minimal; mode <= follow && strcmp(names[mode], argv[1]) != 0; ++mode) {
    }
    const int runs = atoi(argv[2]);
    path = argv[3];
    if (mode == pinned) pin(sched_getcpu());
    if (mode != minimal) {
        socketpair(AF_UNIX, SOCK_SEQPACKET, 0, sockets);
        if (fork() == 0) launcher();
    }
    for (int i = 0; i < runs; ++i) {
        pid_t pid;
        int status;
        struct rusage usage;
        if (mode == minimal) {
            if ((pid = fork()) == 0) {
                const int null = open("/dev/null", O_WRONLY);
                dup2(null, 1);
                execv(path, (char*[]){path, NULL});
                _exit(127);
            }
        } else {
            const int fds[3] = {memfd_create("in", MFD_CLOEXEC), memfd_create("out", MFD_CLOEXEC),
                                memfd_create("err", MFD_CLOEXEC)};
            if (write(fds[0], "1\n5\n", 4) != 4 || lseek(fds[0], 0, SEEK_SET) != 0) return 1;
            pid = start_through_launcher(fds);
            const int exit_fd = (int)syscall(SYS_pidfd_open, pid, 0);
            struct pollfd exited = {exit_fd, POLLIN, 0};
            poll(&exited, 1, 5000);
            close(exit_fd);
            for (int k = 0; k < 3; ++k)
                close(fds[k]);
        }
        if (wait4(pid, &status, 0, &usage) != pid || status != 0) return 1;
    }
    return 0;
}
C
cc -O2 -o "$work/trivial" "$work/trivial.c"
cc -O2 -o "$work/model" "$work/model.c"

variants="minimal spread pinned program follow"
for r in $(seq 1 "$rounds"); do
    for v in $variants; do
        t0=$(date +%s%N)
        "$work/model" "$v" 1000 "$work/trivial"
        t1=$(date +%s%N)
        echo "$r $v $(( (t1 - t0) / 1000 ))"  # microseconds for 1,000 runs = ns per run
    done
done > "$work/rounds.txt"

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
echo "variant ms_per_run(median) ratio_to_minimal(median)"
for v in $variants; do
    ms=$(awk -v v="$v" '$2 == v { printf "%.3f\n", $3 / 1e6 }' "$work/rounds.txt" | median)
    ratio=$(awk -v v="$v" '$2 == "minimal" { m[$1] = $3 } $2 == v { t[$1] = $3 }
                END { for (r in t) printf "%.2f\n", t[r] / m[r] }' "$work/rounds.txt" | median)
    echo "$v $ms $ratio"
done
