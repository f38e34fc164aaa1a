# list, run and verify, end to end, on max-gap cases (tests/data/cli and data/cases).
# A regex cannot hold a semicolon (it separates CMake arguments): write "." for it.

# --- list
algojudge_cli_test(NAME list.table EXIT 0 ARGS list
                   STDOUT "PROBLEM +INPUT +SUMMARY" "max-gap +nums: \\[int64\\]")
algojudge_cli_test(NAME list.json EXIT 0 ARGS list --json
                   STDOUT "\"name\": \"max-gap\"" "\"input\": \"nums: \\[int64\\]\"")

# --- usage errors
algojudge_cli_test(NAME usage.no-command EXIT 2 ARGS STDERR "^algojudge: error: ")
algojudge_cli_test(NAME usage.unknown-flag EXIT 2 ARGS verify --frobnicate @DATA@/cli/good
                   STDERR "algojudge: error: .*frobnicate")
algojudge_cli_test(NAME usage.help EXIT 0 ARGS --help STDOUT "verify" "run" "list")
algojudge_cli_test(NAME usage.bad-shard EXIT 2 ARGS verify --shard 3/3 @DATA@/cli/good
                   STDERR "algojudge: error: --shard: expected K/N with 0 <= K < N, got \"3/3\"")
algojudge_cli_test(NAME usage.bad-memory-limit EXIT 2 ARGS run max-gap --memory-limit lots
                   @DATA@/cli/input.json STDERR "--memory-limit: expected a size")

# --- run
algojudge_cli_test(NAME run.input-file EXIT 0 ARGS run max-gap @DATA@/cli/input.json
                   STDOUT "^{\"between\":\\[3,6\\],\"max_gap\":3}\n$")
algojudge_cli_test(NAME run.stdin EXIT 0 ARGS run max-gap - STDIN @DATA@/cli/input.json
                   STDOUT "^{\"between\":\\[3,6\\],\"max_gap\":3}\n$")
algojudge_cli_test(NAME run.pretty EXIT 0 ARGS run max-gap --pretty @DATA@/cli/input.json
                   STDOUT "\n  \"max_gap\": 3\n")
algojudge_cli_test(NAME run.case-file EXIT 0 ARGS run max-gap @ROOT@/data/cases/max-gap/leetcode-164.json
                   STDOUT "^{\"between\":\\[3,6\\],\"max_gap\":3}\n{\"between\":null,\"max_gap\":0}\n$")
algojudge_cli_test(NAME run.unknown-problem EXIT 2 ARGS run maxgap @DATA@/cli/input.json
                   STDERR "^algojudge: error: unknown problem \"maxgap\" \\(did you mean \"max-gap\"\\?\\)\n$"
                   STDOUT_NOT ".")
algojudge_cli_test(NAME run.case-for-other-problem EXIT 2 ARGS run max-gap @DATA@/cli/bad/unknown-problem.json
                   STDERR "unknown-problem.json: case 1 \"typo\": problem: unknown problem \"maxgap\"")
algojudge_cli_test(NAME run.bad-input-no-partial-output EXIT 2
                   ARGS run max-gap @DATA@/cli/bad/missing-input.json
                   STDERR "missing-input.json: case 2 \"no-input\": missing field \"input\""
                   STDOUT_NOT ".")
algojudge_cli_test(NAME run.out-of-range EXIT 2 ARGS run max-gap @DATA@/cli/bad/out-of-range.json
                   STDERR "^algojudge: error: [^\n]*out-of-range.json: case 1 \"huge\": input.nums\\[1\\]: expected an integer in the signed 64-bit range, got 9223372036854775808\n$"
                   STDOUT_NOT ".")
algojudge_cli_test(NAME run.missing-file EXIT 2 ARGS run max-gap @DATA@/cli/absent.json
                   STDERR "absent.json: cannot open file")

# --- verify: results and exit statuses
algojudge_cli_test(NAME verify.bundled-data EXIT 0 ARGS verify @ROOT@/data/cases
                   STDOUT "PASS +leetcode-164-example-1 " "\n[0-9]+ passed, 0 failed\n$")
algojudge_cli_test(NAME verify.wrong-expected EXIT 1 ARGS verify @DATA@/cli/wrong
                   STDOUT "PASS +right " "FAIL +wrong-gap +[0-9.]+ ms +max_gap: expected 3, got 4"
                          "\n2 passed, 1 failed\n$")
algojudge_cli_test(NAME verify.natural-order-and-unchecked EXIT 0 ARGS verify @DATA@/cli/good
                   STDOUT "PASS +case2 [^\n]*\nPASS +case10 [^\n]*\nPASS +a1 [^\n]*\nPASS +a2 [^\n]*\nPASS +b3 [^\n]*\nRAN +b4 .*no expected answer"
                          "\n6 passed, 0 failed\n$")
algojudge_cli_test(NAME verify.filter EXIT 0 ARGS verify --filter "a*" @DATA@/cli/good
                   STDOUT "^PASS +a1 [^\n]*\nPASS +a2 [^\n]*\n2 passed, 0 failed\n$")
algojudge_cli_test(NAME verify.shard-0-of-2 EXIT 0 ARGS verify --shard 0/2 @DATA@/cli/good
                   STDOUT "^PASS +case2 [^\n]*\nPASS +a1 [^\n]*\nPASS +b3 [^\n]*\n3 passed, 0 failed\n$")
