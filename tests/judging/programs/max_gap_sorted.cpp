// A trivially correct max-gap in C++ for stress's tests and its measurement in
// docs/performance.md: sort, then the largest difference of neighbours in unsigned arithmetic.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <vector>

int main() {
    long n = 0;
    if (std::scanf("%ld", &n) != 1 || n < 0) return 2;
    std::vector<long long> nums(static_cast<std::size_t>(n));
    for (long long& value : nums)
        if (std::scanf("%lld", &value) != 1) return 2;
    std::sort(nums.begin(), nums.end());
    std::uint64_t gap = 0;
    for (std::size_t i = 1; i < nums.size(); ++i)
        gap = std::max(
            gap, static_cast<std::uint64_t>(nums[i]) - static_cast<std::uint64_t>(nums[i - 1]));
    std::printf("%llu\n", static_cast<unsigned long long>(gap));
    return 0;
}
