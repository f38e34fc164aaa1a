#!/bin/sh
# After a stress test: the written case file is as small as stated (a grep -E regex on its one
# line) and `algojudge judge FILE -- PROGRAM` gives the same verdict (exit status 1).
# Usage: stress_reproduces.sh ALGOJUDGE CASE_FILE VERDICT_CODE REGEX PROGRAM [ARGS...]
exe=$1 case_file=$2 code=$3 regex=$4
shift 4
if ! grep -Eq "$regex" "$case_file"; then
    echo "the shrunk case is not as small as stated (/$regex/):" && cat "$case_file"
    exit 1
fi
out=$("$exe" judge "$case_file" -- "$@")
status=$?
if [ "$status" -ne 1 ] || ! printf '%s\n' "$out" | grep -q "^$code "; then
    echo "judge did not reproduce $code (exit status $status):" && printf '%s\n' "$out"
    exit 1
fi
