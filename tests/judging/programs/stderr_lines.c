/* Writes argv[1] numbered lines to stderr ("line 1" ... "line N"), then exits with 1. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char** argv) {
    long lines = argc > 1 ? atol(argv[1]) : 10000;
    for (long i = 1; i <= lines; ++i)
        fprintf(stderr, "line %ld\n", i);
    return 1;
}
