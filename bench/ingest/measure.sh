#!/usr/bin/env bash
# The figures of docs/performance.md "Case ingest": each command run REPEAT times (default 5)
# under /usr/bin/time; per command the medians of wall time, CPU time (user + system: the
# figure that load from other builds disturbs least) and peak memory (max RSS).
#   bench/ingest/measure.sh BUILD_DIR [DATA_DIR] [REPEAT]
# DATA_DIR (default /tmp/ingest-data) is filled by bench/ingest/make_inputs.py.
# The numpy pipeline runs Debian's /usr/bin/python3 with python3-numpy (apt-get install
# python3-numpy), with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset for that command only.
set -euo pipefail
build=$(realpath "$1")
data=${2:-/tmp/ingest-data}
repeat=${3:-5}
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

measure() {  # name, command...: median wall, CPU (user + system) and peak memory of the runs
    local name=$1
    shift
    local walls=() cpus=() memories=()
    for _ in $(seq "$repeat"); do
        /usr/bin/time -o "$data/.time" -f '%e %U %S %M' "$@" >/dev/null 2>&1 || true
        read -r wall user system memory <"$data/.time"
        walls+=("$wall")
        cpus+=("$(echo "$user + $system" | bc)")
        memories+=("$memory")
    done
    median() { printf '%s\n' "$@" | sort -g | sed -n "$((($# + 1) / 2))p"; }
    printf '%-30s wall %6.2f s  cpu %6.2f s  %5d MB   (walls: %s)\n' "$name" "$(median "${walls[@]}")" \
        "$(median "${cpus[@]}")" "$(($(median "${memories[@]}") / 1024))" "${walls[*]}"
}

echo "load: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
measure "run max-gap 1e7" "$aj" run max-gap "$data/max_gap_1e7.json"
measure "python3+numpy max-gap 1e7" env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 -c \
    'import json,sys,numpy as np; a=np.array(json.load(open(sys.argv[1]))["nums"],dtype=np.int64); a.sort(); print(int(np.diff(a).max()) if a.size>1 else 0)' \
    "$data/max_gap_1e7.json"
measure "verify max-gap 1e7 case" "$aj" verify "$data/max_gap_1e7_case.json"
measure "run average-precision 1M" "$aj" run average-precision "$data/ap_1m.json"
measure "ap 1M" "$aj" ap "$data/ap_1m.json"
measure "run knapsack 1e6 items" "$aj" run knapsack "$data/knapsack_1e6.json"
measure "verify combination-sum 1e5" "$aj" verify "$data/combination_sum_1e5_case.json"
