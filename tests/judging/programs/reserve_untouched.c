/* Reserves address space it never touches, as JVM, Go and ASan builds do: 64 GiB PROT_NONE,
   64 GiB MAP_NORESERVE read-write and an 8 GiB malloc. It must run to the end and print "done". */
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>

int main(void) {
    const size_t gib = (size_t)1 << 30;
    void* guard =
        mmap(NULL, 64 * gib, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (guard == MAP_FAILED) return 3;
    void* lazy = mmap(NULL, 64 * gib, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (lazy == MAP_FAILED) return 4;
    char* heap = malloc(8 * gib);
    if (!heap) return 5;
    heap[0] = 1; /* one page touched: the resident size stays tiny */
    puts("done");
    return 0;
}
