/* A 0-1 knapsack with a planted bug for stress's tests: greedy by value per weight, which
   misses the optimum as soon as a dense small item blocks a heavier, more valuable one. Reads
   `0-1 n capacity at-most`, then n lines `weight value`; prints the value alone. */
#include <stdio.h>
#include <stdlib.h>

static long long weight[10000], value[10000];
static int order[10000];

static int denser(const void* a, const void* b) {
    int i = *(const int*)a, j = *(const int*)b;
    /* value[i] / weight[i] > value[j] / weight[j], in integers */
    long long left = value[i] * weight[j], right = value[j] * weight[i];
    return (left < right) - (left > right);
}

int main(void) {
    char kind[16], fill[16];
    int n;
    long long capacity;
    if (scanf("%15s %d %lld %15s", kind, &n, &capacity, fill) != 4 || n < 0 || n > 10000) return 2;
    for (int i = 0; i < n; ++i) {
        if (scanf("%lld %lld", &weight[i], &value[i]) != 2) return 2;
        order[i] = i;
    }
    qsort(order, (size_t)n, sizeof order[0], denser);
    long long best = 0, used = 0;
    for (int k = 0; k < n; ++k) {
        int i = order[k];
        if (used + weight[i] <= capacity) used += weight[i], best += value[i];
    }
    printf("%lld\n", best);
    return 0;
}
