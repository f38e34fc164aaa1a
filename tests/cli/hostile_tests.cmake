# Hostile inputs (issue 14): each is refused with exit status 2 and one located line on stderr,
# never a signal, a hang or stray stdout. docs/reliability.md says what is guaranteed.
set(hostile @DATA@/cli/hostile)
set(one_error_line "^algojudge: error: [^\n]*\n$")

# --- nesting: 10^6 levels, written here rather than kept in the tree (2 MB)
set(hostile_generated ${CMAKE_CURRENT_BINARY_DIR}/hostile)
string(REPEAT "[" 1000000 deep_open)
string(REPEAT "]" 1000000 deep_close)
file(WRITE ${hostile_generated}/deep.json
     "{\"problem\":\"max-gap\",\"input\":{\"nums\":${deep_open}${deep_close}}}")
file(WRITE ${hostile_generated}/deep-expected.json
     "{\"problem\":\"max-gap\",\"input\":{\"nums\":[1]},\"expected\":${deep_open}${deep_close}}")
file(WRITE ${hostile_generated}/deep-tolerance.json
     "{\"problem\":\"max-gap\",\"input\":{\"nums\":[1]},\"tolerance\":{\"a\":${deep_open}${deep_close}}}")
file(WRITE ${hostile_generated}/deep-ap.json "{\"ground_truth\":${deep_open}${deep_close}}")
set(deep_message "JSON nested deeper than 256 levels at column [0-9]+\n$")
algojudge_cli_test(NAME hostile.deep-run EXIT 2 ARGS run max-gap ${hostile_generated}/deep.json
                   STDERR "${one_error_line}" "deep.json: ${deep_message}" STDOUT_NOT ".")
algojudge_cli_test(NAME hostile.deep-verify EXIT 2 ARGS verify ${hostile_generated}/deep.json
                   STDERR "${one_error_line}" "deep.json: ${deep_message}" STDOUT_NOT ".")
algojudge_cli_test(NAME hostile.deep-expected EXIT 2 ARGS verify ${hostile_generated}/deep-expected.json
                   STDERR "${one_error_line}" "deep-expected.json: ${deep_message}" STDOUT_NOT ".")
algojudge_cli_test(NAME hostile.deep-tolerance EXIT 2 ARGS verify ${hostile_generated}/deep-tolerance.json
                   STDERR "${one_error_line}" "deep-tolerance.json: ${deep_message}" STDOUT_NOT ".")
algojudge_cli_test(NAME hostile.deep-ap EXIT 2 ARGS ap ${hostile_generated}/deep-ap.json
                   STDERR "${one_error_line}" "deep-ap.json: ${deep_message}" STDOUT_NOT ".")

# --- NUL bytes, a second document, duplicate keys
algojudge_cli_test(NAME hostile.nul-run EXIT 2 ARGS run max-gap ${hostile}/nul-garbage.json
                   STDERR "${one_error_line}" "nul-garbage.json: malformed JSON at column 15: a NUL byte"
                   STDOUT_NOT ".")
algojudge_cli_test(NAME hostile.nul-verify EXIT 2 ARGS verify ${hostile}/nul-case.json
                   STDERR "${one_error_line}" "nul-case.json: malformed JSON at column 45: a NUL byte"
                   STDOUT_NOT ".")
algojudge_cli_test(NAME hostile.nul-jsonl-line EXIT 2 ARGS verify ${hostile}/nul-line.jsonl
                   STDERR "${one_error_line}" "nul-line.jsonl: line 2: malformed JSON at column 45: a NUL byte"
                   STDOUT_NOT ".")
algojudge_cli_test(NAME hostile.nul-coco EXIT 2
                   ARGS ap --format coco --gt ${hostile}/coco-nul-instances.json
                        --det @DATA@/ap/formats/toyexample/coco/results.json
                   STDERR "${one_error_line}" "coco-nul-instances.json: malformed JSON at line [0-9]+, column [0-9]+: a NUL byte"
                   STDOUT_NOT ".")
