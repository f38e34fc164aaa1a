// Knapsack DP throughput: cell updates per second of the 1d method (n = 1000, W = 1e6) for
// 0-1 and complete items, 64-bit and 32-bit values, the target_clones kernel against the same
// loop with vectorisation disabled; the cost of recovering chosen items; 2d against 1d (n = 1000,
// W = 1e5: the 2d table at W = 1e6 would need 4 GB). Rates are per CPU second: the machine's 2
// cores are shared, so wall time overstates the cost. Figures: docs/performance.md.
#include <random>
#include <vector>

#include <benchmark/benchmark.h>

#include "algorithms/knapsack.hpp"

namespace {

using namespace algojudge;

struct bench_items {
    std::vector<std::uint64_t> weights;
    std::vector<std::uint64_t> values;
};

// Weights 1..2000 (so almost every pass runs the blocked vector loop over ~W cells), values
// 1..1000: their sum fits in 32 bits, and allow_32_bit = false forces 64-bit on the same data.
const bench_items& items() {
    static const bench_items made = [] {
        bench_items out;
        std::mt19937_64 random(20261129);
        std::uniform_int_distribution<std::uint64_t> weight(1, 2000);
        std::uniform_int_distribution<std::uint64_t> value(1, 1000);
        for (int i = 0; i < 1000; ++i) {
            out.weights.push_back(weight(random));
            out.values.push_back(value(random));
        }
        return out;
    }();
    return made;
}

// Cells touched: for each item, capacities weight..W.
double cell_updates(std::uint64_t capacity) {
    double cells = 0;
    for (std::uint64_t weight : items().weights)
        cells += weight <= capacity ? static_cast<double>(capacity - weight + 1) : 0;
    return cells;
}

void run(benchmark::State& state, knapsack_kind kind, std::uint64_t capacity,
         const knapsack_options& options) {
    const knapsack_instance instance{
        kind, knapsack_fill::at_most, capacity, items().weights, items().values, {}};
    const knapsack_plan plan = plan_knapsack(instance, options);
    std::uint64_t best = 0;
    for (auto _ : state) {
        const knapsack_result result = knapsack(instance, options);
        best = result.best_value;
        benchmark::DoNotOptimize(best);
    }
    state.counters["cells/s"] =
        benchmark::Counter(cell_updates(capacity) * static_cast<double>(state.iterations()),
                           benchmark::Counter::kIsRate);
    state.counters["MB"] = static_cast<double>(plan.bytes) / 1e6;
    state.counters["value_bits"] = plan.value_bits;
    state.counters["best"] = static_cast<double>(best);
}

constexpr std::uint64_t big_capacity = 1000000;
constexpr std::uint64_t table_capacity = 100000;

void settings(benchmark::internal::Benchmark* b) {
    b->Iterations(2)->Unit(benchmark::kMillisecond);
}

// Args: kind (0 = 0-1, 1 = complete), value bits, vectorised (1) or scalar (0), chosen items
// recovered with the decision bitset (1) or value only (0).
void BM_rolling(benchmark::State& state) {
    const auto kind = state.range(0) == 0 ? knapsack_kind::zero_one : knapsack_kind::complete;
    knapsack_options options;
    options.tuning.allow_32_bit = state.range(1) == 32;
    options.tuning.kernel =
        state.range(2) == 1 ? detail::knapsack_kernel::vectorised : detail::knapsack_kernel::scalar;
    options.recover_items = state.range(3) == 1;
    run(state, kind, big_capacity, options);
}
// Vectorised against scalar, value only.
BENCHMARK(BM_rolling)
    ->ArgNames({"complete", "bits", "vector", "recover"})
    ->ArgsProduct({{0, 1}, {64, 32}, {1, 0}, {0}})
    ->Apply(settings);
// The cost of recovering the chosen items (compare with recover:0 above).
BENCHMARK(BM_rolling)
    ->ArgNames({"complete", "bits", "vector", "recover"})
    ->ArgsProduct({{0, 1}, {64, 32}, {1}, {1}})
    ->Apply(settings);

// 2d table against 1d array, 0-1 items, 32-bit values, value only or with chosen items.
void BM_method(benchmark::State& state) {
    knapsack_options options;
    options.method = state.range(0) == 2 ? knapsack_method::table_2d : knapsack_method::rolling_1d;
    options.recover_items = state.range(1) == 1;
    run(state, knapsack_kind::zero_one, table_capacity, options);
}
BENCHMARK(BM_method)->ArgNames({"dims", "recover"})->ArgsProduct({{2, 1}, {0, 1}})->Apply(settings);

}  // namespace

BENCHMARK_MAIN();
