/* Forks a grandchild that outlives its parent: it writes its pid to argv[1], then sleeps.
   The parent exits as soon as the pid is written, so only the group kill can stop the child. */
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char** argv) {
    if (argc < 2) return 2;
    int ready[2];
    if (pipe(ready) != 0) return 2;
    pid_t child = fork();
    if (child < 0) return 2;
    if (child == 0) {
        FILE* file = fopen(argv[1], "w");
        if (!file) _exit(2);
        fprintf(file, "%d\n", (int)getpid());
        fclose(file);
        close(ready[0]);
        if (write(ready[1], "x", 1) != 1) _exit(2);
        close(ready[1]);
        for (;;)
            sleep(100);
    }
    close(ready[1]);
    char byte;
    return read(ready[0], &byte, 1) == 1 ? 0 : 2;
}