algojudge_cli_test(NAME hostile.nul-ap-name EXIT 2 ARGS ap ${hostile}/ap-nul-name.json
                   STDERR "${one_error_line}" "ap-nul-name.json: malformed JSON at line 1, column 41: a NUL byte"
                   STDOUT_NOT ".")
algojudge_cli_test(NAME hostile.nul-text-folder EXIT 2
                   ARGS ap --gt ${hostile}/text-nul-gt --det ${hostile}/text-det
                   STDERR "${one_error_line}" "text-nul-gt/img1.txt: line 2: a NUL byte at column 3\n$"
                   STDOUT_NOT ".")
algojudge_cli_test(NAME hostile.nul-voc-xml EXIT 2
                   ARGS ap --gt ${hostile}/voc-nul/gt --det ${hostile}/voc-nul/det
                   STDERR "${one_error_line}" "voc-nul/gt/img1.xml: line 3: a NUL byte at column 12\n$"
                   STDOUT_NOT ".")
algojudge_cli_test(NAME hostile.ap-control-character-name EXIT 2 ARGS ap ${hostile}/ap-control-name.json
                   STDERR "${one_error_line}" "ap-control-name.json: malformed JSON at line 1, column 41: a control character \\(U\\+000A\\) in a string must be escaped\n$"
                   STDOUT_NOT ".")
algojudge_cli_test(NAME hostile.ap-second-document EXIT 2 ARGS ap ${hostile}/ap-two-documents.json
                   STDERR "${one_error_line}" "ap-two-documents.json: malformed JSON at line 2, column 1: more after the document"
                   STDOUT_NOT ".")
algojudge_cli_test(NAME hostile.duplicate-key-run EXIT 2 ARGS run max-gap ${hostile}/duplicate-key.json
                   STDERR "${one_error_line}" "duplicate-key.json: duplicate key \"nums\"" STDOUT_NOT ".")
algojudge_cli_test(NAME hostile.duplicate-key-expected EXIT 2 ARGS verify ${hostile}/duplicate-expected.json
                   STDERR "${one_error_line}" "duplicate-expected.json: expected: duplicate key \"max_gap\""
                   STDOUT_NOT ".")
algojudge_cli_test(NAME hostile.duplicate-key-ap-list EXIT 2 ARGS ap ${hostile}/ap-duplicate-list.json
                   STDERR "${one_error_line}" "ap-duplicate-list.json: duplicate key \"detections\""
                   STDOUT_NOT ".")
algojudge_cli_test(NAME hostile.duplicate-key-ap-entry EXIT 2 ARGS ap ${hostile}/ap-duplicate-entry-key.json
                   STDERR "${one_error_line}" "ap-duplicate-entry-key.json: ground_truth\\[0\\]: duplicate key \"class\""
                   STDOUT_NOT ".")

# --- devices, special files and sizes
algojudge_cli_test(NAME hostile.dev-zero-run EXIT 2 ARGS run max-gap /dev/zero
                   STDERR "${one_error_line}" "/dev/zero: malformed JSON at column 1: a NUL byte"
                   STDOUT_NOT ".")
algojudge_cli_test(NAME hostile.dev-zero-verify EXIT 2 ARGS verify /dev/zero
                   STDERR "${one_error_line}" "/dev/zero: malformed JSON at column 1: a NUL byte"
                   STDOUT_NOT ".")
algojudge_cli_test(NAME hostile.dev-urandom-verify EXIT 2 ARGS verify /dev/urandom
                   STDERR "^algojudge: error: /dev/urandom: " STDOUT_NOT ".")
algojudge_cli_test(NAME hostile.dev-zero-ap EXIT 2 ARGS ap /dev/zero
                   STDERR "${one_error_line}" "/dev/zero: malformed JSON at column 1: a NUL byte"
                   STDOUT_NOT ".")
algojudge_cli_test(NAME hostile.proc-self-mem EXIT 2 ARGS run max-gap /proc/self/mem
                   STDERR "^algojudge: error: cannot read /proc/self/mem: Input/output error\n$"
                   STDOUT_NOT ".")
