/* A max-gap with a planted bug for stress's tests (tests/cli/stress_tests.cmake): the difference
   of two neighbours is taken in 64 bits, so a gap above 2^63 - 1 (negative and positive numbers
   far apart) wraps to a negative number and is never the largest. Right on small ranges. */
#include "sorted_numbers.h"

int main(void) {
    long n;
    long long* nums = read_sorted_numbers(&n);
    if (!nums) return 2;
    long long gap = 0;
    for (long i = 1; i < n; ++i) {
        /* The bug: wraps instead of using an unsigned difference. */
        long long d = (long long)((unsigned long long)nums[i] - (unsigned long long)nums[i - 1]);
        if (d > gap) gap = d;
    }
    printf("%lld\n", gap);
    return 0;
}
