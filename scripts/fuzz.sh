#!/bin/sh
# Builds the libFuzzer targets (fuzz/, clang with ASan+UBSan) in build-fuzz and runs each for
# SECONDS (default 30) on seeds from data/ and tests/data/. Exits non-zero on the first finding;
# its reproducer is left in build-fuzz/findings/<target>/. docs/reliability.md.
#   scripts/fuzz.sh [SECONDS]
set -eu
seconds=${1:-30}
root=$(cd "$(dirname "$0")/.." && pwd)
build=${ALGOJUDGE_FUZZ_BUILD:-$root/build-fuzz}
jobs=${ALGOJUDGE_FUZZ_JOBS:-2}

targets="case_files ap_json text_folders voc coco yolo"
launcher=
if command -v ccache >/dev/null; then launcher=-DCMAKE_CXX_COMPILER_LAUNCHER=ccache; fi
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER=clang++ -DALGOJUDGE_FUZZ=ON -DALGOJUDGE_BUILD_TESTS=OFF \
    -DALGOJUDGE_BUILD_BENCH=OFF $launcher >/dev/null
# Only the fuzz targets (and the libraries under them), not the executable.
cmake --build "$build" -j "$jobs" --target $(for t in $targets; do printf 'fuzz_%s ' "$t"; done)

# seeds TARGET FILE...: copies the seed files into a fresh corpus folder (libFuzzer adds the
# inputs it finds there, so the tree's files are never written).
seeds() {
    target=$1
    shift
    rm -rf "$build/corpus/$target"
    mkdir -p "$build/corpus/$target"
    n=0
    for file in "$@"; do
        [ -f "$file" ] || continue
        # Seeds above 1 MB only slow the run down.
        [ "$(wc -c <"$file")" -le 1048576 ] || continue
        n=$((n + 1))
        cp "$file" "$build/corpus/$target/seed-$n"
    done
}

cd "$root"
seeds case_files $(find data/cases tests/data/cli -name '*.json' -o -name '*.jsonl')
seeds ap_json data/ap/*.json tests/data/ap/converted/*.json tests/data/ap/bad/*.json \
    tests/data/cli/hostile/ap-*.json
seeds text_folders $(find tests/data/ap/text_small tests/data/ap/bad -name '*.txt' | head -200)
seeds voc $(find tests/data/ap -name '*.xml' | head -100) \
    $(find tests/data/ap/formats -name 'comp4_det_*.txt' | head -20)
seeds coco $(find tests/data/ap/formats -path '*coco*' -name '*.json')
seeds yolo $(find tests/data/ap/yolo -name '*.txt' -o -name '*.names')

status=0
for target in $targets; do
    findings="$build/findings/$target"
    mkdir -p "$findings"
    echo "fuzz_$target: $seconds s"
    if ! "$build/fuzz/fuzz_$target" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
        -rss_limit_mb=2048 -artifact_prefix="$findings/" -print_final_stats=1 \
        "$build/corpus/$target" >"$build/fuzz_$target.log" 2>&1; then
        echo "fuzz_$target: FINDING, see $build/fuzz_$target.log and $findings/" >&2
        tail -30 "$build/fuzz_$target.log" >&2
        status=1
    else
        grep -E '^stat::number_of_executed_units' "$build/fuzz_$target.log" || true
    fi
done
exit $status