algojudge_cli_test(NAME verify.shard-1-of-2 EXIT 0 ARGS verify --shard 1/2 @DATA@/cli/good
                   STDOUT "^PASS +case10 [^\n]*\nPASS +a2 [^\n]*\nRAN +b4 [^\n]*\n3 passed, 0 failed\n$")
algojudge_cli_test(NAME verify.one-job EXIT 1 ARGS verify --jobs 1 @DATA@/cli/wrong
                   STDOUT "\n2 passed, 1 failed\n$")
algojudge_cli_test(NAME verify.fail-fast EXIT 1 ARGS verify --jobs 1 --fail-fast @DATA@/cli/wrong
                   STDOUT "^PASS +right [^\n]*\nFAIL +wrong-gap [^\n]*\n1 passed, 1 failed\n$"
                   STDERR "stopped after the first failure. 1 case not run")
algojudge_cli_test(NAME verify.json EXIT 1 ARGS verify --json @DATA@/cli/wrong
                   STDOUT "^{\n" "\"failed\": 1" "\"passed\": 2" "\"status\": \"failed\""
                          "\"message\": \"max_gap: expected 3, got 4\""
                   STDOUT_NOT "passed, ")
algojudge_cli_test(NAME verify.junit EXIT 1 ARGS verify --junit @WORK@/report.xml @DATA@/cli/wrong
                   STDOUT "\n2 passed, 1 failed\n$"
                   THEN xmllint --noout --xpath "//testsuite[@tests=3][@failures=1]/testcase[@name='wrong-gap']/failure[@message='max_gap: expected 3, got 4']" @WORK@/report.xml)
algojudge_cli_test(NAME verify.bad-expected-is-an-error EXIT 2 ARGS verify @DATA@/cli/bad/bad-expected.json
                   STDERR "bad-expected.json: case 1 \"bad-expected\": bad expected answer: expected.max_gap: expected a non-negative integer"
                   STDOUT "\n0 passed, 0 failed, 1 error\n$")
algojudge_cli_test(NAME verify.wrong-type EXIT 2 ARGS verify @DATA@/cli/bad/wrong-type.json
                   STDERR "wrong-type.json: case 1 \"typed\": input.nums: expected an array, got \"1 2 3\""
                   STDOUT "0 passed, 0 failed, 1 error")

# --- verify: malformed case files stop everything before any result
foreach(bad broken nan huge-float missing-input unknown-problem unknown-key truncated-line)
    set(file ${bad}.json)
    if(bad STREQUAL "truncated-line")
        set(file ${bad}.jsonl)
    endif()
    algojudge_cli_test(NAME verify.malformed-${bad} EXIT 2 ARGS verify @DATA@/cli/good @DATA@/cli/bad/${file}
                       STDERR "^algojudge: error: [^\n]*bad/${file}: [^\n]+\n$"
                       STDOUT_NOT ".")
endforeach()
algojudge_cli_test(NAME verify.malformed-messages EXIT 2 ARGS verify @DATA@/cli/bad
                   STDERR "broken.json: malformed JSON at line 1, column 49 near '\\]}}\\]'"
                          "nan.json: malformed JSON at line 1, column 61 near 'NaN\\]}}'"
                          "missing-input.json: case 2 \"no-input\": missing field \"input\""
                          "unknown-problem.json: case 1 \"typo\": problem: unknown problem \"maxgap\" \\(did you mean \"max-gap\"\\?\\)"
                          "unknown-key.json: case 1 \"extra\": expect: unknown field"
                          "truncated-line.jsonl: line 3: malformed JSON: unexpected end of input"
                          "algojudge: note: 7 case files could not be loaded"
                   STDOUT_NOT ".")
algojudge_cli_test(NAME verify.missing-path EXIT 2 ARGS verify @DATA@/cli/nowhere
                   STDERR "nowhere: no such file or directory")
algojudge_cli_test(NAME run.number-beyond-double EXIT 2 ARGS run max-gap @DATA@/cli/bad-number.json
                   STDERR "^algojudge: error: [^\n]*bad-number.json: malformed JSON at column 11: a number out of the double range\n$"
                   STDOUT_NOT ".")

# --- mistyped commands and options, help
algojudge_cli_test(NAME usage.unknown-command EXIT 2 ARGS verfy @ROOT@/data/cases
                   STDERR "^algojudge: error: unknown command \"verfy\" \\(did you mean \"verify\"\\?\\)\n$"
                   STDOUT_NOT ".")
algojudge_cli_test(NAME usage.unknown-command-far EXIT 2 ARGS frobnicate
                   STDERR "^algojudge: error: unknown command \"frobnicate\" \\(`algojudge help` lists them\\)\n$")
algojudge_cli_test(NAME usage.mistyped-option EXIT 2 ARGS verify --jbos 2 @DATA@/cli/good
                   STDERR "^algojudge: error: unknown option \"--jbos\" for verify \\(did you mean \"--jobs\"\\?\\)\n$"
                   STDOUT_NOT ".")
algojudge_cli_test(NAME usage.help-command EXIT 0 ARGS help verify STDOUT "--jobs" "--junit")
algojudge_cli_test(NAME usage.help-alone EXIT 0 ARGS help STDOUT "verify" "run" "list")
algojudge_cli_test(NAME usage.help-unknown EXIT 2 ARGS help verfy
                   STDERR "unknown command \"verfy\" \\(did you mean \"verify\"\\?\\)")
