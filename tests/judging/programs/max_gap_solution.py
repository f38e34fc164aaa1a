# A max-gap solution in Python for judge's tests (run when python3 is installed).
import sys

tokens = sys.stdin.read().split()
n = int(tokens[0])
nums = sorted(int(t) for t in tokens[1 : n + 1])
print(max((b - a for a, b in zip(nums, nums[1:])), default=0))
