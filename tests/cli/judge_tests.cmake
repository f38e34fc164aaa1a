# judge, end to end: small solution programs built by the suite (tests/judging/programs) run
# on the cases in tests/data/judge. No timed assertions: limits are only made to fire.
set(judge_programs ${CMAKE_BINARY_DIR}/tests/judging/programs)
set(judge_data ${PROJECT_SOURCE_DIR}/tests/data/judge)

# --- accepted, in both I/O modes; the report says where each expected answer came from
algojudge_cli_test(NAME judge.text.accepted EXIT 0
                   ARGS judge @DATA@/judge/max-gap/cases.json -- ${judge_programs}/max_gap_solution ok
                   STDOUT "AC +leetcode +[0-9]+ ms +[0-9.]+ [KM]iB +case" "AC +one" "AC +negative"
                          "\n3 passed, 0 failed\n$")
algojudge_cli_test(NAME judge.json.accepted EXIT 0
                   ARGS judge --io json @DATA@/judge/max-gap/cases.json -- ${judge_programs}/max_gap_solution json
                   STDOUT "3 passed, 0 failed\n$")
algojudge_cli_test(NAME judge.json-report EXIT 0
                   ARGS judge --json @DATA@/judge/max-gap/cases.json -- ${judge_programs}/max_gap_solution ok
                   STDOUT "\"name\": \"leetcode\",\n *\"file\": \"[^\"]*cases.json\",\n *\"number\": 1,\n *\"problem\": \"max-gap\",\n *\"verdict\": \"accepted\",\n *\"cpu_seconds\": [0-9.e-]+,\n *\"wall_seconds\": [0-9.e-]+,\n *\"memory_bytes\": [0-9]+,\n *\"exit_code\": 0,\n *\"signal\": null,\n *\"expected_from\": \"case\",\n *\"message\": \"\""
                          "\"passed\": 3,\n *\"failed\": 0,\n *\"errors\": 0\n}")
algojudge_cli_test(NAME judge.junit EXIT 0
                   ARGS judge --junit @WORK@/judge.xml @DATA@/judge/max-gap/cases.json -- ${judge_programs}/max_gap_solution ok
                   THEN grep -q "testsuite name=\"algojudge judge\" tests=\"3\"" @WORK@/judge.xml)

# --- wrong and unreadable answers
algojudge_cli_test(NAME judge.wrong-answer EXIT 1
                   ARGS judge @DATA@/judge/max-gap/cases.json -- ${judge_programs}/max_gap_solution wrong
                   STDOUT "WA +leetcode .*max_gap: expected 3, got 4" "\n0 passed, 3 failed\n$")
algojudge_cli_test(NAME judge.presentation-error EXIT 1
                   ARGS judge @DATA@/judge/max-gap/cases.json -- ${judge_programs}/max_gap_solution word
                   STDOUT "PE +leetcode .*line 1, column 1: expected the gap \\(a non-negative 64-bit integer\\), got \"gap=3\"")
algojudge_cli_test(NAME judge.fail-fast EXIT 1
                   ARGS judge --fail-fast @DATA@/judge/max-gap/cases.json -- ${judge_programs}/max_gap_solution wrong
                   STDOUT "\n0 passed, 1 failed\n$" STDERR "1 case.* not run|2 cases not run")

# --- other valid certificates
algojudge_cli_test(NAME judge.other-neighbours EXIT 0
                   ARGS judge @DATA@/judge/max-gap/cases.json -- ${judge_programs}/max_gap_solution last
                   STDOUT "3 passed, 0 failed")
algojudge_cli_test(NAME judge.other-knapsack-set EXIT 0
                   ARGS judge @DATA@/judge/knapsack/tie.json -- ${judge_programs}/knapsack_solution last
                   STDOUT "AC +tie" "1 passed, 0 failed")

# --- limits
algojudge_cli_test(NAME judge.tle-cpu EXIT 1
                   ARGS judge --time-limit 0.2 @DATA@/judge/max-gap/cases.json --filter one -- ${judge_programs}/spin
                   STDOUT "TLE +one .*CPU time over the limit of 0.2 s")
algojudge_cli_test(NAME judge.tle-wall EXIT 1
                   ARGS judge --time-limit 0.1 @DATA@/judge/max-gap/cases.json --filter one -- ${judge_programs}/sleep_forever
                   STDOUT "TLE +one .*wall-clock time over the limit of 1.2 s")
