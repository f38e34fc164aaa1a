/* A 0-1 knapsack solution for judge's tests: tries every subset (n <= 20) of the text input
   (`0-1 n capacity at-most`, then n lines `weight value`) and prints the best value, the
   count of items and `item 1` lines. With argv[1] "last" it prints the last optimal subset in
   subset order instead of the first: another valid certificate. */
#include <stdio.h>
#include <string.h>

int main(int argc, char** argv) {
    int last = argc > 1 && strcmp(argv[1], "last") == 0;
    char kind[16], fill[16];
    int n;
    long long capacity, weight[20], value[20];
    if (scanf("%15s %d %lld %15s", kind, &n, &capacity, fill) != 4 || n > 20) return 2;
    for (int i = 0; i < n; ++i)
        if (scanf("%lld %lld", &weight[i], &value[i]) != 2) return 2;
    long long best = -1;
    unsigned best_set = 0;
    for (unsigned set = 0; set < (1u << n); ++set) {
        long long w = 0, v = 0;
        for (int i = 0; i < n; ++i)
            if (set >> i & 1) w += weight[i], v += value[i];
        if (w <= capacity && (v > best || (v == best && last))) best = v, best_set = set;
    }
    printf("%lld\n%d\n", best, __builtin_popcount(best_set));
    for (int i = 0; i < n; ++i)
        if (best_set >> i & 1) printf("%d 1\n", i);
    return 0;
}
