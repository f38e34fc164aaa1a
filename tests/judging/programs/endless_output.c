/* Prints forever: stopped by the output limit.
 *   endless_output                 to stdout; the write past the limit raises SIGXFSZ
 *   endless_output stderr          the same on stderr
 *   endless_output ignore-sigxfsz  to stdout, ignoring SIGXFSZ and the failed writes */
#include <signal.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char** argv) {
    const int fd = argc > 1 && strcmp(argv[1], "stderr") == 0 ? 2 : 1;
    const int keep_going = argc > 1 && strcmp(argv[1], "ignore-sigxfsz") == 0;
    if (keep_going) signal(SIGXFSZ, SIG_IGN);
    char line[4096];
    memset(line, 'y', sizeof line);
    for (;;)
        if (write(fd, line, sizeof line) < 0 && !keep_going) return 1;
}