algojudge_cli_test(NAME hostile.proc-self-mem-verify EXIT 2 ARGS verify /proc/self/mem
                   STDERR "^algojudge: error: cannot read /proc/self/mem: Input/output error\n$"
                   STDOUT_NOT ".")
algojudge_cli_test(NAME hostile.file-over-memory-limit EXIT 2
                   ARGS run max-gap --memory-limit 1K @ROOT@/data/cases/max-gap/generated.jsonl
                   STDERR "^algojudge: error: [^\n]*generated.jsonl: larger than the input limit of 1 KiB \\(--memory-limit\\)\n$"
                   STDOUT_NOT ".")
algojudge_cli_test(NAME hostile.stdin-over-memory-limit EXIT 2
                   ARGS run max-gap --memory-limit 1K - STDIN @ROOT@/data/cases/max-gap/generated.jsonl
                   STDERR "^algojudge: error: standard input: larger than the input limit of 1 KiB \\(--memory-limit\\)\n$"
                   STDOUT_NOT ".")
# A sparse 1 GiB + 1 file: read, it would be 1 GiB of NUL bytes
file(WRITE ${hostile_generated}/huge-ap.json "{")
execute_process(COMMAND truncate -s 1073741825 ${hostile_generated}/huge-ap.json)
algojudge_cli_test(NAME hostile.ap-file-over-input-limit EXIT 2 ARGS ap ${hostile_generated}/huge-ap.json
                   STDERR "^algojudge: error: [^\n]*huge-ap.json: larger than the input limit of 1 GiB \\(--memory-limit\\)\n$"
                   STDOUT_NOT ".")

# --- verify selects nothing, reports that cannot be written, job counts
algojudge_cli_test(NAME hostile.verify-empty-folder EXIT 2 ARGS verify @WORK@
                   STDERR "^algojudge: error: no case found under the paths given. nothing was run\n$"
                   STDOUT_NOT ".")
algojudge_cli_test(NAME hostile.verify-filter-matches-nothing EXIT 2
                   ARGS verify --filter "nothing*" @DATA@/cli/good
                   STDERR "^algojudge: error: no case matched --filter. nothing was run\n$"
                   STDOUT_NOT ".")
algojudge_cli_test(NAME hostile.verify-junit-dev-full EXIT 2
                   ARGS verify --junit /dev/full @DATA@/cli/good
                   STDERR "^algojudge: error: /dev/full: cannot open the JUnit report for writing\n$"
                   STDOUT_NOT ".")
algojudge_cli_test(NAME hostile.verify-junit-no-folder EXIT 2
                   ARGS verify --junit @WORK@/no/such/folder/report.xml @DATA@/cli/good
                   STDERR "report.xml: cannot open the JUnit report for writing\n$"
                   STDOUT_NOT ".")
algojudge_cli_test(NAME hostile.verify-jobs-zero EXIT 2 ARGS verify --jobs 0 @DATA@/cli/good
                   STDERR "--jobs: expected a positive number of jobs, got \"0\"" STDOUT_NOT ".")
algojudge_cli_test(NAME hostile.verify-many-jobs EXIT 0 ARGS verify --jobs 100000 @DATA@/cli/good
                   STDOUT "\n6 passed, 0 failed\n$")
# The system refusing threads (simulated): the run goes on with those it has, one note says so.
algojudge_cli_test(NAME hostile.verify-threads-refused EXIT 0 ARGS verify --jobs 4 @DATA@/cli/good
                   STDOUT "^PASS +case2 [^\n]*\nPASS +case10 [^\n]*\nPASS +a1 [^\n]*\nPASS +a2 [^\n]*\nPASS +b3 [^\n]*\nRAN +b4 [^\n]*\n6 passed, 0 failed\n$"
                   STDERR "^algojudge: note: the system refused more threads: running on 1 of 4\n$")
