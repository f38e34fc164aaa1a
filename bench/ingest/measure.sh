#!/usr/bin/env bash
# The figures of docs/performance.md "Case ingest": each command run REPEAT times (default 5)
# under /usr/bin/time, median wall seconds and median peak memory (max RSS) printed per command.
#   bench/ingest/measure.sh BUILD_DIR [DATA_DIR] [REPEAT]
# DATA_DIR (default /tmp/ingest-data) is filled by bench/ingest/make_inputs.py and, for the
# average-precision file, by BUILD_DIR/bench/average_precision_bench --generate.
# The numpy pipeline runs Debian's /usr/bin/python3 with python3-numpy (apt-get install
# python3-numpy), with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset for that command only.
set -euo pipefail
build=$(realpath "$1")
data=${2:-/tmp/ingest-data}
repeat=${3:-5}
aj=$build/algojudge
[ -f "$data/max_gap_1e7.json" ] || python3 "$(dirname "$0")/make_inputs.py" "$data"
[ -f "$data/ap_1m.json" ] ||
    "$build/bench/average_precision_bench" --generate "$data/ap_1m.json" --detections 1000000

measure() {  # name, command...
    local name=$1
    shift
    local times=() memories=()
    for _ in $(seq "$repeat"); do
        local out
        out=$({ /usr/bin/time -f '%e %M' "$@" >/dev/null 2>/dev/null; } 2>&1 | tail -1)
        times+=("${out% *}")
        memories+=("${out#* }")
    done
    local t m
    t=$(printf '%s\n' "${times[@]}" | sort -g | sed -n "$(((repeat + 1) / 2))p")
    m=$(printf '%s\n' "${memories[@]}" | sort -g | sed -n "$(((repeat + 1) / 2))p")
    printf '%-28s %6.2f s %6d MB   (runs: %s)\n' "$name" "$t" "$((m / 1024))" "${times[*]}"
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
