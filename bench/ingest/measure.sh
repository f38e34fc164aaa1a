#!/usr/bin/env bash
# The figures of docs/performance.md "Case ingest": each command run once untimed, then REPEAT
# times (default 3) under /usr/bin/time; per command the medians of wall time, CPU time (user + system: the
# figure that load from other builds disturbs least) and peak memory (max RSS), then the
# issue's ratios, from the medians of this same run.
#   bench/ingest/measure.sh BUILD_DIR [DATA_DIR] [REPEAT]
# DATA_DIR (default /tmp/ingest-data) is filled by bench/ingest/make_inputs.py.
# The numpy pipeline runs Debian's /usr/bin/python3 with python3-numpy (apt-get install
# python3-numpy), with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset for that command only.
set -euo pipefail
build=$(realpath "$1")
data=${2:-/tmp/ingest-data}
repeat=${3:-3}
aj=$build/algojudge
[ -f "$data/max_gap_1e7.json" ] || python3 "$(dirname "$0")/make_inputs.py" "$data"

# A combination-sum case whose expected answer lists 105 558 combinations (the partitions of 46).
if [ ! -f "$data/combination_sum_1e5_case.json" ]; then
    input='{"candidates": ['$(seq -s, 1 46)'], "target": 46, "reuse": true, "limit": 200000}'
    echo "$input" >"$data/combination_sum_input.json"
    expected=$("$aj" run combination-sum "$data/combination_sum_input.json")
    echo '{"problem": "combination-sum", "input": '"$input"', "expected": '"$expected"'}' \
        >"$data/combination_sum_1e5_case.json"
fi
# The 1e7 numbers as a case with its expected answer, so that verify checks the certificate.
if [ ! -f "$data/max_gap_1e7_checked_case.json" ]; then
    expected=$("$aj" run max-gap "$data/max_gap_1e7.json")
    { printf '{"problem": "max-gap", "name": "1e7", "expected": %s, "input": ' "$expected"
      cat "$data/max_gap_1e7.json"; printf '}\n'; } >"$data/max_gap_1e7_checked_case.json"
fi

declare -A wall_of cpu_of memory_of
measure() {  # key, name, command...: median wall, CPU (user + system) and peak memory
    local key=$1 name=$2
    shift 2
    local walls=() cpus=() memories=()
    # One untimed run first: the page cache holds the file, and the free memory a previous
    # command left to be gathered into 2 MB pages is gathered before the timed runs.
    "$@" >/dev/null 2>&1 || true
    for _ in $(seq "$repeat"); do
        /usr/bin/time -o "$data/.time" -f '%e %U %S %M' "$@" >/dev/null 2>&1 || true
        read -r wall user system memory <"$data/.time"
        walls+=("$wall")
        cpus+=("$(echo "$user + $system" | bc)")
        memories+=("$memory")
    done
    median() { printf '%s\n' "$@" | sort -g | sed -n "$((($# + 1) / 2))p"; }
    wall_of[$key]=$(median "${walls[@]}")
    cpu_of[$key]=$(median "${cpus[@]}")
    memory_of[$key]=$(($(median "${memories[@]}") / 1024))
    printf '%-34s wall %6.2f s  cpu %6.2f s  %5d MB   (walls: %s)\n' "$name" "${wall_of[$key]}" \
        "${cpu_of[$key]}" "${memory_of[$key]}" "${walls[*]}"
}
ratio() {  # name, key a, key b: a / b in wall, CPU and memory
    printf '%-34s wall %5.2fx   cpu %5.2fx   memory %5.2fx\n' "$1" \
        "$(echo "${wall_of[$2]} / ${wall_of[$3]}" | bc -l)" \
        "$(echo "${cpu_of[$2]} / ${cpu_of[$3]}" | bc -l)" \
        "$(echo "${memory_of[$2]} / ${memory_of[$3]}" | bc -l)"
}

echo "load: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores; medians of $repeat runs"
measure run "run max-gap 1e7" "$aj" run max-gap "$data/max_gap_1e7.json"
# verify right after run: the two are compared, and the numpy pipeline leaves 500 MB of freed
# memory whose gathering into 2 MB pages the next command would pay for.
measure verify "verify max-gap 1e7 case (checked)" "$aj" verify "$data/max_gap_1e7_checked_case.json"
measure numpy "python3+numpy max-gap 1e7" env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE \
    /usr/bin/python3 -c \
    'import json,sys,numpy as np; a=np.array(json.load(open(sys.argv[1]))["nums"],dtype=np.int64); a.sort(); print(int(np.diff(a).max()) if a.size>1 else 0)' \
    "$data/max_gap_1e7.json"
measure run_ap "run average-precision 1M" "$aj" run average-precision "$data/ap_1m.json"
measure ap "ap 1M" "$aj" ap "$data/ap_1m.json"
measure knapsack "run knapsack 1e6 items" "$aj" run knapsack "$data/knapsack_1e6.json"
measure combinations "verify combination-sum 1e5" "$aj" verify "$data/combination_sum_1e5_case.json"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg) at the end"
ratio "numpy / run max-gap (>= 4x)" numpy run
ratio "verify / run max-gap (<= 1.2x)" verify run
ratio "run average-precision / ap (<= 1.2x)" run_ap ap