algojudge_cli_test(NAME judge.grandchild-killed EXIT 1
                   ARGS judge --time-limit 0.1 @DATA@/judge/max-gap/cases.json --filter one -- ${judge_programs}/orphan @WORK@/orphan.pid
                   STDOUT "one"
                   THEN sh -c "pid=$(cat @WORK@/orphan.pid) && ! kill -0 $pid 2>/dev/null")
algojudge_cli_test(NAME judge.mle EXIT 1
                   ARGS judge --memory-limit 64M @DATA@/judge/max-gap/cases.json --filter one -- ${judge_programs}/grab_memory 1024
                   STDOUT "MLE +one .*peak memory over the limit of 64.0 MiB")
algojudge_cli_test(NAME judge.untouched-reservation EXIT 0
                   ARGS judge --memory-limit 64M @DATA@/judge/max-gap/cases.json -- ${judge_programs}/max_gap_solution reserve
                   STDOUT "3 passed, 0 failed")
algojudge_cli_test(NAME judge.segfault EXIT 1
                   ARGS judge @DATA@/judge/max-gap/cases.json --filter one -- ${judge_programs}/segfault
                   STDOUT "RTE +one .*killed by SIGSEGV")
algojudge_cli_test(NAME judge.exit-code EXIT 1
                   ARGS judge @DATA@/judge/max-gap/cases.json --filter one -- ${judge_programs}/exit_code 3
                   STDOUT "RTE +one .*exit code 3")
algojudge_cli_test(NAME judge.stderr-in-message EXIT 1
                   ARGS judge @DATA@/judge/max-gap/cases.json --filter one -- sh -c "echo first >&2 && echo oops >&2 && exit 4"
                   STDOUT "RTE +one .*exit code 4. stderr: first \\| oops")
algojudge_cli_test(NAME judge.ole EXIT 1
                   ARGS judge --output-limit 1M @DATA@/judge/max-gap/cases.json --filter one -- ${judge_programs}/endless_output
                   STDOUT "OLE +one .*more output than the limit of 1.0 MiB")
algojudge_cli_test(NAME judge.ole-stderr EXIT 1
                   ARGS judge --output-limit 1M @DATA@/judge/max-gap/cases.json --filter one -- ${judge_programs}/endless_output stderr
                   STDOUT "OLE +one .*more than the limit of 1.0 MiB on stderr")
# The output limit caps every file the program writes (RLIMIT_FSIZE).
algojudge_cli_test(NAME judge.ole-file EXIT 1
                   ARGS judge --output-limit 1M @DATA@/judge/max-gap/cases.json --filter one -- sh -c "exec head -c 2000000 /dev/zero > @WORK@/big"
                   STDOUT "OLE +one .*a file written past the limit of 1.0 MiB")

# --- commands, paths and expected answers
algojudge_cli_test(NAME judge.missing-command EXIT 2
                   ARGS judge @DATA@/judge/max-gap/cases.json -- @WORK@/no-such-program
                   STDERR "^algojudge: error: [^\n]*no-such-program: No such file or directory\n$"
                   STDOUT_NOT ".")
algojudge_cli_test(NAME judge.no-command EXIT 2 ARGS judge @DATA@/judge/max-gap/cases.json
                   STDERR "no program to run")
algojudge_cli_test(NAME judge.kattis-folder EXIT 0
                   ARGS judge max-gap @DATA@/judge/kattis -- ${judge_programs}/max_gap_solution first
                   STDOUT "AC +secret/1 .* case\n" "AC +secret/2 .* case\n" "AC +secret/10 .* reference\n"
                          "3 passed, 0 failed")
algojudge_cli_test(NAME judge.reference-answers EXIT 0
                   ARGS judge @DATA@/judge/inputs -- ${judge_programs}/max_gap_solution ok
                   STDOUT "AC +no-answer-1 .*reference" "AC +no-answer-2 .*reference" "2 passed, 0 failed")
algojudge_cli_test(NAME judge.reference-wrong EXIT 1
                   ARGS judge @DATA@/judge/inputs -- ${judge_programs}/max_gap_solution wrong
                   STDOUT "WA +no-answer-1 .*reference +max_gap: expected 50, got 51")
