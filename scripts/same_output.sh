#!/usr/bin/env bash
# Runs `verify`, `run` and `ap` of two algojudge executables on every file and folder under
# data/, tests/data/ and ../shared/data-samples/ (when present) and reports every command whose
# stdout, stderr or exit status differ. Timings are the only thing masked. Used to show that a
# refactoring changed no behaviour:
#   scripts/same_output.sh OLD_ALGOJUDGE NEW_ALGOJUDGE
set -uo pipefail
cd "$(dirname "$0")/.."
old=$(realpath "$1")
new=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

roots=(data tests/data)
[ -d ../shared/data-samples ] && roots+=(../shared/data-samples)
problems=(max-gap combination-sum knapsack average-precision)

commands=()
while IFS= read -r -d '' file; do
    commands+=("verify $file" "verify --json $file" "ap $file" "ap --json $file")
    for p in "${problems[@]}"; do commands+=("run $p $file"); done
done < <(find "${roots[@]}" -type f \( -name '*.json' -o -name '*.jsonl' \) -print0 | sort -z)
while IFS= read -r -d '' dir; do
    commands+=("verify $dir")
done < <(find "${roots[@]}" -type d -print0 | sort -z)

# Folder formats: every ground-truth/detection pair the samples come in, with and without --json.
pairs=()
for base in tests/data/ap ../shared/data-samples; do
    [ -d "$base" ] || continue
    pairs+=("--gt $base/Cartucho-mAP/input/ground-truth --det $base/Cartucho-mAP/input/detection-results"
            "--gt $base/Object-Detection-Metrics/groundtruths --det $base/Object-Detection-Metrics/detections --box xywh --iou 0.3 --pixel-plus-one --numpy-thresholds"
            "--gt $base/Object-Detection-Metrics/groundtruths --det $base/Object-Detection-Metrics/detections"
            "--format text --gt $base/review_object_detection_metrics/tests/test_case_1/gts --det $base/review_object_detection_metrics/tests/test_case_1/dets --box xywh --iou 0.1"
            "--format voc --gt $base/review_object_detection_metrics/toyexample/gts_vocpascal_format --det $base/review_object_detection_metrics/toyexample/dets_classname_abs_xyx2y2 --pixel-plus-one --numpy-thresholds"
            "--format voc --gt $base/review_object_detection_metrics/toyexample/gts_vocpascal_format --det $base/review_object_detection_metrics/toyexample/dets_classname_abs_xywh --box xywh"
            "--gt $base/review_object_detection_metrics/data/database/gts/pascalvoc_format --det $base/review_object_detection_metrics/data/database/dets/abs_xyx2y2")
done
f=tests/data/ap/formats
pairs+=("--format voc --gt tests/data/ap/review_object_detection_metrics/toyexample/gts_vocpascal_format --det $f/toyexample/voc_results"
        "--format coco --gt $f/toyexample/coco/instances.json --det $f/toyexample/coco/results.json"
        "--format voc --gt tests/data/ap/review_object_detection_metrics/data/database/gts/pascalvoc_format --det $f/database/voc_results"
        "--format coco --gt $f/database/coco/instances.json --det $f/database/coco/results.json"
        "--format voc --gt $f/bad/voc_gt --det $f/toyexample/voc_results"
        "--gt tests/data/ap/text_small/gt --det tests/data/ap/text_small/det"
        "--gt tests/data/ap/bad/text_gt --det tests/data/ap/bad/text_det")
for bad in "$f"/bad/*.json; do
    pairs+=("--format coco --gt $f/toyexample/coco/instances.json --det $bad"
            "--format coco --gt $bad --det $f/toyexample/coco/results.json")
done
for set in ../shared/data-samples/coco/*/; do
    [ -d "$set" ] || continue
    gt=$(ls "$set"*instances*.json 2>/dev/null | head -1)
    det=$(ls "$set"*results*.json 2>/dev/null | head -1)
    [ -n "$gt" ] && [ -n "$det" ] && pairs+=("--format coco --gt $gt --det $det")
done
for p in "${pairs[@]}"; do commands+=("ap $p" "ap --json $p"); done
plots=("--format voc --gt tests/data/ap/review_object_detection_metrics/data/database/gts/pascalvoc_format --det $f/database/voc_results"
       "tests/data/ap/converted/cartucho_input.json --pixel-plus-one")

# Masks timings ("0.007 ms", "1.5 s", "seconds": 0.001) and the padding they change.
normalise() {
    sed -E 's/[0-9]+(\.[0-9]+)? (ms|s|us)\b/<t>/g; s/"(seconds|total_seconds)": ?[0-9.e+-]+/"\1":<t>/g; s/ +/ /g' "$1"
}

differ=0
n=0
for c in "${commands[@]}"; do
    n=$((n + 1))
    # shellcheck disable=SC2086
    (timeout 60 "$old" $c </dev/null >"$work/old.out" 2>"$work/old.err"; echo $? >"$work/old.rc") 2>/dev/null
    # shellcheck disable=SC2086
    (timeout 60 "$new" $c </dev/null >"$work/new.out" 2>"$work/new.err"; echo $? >"$work/new.rc") 2>/dev/null
    for s in out err rc; do
        if ! cmp -s <(normalise "$work/old.$s") <(normalise "$work/new.$s"); then
            echo "DIFFERS ($s): algojudge $c"
            diff <(normalise "$work/old.$s") <(normalise "$work/new.$s") | head -6
            differ=$((differ + 1))
        fi
    done
done
for p in "${plots[@]}"; do
    n=$((n + 1))
    rm -rf "$work/old-plot" "$work/new-plot"
    # shellcheck disable=SC2086
    "$old" ap $p --plot "$work/old-plot" >/dev/null 2>&1
    # shellcheck disable=SC2086
    "$new" ap $p --plot "$work/new-plot" >/dev/null 2>&1
    diff -r "$work/old-plot" "$work/new-plot" >/dev/null ||
        { echo "DIFFERS (plot files): algojudge ap $p --plot DIR"; differ=$((differ + 1)); }
done
echo "$n commands compared, $differ differences"
[ "$differ" -eq 0 ]
