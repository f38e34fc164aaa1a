# combination-sum end to end: run on a bare input and on the bundled cases, verify, bad input.
algojudge_cli_test(NAME combination_sum.run_bare_input EXIT 0
                   ARGS run combination-sum @DATA@/combination-sum/leetcode-40.input.json
                   STDOUT_FILE @DATA@/combination-sum/leetcode-40.output.json)
algojudge_cli_test(NAME combination_sum.run_pretty EXIT 0
                   ARGS run --pretty combination-sum @DATA@/combination-sum/leetcode-40.input.json
                   STDOUT "\"count\": 4" "\"truncated\": false")
algojudge_cli_test(NAME combination_sum.run_case_file EXIT 0
                   ARGS run combination-sum @ROOT@/data/cases/combination-sum/reordered.json
                   STDOUT_FILE @DATA@/combination-sum/leetcode-40.output.json)
algojudge_cli_test(NAME combination_sum.run_count_beyond_64_bits EXIT 0
                   ARGS run combination-sum @ROOT@/data/cases/combination-sum/edge-cases.json
                   STDOUT "\"count\":\"19071215297779742412\"" "\"count\":73682}")
algojudge_cli_test(NAME combination_sum.verify_bundled_cases EXIT 0
                   ARGS verify @ROOT@/data/cases/combination-sum
                   STDOUT "PASS +reordered-expected-answer" "PASS +count-beyond-64-bits"
                          "22 passed, 0 failed")
algojudge_cli_test(NAME combination_sum.run_bad_input EXIT 2
                   ARGS run combination-sum @DATA@/combination-sum/bad-input.json
                   STDERR "algojudge: error: .*bad-input.json: case 1 \"zero-candidate\": input\\.candidates.1.: expected a positive integer, got 0")
algojudge_cli_test(NAME combination_sum.run_unknown_field EXIT 2
                   ARGS run combination-sum @DATA@/combination-sum/unknown-field.input.json
                   STDERR "input\\.limt: unknown field \\(expected one of: candidates, target, reuse, k, limit, count_only\\)")
algojudge_cli_test(NAME combination_sum.verify_bad_input EXIT 2
                   ARGS verify @DATA@/combination-sum/bad-input.json
                   STDOUT "ERROR +zero-candidate" "0 passed, 0 failed, 1 error"
                   STDERR "input\\.candidates.1.: expected a positive integer, got 0")
algojudge_cli_test(NAME combination_sum.verify_wrong_expected EXIT 1
                   ARGS verify @DATA@/combination-sum/wrong-expected.json
                   STDOUT "FAIL +one-combination-left-out"
                          "count: expected 3, got 4. 1 extra: .2,6.. expected 3 combinations, got 4"
                          "0 passed, 1 failed")
algojudge_cli_test(NAME combination_sum.verify_bad_expected EXIT 2
                   ARGS verify @DATA@/combination-sum/bad-expected.json
                   STDERR "bad expected answer: expected\\.combinations.1.: .6. sums to 6, not the target 7")
algojudge_cli_test(NAME combination_sum.run_absurd_target EXIT 2
                   ARGS run combination-sum @DATA@/combination-sum/absurd-target.input.json
                   STDERR "input: counting needs a table of about .* over the memory limit of 1\\.0 GiB. lower the target")