algojudge_cli_test(NAME judge.bad-expected-is-judge-error EXIT 2
                   ARGS judge @DATA@/judge/bad-expected.json -- ${judge_programs}/max_gap_solution ok
                   STDOUT "JE +bad " "0 passed, 0 failed, 1 error" STDERR "bad expected answer")
algojudge_cli_test(NAME judge.text-io-needs-a-text-format EXIT 2
                   ARGS judge @ROOT@/data/cases/average-precision/review_test_case_1.json -- ${judge_programs}/exit_code
                   STDERR "has no text format .JSON only.: use --io json")
algojudge_cli_test(NAME judge.list-shows-text-format EXIT 0 ARGS list combination-sum
                   STDOUT "Text input \\(judge --io text\\): n target reuse k count_only"
                          "Text output: the count, then one combination per line")

find_program(PYTHON3 python3)
if(PYTHON3)
    algojudge_cli_test(NAME judge.python-solution EXIT 0
                       ARGS judge @DATA@/judge/max-gap/cases.json -- ${PYTHON3} ${judge_data}/../../judging/programs/max_gap_solution.py
                       STDOUT "3 passed, 0 failed")
    # Python ignores SIGXFSZ: its write past the limit fails and it exits 1 with a traceback.
    # That is still the output limit, not a runtime error.
    algojudge_cli_test(NAME judge.ole-python EXIT 1
                       ARGS judge --output-limit 1M @DATA@/judge/max-gap/cases.json --filter one -- ${PYTHON3} -c "while True: print('y' * 4096)"
                       STDOUT "OLE +one .*more output than the limit of 1.0 MiB")
endif()

find_program(BWRAP bwrap)
if(BWRAP)
    # The probe tries a connection to the judge's loopback (its own, empty, network inside),
    # a write outside /tmp (read-only: denied; /var/tmp, since the build tree may be under /tmp)
    # and one in its private /tmp (allowed); the shell prints the right gap (0) only when all
    # three came out so.
    set(probe "${judge_programs}/sandbox_probe 9 /var/tmp/algojudge-sandbox-probe | tr '\\n' ' ' | grep -q 'connect=denied write_outside=denied write_tmp=ok' && echo 0")
    algojudge_cli_test(NAME judge.sandbox-denies EXIT 0
                       ARGS judge --sandbox @DATA@/judge/max-gap/cases.json --filter one -- sh -c "${probe}"
                       STDOUT "AC +one" "1 passed, 0 failed")
    algojudge_cli_test(NAME judge.sandbox-control EXIT 1
                       ARGS judge @DATA@/judge/max-gap/cases.json --filter one -- sh -c "${probe}"
                       STDOUT "RTE +one")
    algojudge_cli_test(NAME judge.sandbox-accepts EXIT 0
                       ARGS judge --sandbox @DATA@/judge/max-gap/cases.json -- ${judge_programs}/max_gap_solution ok
                       STDOUT "3 passed, 0 failed")
else()
    message(STATUS "bwrap not found: judge --sandbox tests skipped")
    add_test(NAME cli.judge.sandbox-skipped COMMAND ${CMAKE_COMMAND} -E echo
             "bwrap is not installed: judge --sandbox tests skipped")
endif()

# combination-sum: the program lists every combination, in its own order; against a truncated
# expected list the count is checked and each listed one must be valid and listed once.
algojudge_cli_test(NAME judge.combination-sum-truncated EXIT 0
                   ARGS judge @DATA@/judge/combination-sum.json -- printf "2\\n3 2 2\\r\\n7"
                   STDOUT "AC +truncated .*case" "AC +complete .*reference" "2 passed, 0 failed")
algojudge_cli_test(NAME judge.combination-sum-duplicate EXIT 1
                   ARGS judge @DATA@/judge/combination-sum.json -- printf "2\\n7\\n7\\n"
                   STDOUT "WA +truncated .*1 listed more than once: \\[7\\]" "WA +complete")

# --- the reference solver's refusal names the reference's own limit, not the program's
algojudge_cli_test(NAME judge.reference-memory-limit EXIT 2
                   ARGS judge --reference-memory-limit 4M @DATA@/judge/knapsack/big-table.json -- ${judge_programs}/knapsack_solution
                   STDERR "case 1 \"big-table\": reference solution failed: input.capacity: .*a larger --reference-memory-limit\n$")
