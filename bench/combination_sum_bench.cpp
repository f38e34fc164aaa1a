// combination-sum: the visitor walk against a naive path-copying recursion on the same input,
// the cost of rendering millions of combinations (json values vs the direct writer), and the
// exact count of a huge answer. Figures: docs/performance.md.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <numeric>
#include <span>
#include <utility>
#include <vector>

#include "algorithms/combination_sum.hpp"
#include "problems/combination_sum.hpp"

namespace {

using namespace algojudge;

constexpr std::uint64_t memory = std::uint64_t{1} << 30;

std::vector<std::int64_t> range(std::int64_t low, std::int64_t high) {
    std::vector<std::int64_t> values(static_cast<std::size_t>(high - low + 1));
    std::iota(values.begin(), values.end(), low);
    return values;
}

combination_sum_query reuse_query(std::int64_t target) {
    combination_sum_query query;
    query.candidates = range(2, 30);
    query.target = target;
    query.reuse = true;
    return query;
}

// The textbook recursion: sorted candidates and an early break, but a fresh copy of the path at
// every call and no feasibility table, so dead ends (remainder 1) are explored too.
template <class Visitor>
void naive_walk(const std::vector<std::int64_t>& sorted, std::size_t start, std::int64_t remaining,
                std::vector<std::int64_t> path, Visitor& visit) {
    if (remaining == 0) {
        visit(std::span<const std::int64_t>(path));
        return;
    }
    for (std::size_t i = start; i < sorted.size() && sorted[i] <= remaining; ++i) {
        std::vector<std::int64_t> longer = path;
        longer.push_back(sorted[i]);
        naive_walk(sorted, i, remaining - sorted[i], std::move(longer), visit);
    }
}

// The classic first attempt: no sort, no break, the overshoot noticed one call later; a fresh
// copy of the path at every call.
template <class Visitor>
void naive_unpruned_walk(const std::vector<std::int64_t>& candidates, std::size_t start,
                         std::int64_t remaining, const std::vector<std::int64_t>& path,
                         Visitor& visit) {
    if (remaining < 0) return;
    if (remaining == 0) {
        visit(std::span<const std::int64_t>(path));
        return;
    }
    for (std::size_t i = start; i < candidates.size(); ++i) {
        std::vector<std::int64_t> longer = path;
        longer.push_back(candidates[i]);
        naive_unpruned_walk(candidates, i, remaining - candidates[i], longer, visit);
    }
}

// All walks feed the same visitor: it reads every element, so neither can skip the path.
struct checksum {
    std::uint64_t combinations = 0;
    std::int64_t total = 0;
    bool operator()(std::span<const std::int64_t> combination) {
        ++combinations;
        for (std::int64_t value : combination)
            total += value;
        return true;
    }
};

// Runs `walk(query, sink)` for candidates 2..30 and the benchmark's target; reports the rate.
template <class Walk>
void measure_walk(benchmark::State& state, Walk walk) {
    const combination_sum_query query = reuse_query(state.range(0));
    std::uint64_t combinations = 0;
    for (auto _ : state) {
        checksum sink;
        walk(query, sink);
        benchmark::DoNotOptimize(sink.total);
        combinations = sink.combinations;
    }
    state.counters["combinations"] = static_cast<double>(combinations);
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(combinations));
}

void visitor_walk(benchmark::State& state) {
    measure_walk(state, [](const combination_sum_query& query, checksum& sink) {
        for_each_combination(query, sink, memory);
    });
}
BENCHMARK(visitor_walk)->Arg(60)->Arg(80)->Unit(benchmark::kMillisecond);

void naive_path_copying(benchmark::State& state) {
    measure_walk(state, [](const combination_sum_query& query, checksum& sink) {
        naive_walk(query.candidates, 0, query.target, {}, sink);
    });
}
BENCHMARK(naive_path_copying)->Arg(60)->Unit(benchmark::kMillisecond);

void naive_unpruned_path_copying(benchmark::State& state) {
    measure_walk(state, [](const combination_sum_query& query, checksum& sink) {
        naive_unpruned_walk(query.candidates, 0, query.target, {}, sink);
    });
}
BENCHMARK(naive_unpruned_path_copying)->Arg(60)->Unit(benchmark::kMillisecond);

json run_input(std::int64_t target) {
    return {
        {"candidates", range(2, 30)}, {"target", target}, {"reuse", true}, {"limit", 2'000'000}};
}

// What `algojudge run` does for target 80, piece by piece: the json route (build values, then
// dump them) and the direct writer that `run` uses.
void solve_as_json_values(benchmark::State& state) {
    const json input = run_input(state.range(0));
    for (auto _ : state) {
        json output = solve_combination_sum(input, solve_options{});
        benchmark::DoNotOptimize(output);
    }
}
BENCHMARK(solve_as_json_values)->Arg(80)->Unit(benchmark::kMillisecond);

void dump_json_values(benchmark::State& state) {
    const json output = solve_combination_sum(run_input(state.range(0)), solve_options{});
    for (auto _ : state) {
        std::string text = output.dump();
        benchmark::DoNotOptimize(text);
    }
}
BENCHMARK(dump_json_values)->Arg(80)->Unit(benchmark::kMillisecond);

void solve_as_direct_text(benchmark::State& state) {
    const json input = run_input(state.range(0));
    std::size_t bytes = 0;
    for (auto _ : state) {
        std::string text = solve_combination_sum_text(input, solve_options{});
        bytes = text.size();
        benchmark::DoNotOptimize(text);
    }
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(bytes));
}
BENCHMARK(solve_as_direct_text)->Arg(80)->Unit(benchmark::kMillisecond);

void count_only_1_to_100(benchmark::State& state) {
    combination_sum_query query;
    query.candidates = range(1, 100);
    query.target = state.range(0);
    query.reuse = true;
    std::size_t digits = 0;
    for (auto _ : state) {
        const combination_count counted = count_combinations(query, memory);
        digits = counted.count.get_str().size();
        benchmark::DoNotOptimize(digits);
    }
    state.counters["digits"] = static_cast<double>(digits);
}
BENCHMARK(count_only_1_to_100)->Arg(10'000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