set_tests_properties(cli.hostile.verify-threads-refused PROPERTIES ENVIRONMENT ALGOJUDGE_TEST_MAX_THREADS=1)
algojudge_cli_test(NAME hostile.verify-threads-refused-after-two EXIT 1
                   ARGS verify --jobs 100 @DATA@/cli/good @DATA@/cli/wrong
                   STDOUT "^PASS +case2 [^\n]*\n" "\nFAIL +wrong-gap [^\n]*\nPASS +also-right [^\n]*\n8 passed, 1 failed\n$"
                   STDERR "^algojudge: note: the system refused more threads: running on 2 of 9\n$")
set_tests_properties(cli.hostile.verify-threads-refused-after-two PROPERTIES ENVIRONMENT ALGOJUDGE_TEST_MAX_THREADS=2)

# --- run reads JSON Lines case files, from a file or standard input
algojudge_cli_test(NAME hostile.run-jsonl EXIT 0
                   ARGS run max-gap @ROOT@/data/cases/max-gap/generated.jsonl
                   STDOUT "^{\"between\":[^\n]*\n{\"between\"")
algojudge_cli_test(NAME hostile.run-jsonl-stdin EXIT 0 ARGS run max-gap -
                   STDIN @ROOT@/data/cases/max-gap/generated.jsonl
                   STDOUT "^{\"between\":[^\n]*\n{\"between\"")

# --- names from the input are escaped to one line; JSON output stays valid UTF-8
algojudge_cli_test(NAME hostile.escaped-case-name EXIT 2 ARGS verify ${hostile}/escape-name.json
                   STDERR "${one_error_line}" "case 1 \"bad\\\\x1b\\[31mname\\\\x0ax\": input.nums: expected an array"
                   STDOUT "ERROR +bad\\\\x1b\\[31mname\\\\x0ax ")
algojudge_cli_test(NAME hostile.ap-table-escapes-class-names EXIT 0
                   ARGS ap --gt ${hostile}/text-gt --det ${hostile}/text-det
                   STDOUT "\nca\\\\x1bt " "\nd\\\\xffg ")
algojudge_cli_test(NAME hostile.ap-json-non-utf8-class EXIT 0
                   ARGS ap --gt ${hostile}/text-gt --det ${hostile}/text-det --json
                   STDOUT "\"d�g\"")

# --- messages say what was expected and what is wrong
algojudge_cli_test(NAME hostile.ap-top-level-array EXIT 2 ARGS ap ${hostile}/ap-array.json
                   STDERR "^algojudge: error: [^\n]*ap-array.json: expected an object, got an array\n$"
                   STDOUT_NOT ".")
algojudge_cli_test(NAME hostile.ap-lone-surrogate EXIT 2 ARGS ap ${hostile}/ap-lone-surrogate.json
                   STDERR "${one_error_line}" "ground_truth\\[0\\].class: malformed string \\(a bad escape or a lone UTF-16 surrogate\\)"
                   STDOUT_NOT ".")

# --- run holds the outputs before the last in a spool (1 MiB in memory, then a temporary file):
# a run over several cases of about 3 MB output each prints exactly what the cases print one by
# one (each alone is printed straight, without the spool).
add_test(NAME cli.hostile.run-spilled-outputs-match-one-by-one
         COMMAND sh -c [[
set -e
exe=$1 work=$2
rm -rf "$work" && mkdir -p "$work" && cd "$work"
printf '[' > cases.json
for target in 300 301 302 303; do
    input="{\"candidates\":[1,2,3],\"target\":$target,\"reuse\":true}"
    printf '%s' "$input" > "in$target.json"
    "$exe" run combination-sum "in$target.json" >> one-by-one.out
    [ "$target" = 300 ] || printf ',' >> cases.json
    printf '{"problem":"combination-sum","input":%s}' "$input" >> cases.json
done
printf ']' >> cases.json
"$exe" run combination-sum cases.json > all.out
size=$(wc -c < all.out)
[ "$size" -gt 4194304 ] || { echo "only $size bytes: the spool never spilled"; exit 1; }
cmp all.out one-by-one.out
]] sh $<TARGET_FILE:algojudge> ${CMAKE_CURRENT_BINARY_DIR}/work/run-spilled-outputs)
