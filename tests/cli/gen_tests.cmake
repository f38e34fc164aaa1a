# gen, end to end: pinned bytes, files that verify passes, problem help and usage errors.
# A regex cannot hold a semicolon (it separates CMake arguments): write "." for it.
set(ALGOJUDGE_EXE $<TARGET_FILE:algojudge>)

# --- pinned bytes: the same options and seed give these on every machine (docs/gen.md)
algojudge_cli_test(NAME gen.max-gap-pinned EXIT 0 ARGS gen max-gap --seed 1 --count 2 --n 5
    STDOUT "^{\"problem\":\"max-gap\",\"name\":\"max-gap-seed1\",\"input\":{\"nums\":\\[406,41,148,-217,395\\]},\"expected\":{\"between\":\\[-217,41\\],\"max_gap\":258}}\n{\"problem\":\"max-gap\",\"name\":\"max-gap-seed2\",\"input\":{\"nums\":\\[-796,451,-632,496,372\\]},\"expected\":{\"between\":\\[-632,372\\],\"max_gap\":1004}}\n$")
algojudge_cli_test(NAME gen.seed-picks-one-case EXIT 0 ARGS gen max-gap --seed 2 --n 5
    STDOUT "^{\"problem\":\"max-gap\",\"name\":\"max-gap-seed2\",\"input\":{\"nums\":\\[-796,451,-632,496,372\\]}")

# --- written files pass verify, for every problem
algojudge_cli_test(NAME gen.max-gap-jsonl-verifies EXIT 0
    ARGS gen max-gap --count 50 --shape duplicates --out @WORK@/cases.jsonl
    STDOUT_NOT "."
    THEN ${ALGOJUDGE_EXE} verify @WORK@/cases.jsonl)
algojudge_cli_test(NAME gen.combination-sum-json-verifies EXIT 0
    ARGS gen combination-sum --count 30 --reuse --k 3 --out @WORK@/cases.json
    THEN sh -c "\"$1\" verify \"$2\" | grep -q '^30 passed, 0 failed$'" sh ${ALGOJUDGE_EXE}
         @WORK@/cases.json)
algojudge_cli_test(NAME gen.knapsack-verifies EXIT 0
    ARGS gen knapsack --count 30 --kind complete --fill exact --out @WORK@/cases.jsonl
    THEN ${ALGOJUDGE_EXE} verify @WORK@/cases.jsonl)
algojudge_cli_test(NAME gen.average-precision-verifies EXIT 0
    ARGS gen average-precision --count 10 --ties 0.5 --out @WORK@/cases.json
    THEN ${ALGOJUDGE_EXE} verify @WORK@/cases.json)

# --- help
algojudge_cli_test(NAME gen.problem-help EXIT 0 ARGS gen knapsack --help
    STDOUT "^Usage: algojudge gen knapsack " "--capacity VALUE" "--kind VALUE +0-1: each item"
           "one of 0-1\\|complete\\|bounded. default 0-1"
    STDOUT_NOT "--shape")
algojudge_cli_test(NAME gen.help-lists-problems EXIT 0 ARGS gen --help
    STDOUT "max-gap +--n --min --max --shape\n" "average-precision +--images")

# --- usage errors
algojudge_cli_test(NAME gen.option-of-other-problem EXIT 2 ARGS gen max-gap --capacity 3
    STDERR "^algojudge: error: --capacity is an option of knapsack, not of max-gap\n$"
    STDOUT_NOT ".")
algojudge_cli_test(NAME gen.bad-choice EXIT 2 ARGS gen max-gap --shape round
    STDERR "--shape: expected one of uniform\\|clustered\\|duplicates\\|progression\\|extremes, got \"round\"")
algojudge_cli_test(NAME gen.out-of-range EXIT 2 ARGS gen knapsack --n -1
    STDERR "--n: expected an integer from 0 to 10000, got \"-1\"")
algojudge_cli_test(NAME gen.min-above-max EXIT 2 ARGS gen max-gap --min 3 --max 2
    STDERR "--min \\(3\\) is greater than --max \\(2\\)")
algojudge_cli_test(NAME gen.unknown-problem EXIT 2 ARGS gen knapsak
    STDERR "unknown problem \"knapsak\" \\(did you mean \"knapsack\"\\?\\)")
algojudge_cli_test(NAME gen.no-problem EXIT 2 ARGS gen STDERR "gen: name a PROBLEM")
algojudge_cli_test(NAME gen.bad-out-extension EXIT 2 ARGS gen max-gap --out @WORK@/cases.txt
    STDERR "--out [^\n]*cases.txt: expected a file ending in .json or .jsonl")
algojudge_cli_test(NAME gen.solver-limit EXIT 2
    ARGS gen knapsack --n 10000 --capacity 10000000 --max-weight 1 --memory-limit 1M
    STDERR "generated case \"knapsack-seed1\": input" STDOUT_NOT ".")

# --- text folders: NAME.in + NAME.ans in the problem's text format, read back by judge
algojudge_cli_test(NAME gen.text-folder-max-gap EXIT 0
    ARGS gen max-gap --count 5 --io text --out @WORK@/folder
    STDOUT_NOT "."
    THEN sh -c "\"$1\" judge max-gap \"$2\" -- \"$3\" first | grep -q '^5 passed, 0 failed$' && test -f \"$2/max-gap-seed5.ans\""
         sh ${ALGOJUDGE_EXE} @WORK@/folder ${CMAKE_BINARY_DIR}/tests/judging/programs/max_gap_solution)
algojudge_cli_test(NAME gen.text-folder-pinned EXIT 0
    ARGS gen max-gap --n 5 --io text --out @WORK@/folder
    THEN sh -c "printf '5\\n406 41 148 -217 395\\n' | cmp - \"$1/max-gap-seed1.in\" && printf '258\\n-217 41\\n' | cmp - \"$1/max-gap-seed1.ans\""
         sh @WORK@/folder)
algojudge_cli_test(NAME gen.text-folder-knapsack EXIT 0
    ARGS gen knapsack --count 10 --io text --out @WORK@/folder
    THEN sh -c "\"$1\" judge knapsack \"$2\" -- \"$3\" | grep -q '^10 passed, 0 failed$'"
         sh ${ALGOJUDGE_EXE} @WORK@/folder ${CMAKE_BINARY_DIR}/tests/judging/programs/knapsack_solution)
algojudge_cli_test(NAME gen.text-folder-needs-out EXIT 2 ARGS gen max-gap --io text
    STDERR "--io text writes a folder of .in/.ans files: give it with --out DIR")
algojudge_cli_test(NAME gen.text-folder-json-only EXIT 2
    ARGS gen average-precision --io text --out @WORK@/folder
    STDERR "problem average-precision has no text format")
