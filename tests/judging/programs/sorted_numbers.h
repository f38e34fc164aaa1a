/* Shared by the planted-bug max-gap programs of stress's tests: reading the text input
   (n, then the n integers) sorted, and the right gap, so that each program shows its bug
   alone. */
#include <stdio.h>
#include <stdlib.h>

static int compare_numbers(const void* a, const void* b) {
    long long x = *(const long long*)a, y = *(const long long*)b;
    return (x > y) - (x < y);
}

/* The numbers, sorted, in an array of n + 1; NULL when the input cannot be read. */
static long long* read_sorted_numbers(long* n) {
    if (scanf("%ld", n) != 1 || *n < 0) return NULL;
    long long* nums = malloc(sizeof(long long) * (size_t)(*n + 1));
    for (long i = 0; i < *n; ++i)
        if (scanf("%lld", &nums[i]) != 1) return NULL;
    qsort(nums, (size_t)*n, sizeof nums[0], compare_numbers);
    return nums;
}

/* The largest difference of neighbours, in unsigned arithmetic (no overflow). */
static unsigned long long widest_gap(const long long* nums, long n) {
    unsigned long long gap = 0;
    for (long i = 1; i < n; ++i) {
        unsigned long long d = (unsigned long long)nums[i] - (unsigned long long)nums[i - 1];
        if (d > gap) gap = d;
    }
    return gap;
}
