/* A combination-sum with a planted bug for stress's tests: the backtracking walks candidates
   in sorted order but does not skip equal siblings, so duplicate candidates give the same
   combination twice. Reads `n target reuse k count_only`, then the n candidates; prints the
   count, then one combination per line. Right when the candidates are distinct. */
#include <stdio.h>
#include <stdlib.h>

static long long candidates[1000], chosen[100001];
static long long target;
static int n, reuse, k, count_only;
static unsigned long long count;

static int compare(const void* a, const void* b) {
    long long x = *(const long long*)a, y = *(const long long*)b;
    return (x > y) - (x < y);
}

static void walk(int from, long long left, int depth, int print) {
    if (left == 0 && (k < 0 || depth == k)) {
        ++count;
        if (print) {
            for (int i = 0; i < depth; ++i)
                printf(i ? " %lld" : "%lld", chosen[i]);
            printf("\n");
        }
    }
    if (left == 0 || (k >= 0 && depth >= k)) return;
    for (int i = from; i < n && candidates[i] <= left; ++i) {
        /* The bug: no `if (i > from && candidates[i] == candidates[i - 1]) continue;` */
        chosen[depth] = candidates[i];
        walk(reuse ? i : i + 1, left - candidates[i], depth + 1, print);
    }
}

int main(void) {
    if (scanf("%d %lld %d %d %d", &n, &target, &reuse, &k, &count_only) != 5 || n < 0 || n > 1000)
        return 2;
    for (int i = 0; i < n; ++i)
        if (scanf("%lld", &candidates[i]) != 1) return 2;
    qsort(candidates, (size_t)n, sizeof candidates[0], compare);
    walk(0, target, 0, 0); /* the count first, then the combinations */
    printf("%llu\n", count);
    if (!count_only) walk(0, target, 0, 1);
    return 0;
}
