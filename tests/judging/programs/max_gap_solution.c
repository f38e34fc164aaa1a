/* A max-gap solution for judge's tests (tests/cli/judge_tests.cmake). Reads the text input
   (n, then n integers) or, with "json", the JSON input; argv[1] picks what it prints:
   ok: the gap; first/last: the gap and the first/last pair of neighbours with it;
   wrong: the gap plus one; word: "gap=G" (a presentation error); json: {"max_gap": G};
   reserve: reserves 64 GiB of address space and 8 GiB of malloc, untouched, then ok. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

static int compare(const void* a, const void* b) {
    long long x = *(const long long*)a, y = *(const long long*)b;
    return (x > y) - (x < y);
}

int main(int argc, char** argv) {
    const char* mode = argc > 1 ? argv[1] : "ok";
    long long* nums = malloc(sizeof(long long) * 1000000);
    long n = 0;
    if (strcmp(mode, "json") == 0) {
        static char text[1 << 20];
        size_t length = fread(text, 1, sizeof text - 1, stdin);
        text[length] = 0;
        char* p = strchr(text, '[');
        while (p && *p && *p != ']') {
            char* end;
            long long value = strtoll(p + 1, &end, 10);
            if (end != p + 1) nums[n++] = value;
            p = end;
            while (*p == ' ')
                ++p;
        }
    } else {
        if (scanf("%ld", &n) != 1) return 2;
        for (long i = 0; i < n; ++i)
            if (scanf("%lld", &nums[i]) != 1) return 2;
    }
    if (strcmp(mode, "reserve") == 0) {
        const size_t gib = (size_t)1 << 30;
        if (mmap(NULL, 64 * gib, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0) == MAP_FAILED)
            return 4;
        char* heap = malloc(8 * gib);
        if (!heap) return 5;
        heap[0] = 1;
    }
    qsort(nums, (size_t)n, sizeof nums[0], compare);
    long long gap = 0, low = 0, high = 0;
    int found = 0;
    for (long i = 1; i < n; ++i) {
        long long d = nums[i] - nums[i - 1];
        if (!found || d > gap || (d == gap && strcmp(mode, "last") == 0)) {
            gap = d;
            low = nums[i - 1];
            high = nums[i];
        }
        found = 1;
    }
    if ((strcmp(mode, "first") == 0 || strcmp(mode, "last") == 0) && found)
        printf("%lld\n%lld %lld\n", gap, low, high);
    else if (strcmp(mode, "wrong") == 0)
        printf("%lld\n", gap + 1);
    else if (strcmp(mode, "word") == 0)
        printf("gap=%lld\n", gap);
    else if (strcmp(mode, "json") == 0)
        printf("{\"max_gap\": %lld}\n", gap);
    else
        printf("%lld\n", gap);
    return 0;
}
