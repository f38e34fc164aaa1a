#!/bin/bash
# Per-case overhead of `algojudge judge` over a minimal fork/exec/wait4 loop, in the same run:
# 1,000 small max-gap cases, a trivial C solution (prints the gap of one number: 0), rounds
# interleaved so that load on the machine hits both alike. Figures: docs/performance.md.
# Usage: scripts/judge_overhead.sh [build dir (default build)] [rounds (default 5)]
set -euo pipefail
build=${1:-build}
rounds=${2:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for i in $(seq 1 1000); do
    echo "{\"problem\": \"max-gap\", \"name\": \"c$i\", \"input\": {\"nums\": [$i]}, \"expected\": {\"max_gap\": 0}}"
done > "$work/cases.jsonl"
printf '#include <stdio.h>\nint main(void) { puts("0"); return 0; }\n' > "$work/trivial.c"
cat > "$work/minimal.c" <<'C'
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
int main(int argc, char** argv) {
    int n = atoi(argv[1]);
    for (int i = 0; i < n; ++i) {
        pid_t pid = fork();
        if (pid == 0) {
            execv(argv[2], argv + 2);
            _exit(127);
        }
        int status;
        struct rusage usage;
        if (wait4(pid, &status, 0, &usage) != pid || status != 0) return 1;
    }
    return 0;
}
C
cc -O2 -o "$work/trivial" "$work/trivial.c"
cc -O2 -o "$work/minimal" "$work/minimal.c"

now() { date +%s.%N; }
echo "round judge_ms_per_case minimal_ms_per_case ratio"
for r in $(seq 1 "$rounds"); do
    t0=$(now)
    "$build/algojudge" judge "$work/cases.jsonl" -- "$work/trivial" > "$work/out.txt"
    t1=$(now)
    "$work/minimal" 1000 "$work/trivial" > /dev/null
    t2=$(now)
    tail -1 "$work/out.txt" | grep -qx "1000 passed, 0 failed"
    awk -v r="$r" -v a="$t0" -v b="$t1" -v c="$t2" \
        'BEGIN { j = (b - a); m = (c - b); printf "%d %.3f %.3f %.2f\n", r, j, m, j / m }'
done | tee "$work/rounds.txt"
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
echo "median judge_ms_per_case $(cut -d' ' -f2 "$work/rounds.txt" | median)" \
     "minimal_ms_per_case $(cut -d' ' -f3 "$work/rounds.txt" | median)" \
     "ratio $(cut -d' ' -f4 "$work/rounds.txt" | median)"
