# End-to-end tests of the knapsack problem (tests/data/knapsack, data/cases/knapsack).
algojudge_cli_test(NAME knapsack.run_issue_example EXIT 0
    ARGS run knapsack @DATA@/knapsack/issue-example.json
    STDOUT [[^{"best_value":90,"chosen":\[{"count":1,"item":1},{"count":1,"item":3}\],"total_weight":7}]])
algojudge_cli_test(NAME knapsack.run_negative_weight EXIT 2
    ARGS run knapsack @DATA@/knapsack/negative-weight.json
    STDOUT_NOT [[.]]
    STDERR [[algojudge: error: .*negative-weight.json: input.weights\[2\]: expected a non-negative integer, got -6]])
algojudge_cli_test(NAME knapsack.run_unbounded EXIT 2
    ARGS run knapsack @DATA@/knapsack/unbounded.json
    STDERR [[input.weights\[1\]: item 1 weighs 0 and is worth 40: .*the answer is unbounded]])
algojudge_cli_test(NAME knapsack.run_memory_limit EXIT 2
    ARGS run knapsack --memory-limit 4M @DATA@/knapsack/big-table.json
    STDOUT_NOT [[.]]
    STDERR [[input.capacity: the "2d" method needs [0-9]+ bytes \(11.4 MiB\) for capacity 1000000, over the memory limit of 4194304 bytes \(4.0 MiB\). use "method": "1d"]])
algojudge_cli_test(NAME knapsack.run_memory_limit_default_passes EXIT 0
    ARGS run knapsack @DATA@/knapsack/big-table.json
    STDOUT [["best_value":50]])
algojudge_cli_test(NAME knapsack.verify_cases EXIT 0
    ARGS verify @ROOT@/data/cases/knapsack
    STDOUT [[15 passed, 0 failed]])
algojudge_cli_test(NAME knapsack.verify_wrong_expected EXIT 1
    ARGS verify @DATA@/knapsack/wrong-expected.json
    STDOUT [[FAIL +wrong best .*best_value: expected 100, got 90]] [[1 passed, 1 failed]])
algojudge_cli_test(NAME knapsack.verify_bad_expected EXIT 2
    ARGS verify @DATA@/knapsack/bad-expected.json
    STDERR [[bad expected answer: expected.best: unknown field]])
