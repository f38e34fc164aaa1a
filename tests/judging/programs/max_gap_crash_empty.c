/* A max-gap with a planted bug for stress's tests: it sizes buckets as the range over n before
   looking at n, so n = 0 divides by zero and dies of SIGFPE. */
#include "sorted_numbers.h"

int main(void) {
    long n;
    long long* nums = read_sorted_numbers(&n);
    if (!nums) return 2;
    volatile long count = n;
    /* The bug: no check for n = 0 (the buckets are never used: the gap comes from the sort). */
    long long bucket_width = (nums[n > 0 ? n - 1 : 0] - nums[0]) / count + 1;
    if (bucket_width <= 0) return 3;
    printf("%llu\n", widest_gap(nums, n));
    return 0;
}
