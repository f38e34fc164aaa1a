/* A max-gap with a planted bug for stress's tests: a "skip the run of equal numbers" loop that
   never ends when three or more numbers are all equal, a shape uniform random numbers almost
   never take (stress finds it through the duplicates and progression shapes). */
#include "sorted_numbers.h"

int main(void) {
    long n;
    long long* nums = read_sorted_numbers(&n);
    if (!nums) return 2;
    if (n >= 3 && nums[0] == nums[n - 1]) {
        volatile long i = 0;
        while (i < n) /* the bug: i never moves */
            i = i * 1;
    }
    printf("%llu\n", widest_gap(nums, n));
    return 0;
}
