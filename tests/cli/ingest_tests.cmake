# The fast input readers of run and verify (issue 13, docs/design.md "Fast input readers"): where
# they read and where they hand over to the json path, the results and messages are the json
# path's.
set(ingest @DATA@/cli/ingest)
set(ingest_one_error "^algojudge: error: [^\n]*\n$")

# A file of cases typed by max-gap's reader, one for a problem without a fast reader, and one
# the reader declines (1.0): verify reports each as the json path does.
algojudge_cli_test(NAME ingest.verify-mixed EXIT 2 ARGS verify ${ingest}/mixed.json
                   STDOUT "PASS +typed " "RAN +no-fast-reader " "ERROR +fraction "
                          "2 passed, 0 failed, 1 error\n$"
                   STDERR "mixed.json: case 3 \"fraction\": input.nums\\[0\\]: expected an integer in the signed 64-bit range, got 1.0\n$")
# The typed checker validates the certificate against the numbers the reader made.
algojudge_cli_test(NAME ingest.verify-typed-wrong EXIT 1 ARGS verify @DATA@/cli/wrong
                   STDOUT "FAIL +wrong-gap +[0-9.]+ ms +max_gap: expected 3, got 4")
# A case read by max-gap's reader, run as another problem.
algojudge_cli_test(NAME ingest.run-other-problem EXIT 2
                   ARGS run average-precision @DATA@/cli/good/case2.json
                   STDERR "${ingest_one_error}" "case2.json: case 1 \"case2\": problem: the case is for \"max-gap\", not \"average-precision\"\n$"
                   STDOUT_NOT ".")
# A .jsonl file holds cases: a bare input on its one line is not read as one.
algojudge_cli_test(NAME ingest.jsonl-bare-line EXIT 2 ARGS run max-gap ${ingest}/bare.jsonl
                   STDERR "${ingest_one_error}" "bare.jsonl: case 1 \"bare.jsonl#1\": nums: unknown field"
                   STDOUT_NOT ".")
# average-precision's file reader keeps --memory-limit, and a pipe reaches the text reader.
set(ingest_ap @DATA@/ap/converted/cartucho_input.json)
algojudge_cli_test(NAME ingest.ap-file-limit EXIT 2
                   ARGS run average-precision --memory-limit 1K ${ingest_ap}
                   STDERR "${ingest_one_error}" "cartucho_input.json: larger than the input limit of 1 KiB \\(--memory-limit\\)\n$"
                   STDOUT_NOT ".")
algojudge_cli_test(NAME ingest.ap-stdin EXIT 0 ARGS run average-precision - STDIN ${ingest_ap}
                   STDOUT "^{\"classes\":{" "\"map_area\":")
algojudge_cli_test(NAME ingest.max-gap-stdin-fraction EXIT 2 ARGS run max-gap - STDIN ${ingest}/fraction.json
                   STDERR "${ingest_one_error}" "-: input.nums\\[0\\]: expected an integer in the signed 64-bit range, got 1.0\n$"
                   STDOUT_NOT ".")
# max-gap's file reader (a mapped file) declines past --memory-limit and on what it cannot read.
algojudge_cli_test(NAME ingest.max-gap-file-limit EXIT 2
                   ARGS run max-gap --memory-limit 10 ${ingest}/fraction.json
                   STDERR "${ingest_one_error}" "fraction.json: larger than the input limit of 10 bytes \\(--memory-limit\\)\n$"
                   STDOUT_NOT ".")
algojudge_cli_test(NAME ingest.max-gap-file-fraction EXIT 2 ARGS run max-gap ${ingest}/fraction.json
                   STDERR "${ingest_one_error}" "fraction.json: input.nums\\[0\\]: expected an integer in the signed 64-bit range, got 1.0\n$"
                   STDOUT_NOT ".")
algojudge_cli_test(NAME ingest.max-gap-file EXIT 0 ARGS run max-gap @DATA@/cli/input.json
                   STDOUT "^{\"between\":\\[3,6\\],\"max_gap\":3}\n$")
