# stress, end to end: planted-bug programs (tests/judging/programs) are found, their cases
# shrunk below a stated bound, and judge on the written case gives the same verdict; correct
# programs survive a fixed count of cases. Budgets are counts, never times: nothing is timed.
set(stress_programs ${CMAKE_BINARY_DIR}/tests/judging/programs)
set(stress_reproduces sh ${CMAKE_CURRENT_SOURCE_DIR}/stress_reproduces.sh $<TARGET_FILE:algojudge>)

# stress_finds(NAME VERDICT_CODE PROGRAM BOUND_REGEX STRESS_ARGS...): stress finds the bug
# within 3000 cases, and the case it writes matches BOUND_REGEX and fails again under judge.
function(stress_finds name verdict program bound)
    algojudge_cli_test(NAME stress.${name} EXIT 1
        ARGS stress ${ARGN} --iterations 3000 --shrink-time 120 --out @WORK@/case.json
             -- ${stress_programs}/${program}
        STDOUT "^${verdict} on [a-z-]+-seed[0-9]+ after [0-9]+ cases" "\n--- input ---\n"
               "\n--- program output ---\n" "\n--- expected output ---\n"
               "\nwrote [^\n]*case.json: algojudge judge "
        THEN ${stress_reproduces} @WORK@/case.json ${verdict} "${bound}"
             ${stress_programs}/${program})
endfunction()

# --- planted bugs, each with the bound its shrunk case must meet
# A difference above 2^63 - 1 wraps: at most 3 numbers (2 suffice).
stress_finds(max-gap-overflow WA max_gap_overflow
    "\"nums\":\\[-?[0-9]+(,-?[0-9]+){0,2}\\]"
    max-gap --min -9223372036854775808 --max 9223372036854775807)
# n = 0 crashes: no number at all.
stress_finds(max-gap-crash-on-empty RTE max_gap_crash_empty "\"nums\":\\[\\]" max-gap)
# Three or more equal numbers loop: exactly three equal numbers.
stress_finds(max-gap-loop-on-equal TLE max_gap_loop_equal
    "\"nums\":\\[(-?[0-9]+),\\1,\\1\\]" max-gap --time-limit 0.5)
# Greedy by density: at most 3 items.
stress_finds(knapsack-greedy WA knapsack_greedy "\"weights\":\\[[0-9]+(,[0-9]+){0,2}\\]"
    knapsack --kind 0-1 --fill at-most)
# Duplicate candidates give a combination twice: at most 2 candidates.
stress_finds(combination-sum-no-dedup WA combination_sum_no_dedup
    "\"candidates\":\\[[0-9]+(,[0-9]+)?\\]" combination-sum)

# --- correct programs survive a fixed count of cases: exit 0 and a summary
algojudge_cli_test(NAME stress.correct-survives EXIT 0
    ARGS stress max-gap --iterations 300 --jobs 2 -- ${stress_programs}/max_gap_sorted
    STDOUT "^no failing case: 300 cases in [0-9.]+ s \\(n 0 to 10\\)\n$")
algojudge_cli_test(NAME stress.correct-survives-extremes EXIT 0
    ARGS stress max-gap --iterations 200 --n 6 --min -9223372036854775808
         --max 9223372036854775807 -- ${stress_programs}/max_gap_sorted
    STDOUT "^no failing case: 200 cases in [0-9.]+ s \\(n 0 to 6\\)\n$")
algojudge_cli_test(NAME stress.correct-static-survives EXIT 0
    ARGS stress max-gap --iterations 200 -- ${stress_programs}/max_gap_sorted_static
    STDOUT "^no failing case: 200 cases")
algojudge_cli_test(NAME stress.correct-survives-json-io EXIT 0
    ARGS stress max-gap --io json --iterations 100 -- ${stress_programs}/max_gap_solution json
    STDOUT "^no failing case: 100 cases")
algojudge_cli_test(NAME stress.correct-knapsack-survives EXIT 0
    ARGS stress knapsack --kind 0-1 --fill at-most --iterations 100
         -- ${stress_programs}/knapsack_solution
    STDOUT "^no failing case: 100 cases in [0-9.]+ s \\(n 0 to 8, capacity 0 to [0-9]+, max-weight")

# --- the JSON report: keys in the documented order
algojudge_cli_test(NAME stress.json-found EXIT 1
    ARGS stress max-gap --json --iterations 3000 --min -9223372036854775808
         --max 9223372036854775807 -- ${stress_programs}/max_gap_overflow
    STDOUT "^{\n  \"found\": true,\n  \"cases_run\": [0-9]+,\n  \"seconds\": [0-9.e-]+,\n  \"verdict\": \"wrong_answer\",\n  \"original_case\": {\n    \"problem\": \"max-gap\",\n    \"name\": \"max-gap-seed[0-9]+\",\n    \"input\": {"
           "\n  \"case\": {\n    \"problem\": \"max-gap\",\n    \"name\": \"max-gap-seed[0-9]+(-shrunk)?\",\n    \"input\": {\n      \"nums\": \\["
           "\n    \"time_limit\": 2.0\n  },\n  \"shrink_steps\": [0-9]+,\n  \"message\": \"max_gap: expected [0-9]+, got [0-9]+\"\n}\n$")
algojudge_cli_test(NAME stress.json-not-found EXIT 0
    ARGS stress max-gap --json --iterations 20 -- ${stress_programs}/max_gap_sorted
    STDOUT "^{\n  \"found\": false,\n  \"cases_run\": 20,\n  \"seconds\": [0-9.e-]+,\n  \"verdict\": null,\n  \"original_case\": null,\n  \"case\": null,\n  \"shrink_steps\": 0,\n  \"message\": null\n}\n$")

# --- usage errors
algojudge_cli_test(NAME stress.no-command EXIT 2 ARGS stress max-gap
    STDERR "stress: no program to run")
algojudge_cli_test(NAME stress.option-of-other-problem EXIT 2
    ARGS stress max-gap --capacity 3 -- ${stress_programs}/max_gap_sorted
    STDERR "--capacity is an option of knapsack, not of max-gap")
algojudge_cli_test(NAME stress.json-only-problem EXIT 2
    ARGS stress average-precision -- ${stress_programs}/max_gap_sorted
    STDERR "problem average-precision has no text format \\(JSON only\\): use --io json")
algojudge_cli_test(NAME stress.unknown-problem EXIT 2
    ARGS stress max-gaps -- ${stress_programs}/max_gap_sorted
    STDERR "did you mean \"max-gap\"")
algojudge_cli_test(NAME stress.missing-program EXIT 2
    ARGS stress max-gap -- @WORK@/no-such-program
    STDERR "no-such-program: No such file or directory")
algojudge_cli_test(NAME stress.min-above-max EXIT 2
    ARGS stress max-gap --min 3 --max 2 -- ${stress_programs}/max_gap_sorted
    STDERR "^algojudge: error: --min \\(3\\) is greater than --max \\(2\\)\n$" STDOUT_NOT ".")

# --- a case found with --io json: the written command says --io json (the case file cannot)
algojudge_cli_test(NAME stress.out-says-io-json EXIT 1
    ARGS stress max-gap --io json --iterations 50 --out @WORK@/case.json
         -- ${stress_programs}/max_gap_crash_empty
    STDOUT "\nwrote [^\n]*case.json: algojudge judge --io json [^\n]*case.json -- COMMAND reproduces it\n$")
