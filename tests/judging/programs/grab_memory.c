/* Allocates and touches argv[1] MiB, 1 MiB at a time, then prints "done". A memory limit
   below that must stop it before it gets there. With argv[2] "hold" it then sleeps, memory
   kept, so that several of them are resident at once. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char** argv) {
    long mebibytes = argc > 1 ? atol(argv[1]) : 1024;
    for (long i = 0; i < mebibytes; ++i) {
        char* block = malloc(1 << 20);
        if (!block) return 3;
        memset(block, (int)(i & 0xff) | 1, 1 << 20);
    }
    puts("done");
    fflush(stdout);
    if (argc > 2 && strcmp(argv[2], "hold") == 0)
        for (;;)
            sleep(100);
    return 0;
}
