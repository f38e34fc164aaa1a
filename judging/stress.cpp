#include "judging/stress.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <limits>
#include <mutex>
#include <thread>

#include <fmt/format.h>

#include "judging/generated_cases.hpp"
#include "support/errors.hpp"
#include "support/worker_count.hpp"

namespace algojudge {

namespace {

using clock_type = std::chrono::steady_clock;

// Sizes reach their bound after this many cases; the first ones are tiny.
constexpr std::uint64_t ramp_cases = 100;

double seconds_since(clock_type::time_point start) {
    return std::chrono::duration<double>(clock_type::now() - start).count();
}

bool is_given(const stress_settings& settings, std::string_view name) {
    return std::any_of(settings.given.begin(), settings.given.end(),
                       [&](const auto& option) { return option.first == name; });
}

std::vector<std::string_view> words_of(std::string_view choices) {
    std::vector<std::string_view> words;
    while (true) {
        const std::size_t bar = choices.find('|');
        words.push_back(choices.substr(0, bar));
        if (bar == std::string_view::npos) return words;
        choices.remove_prefix(bar + 1);
    }
}

test_case as_test_case(const problem& chosen, const stress_case& made, std::uint64_t number) {
    test_case c;
    c.file = "stress";
    c.number = static_cast<std::size_t>(number + 1);
    c.name = made.name;
    c.solver = &chosen;
    c.input = made.input;
    c.expected = made.expected;
    c.has_expected = true;
    return c;
}

// Judges `made` with the user's program; a judge error stops the run (the case's fault).
void judge_made_case(const stress_settings& settings, stress_case& made, std::uint64_t number) {
    made.outcome = judge_program_case(as_test_case(*settings.chosen, made, number),
                                      settings.command, settings.program);
    if (made.outcome.verdict == program_verdict::judge_error) {
        throw error(fmt::format("stress: case \"{}\": {}", made.name, made.outcome.message));
    }
}

std::string sizes_text(const problem& chosen, const generator_settings& values) {
    std::string text;
    for (const generator_option& option : chosen.case_generator->options) {
        if (!option.size) continue;
        text += fmt::format("{}{} {}", text.empty() ? "" : ", ", option.name,
                            values.integer(option.name));
    }
    return text;
}

// What the threads share: the next case number, the lowest failure, the tallies.
struct shared_run {
    std::atomic<std::uint64_t> next{0};
    std::atomic<bool> stop{false};
    std::mutex mutex;
    std::optional<std::uint64_t> failed_number;
    std::exception_ptr thrown;
    stress_result result;
    clock_type::time_point last_progress;
};

void record(const stress_settings& settings, shared_run& run, std::uint64_t number,
            const generator_settings& values, stress_case& made, clock_type::time_point start) {
    std::lock_guard lock(run.mutex);
    stress_result& result = run.result;
    ++result.cases_run;
    std::size_t slot = 0;
    for (const generator_option& option : settings.chosen->case_generator->options) {
        if (!option.size) continue;
        const std::int64_t value = values.integer(option.name);
        if (slot == result.sizes.size()) {
            result.sizes.push_back({std::string(option.name), value, value});
        }
        size_range& range = result.sizes[slot++];
        range.low = std::min(range.low, value);
        range.high = std::max(range.high, value);
    }
    if (made.outcome.verdict != program_verdict::accepted &&
        (!run.failed_number || number < *run.failed_number)) {
        run.failed_number = number;
        result.original = std::move(made);
        run.stop = true;
    }
    if (settings.progress &&
        clock_type::now() - run.last_progress > std::chrono::milliseconds(250)) {
        run.last_progress = clock_type::now();
        settings.progress(
            {result.cases_run, seconds_since(start), sizes_text(*settings.chosen, values)});
    }
}

void work(const stress_settings& settings, shared_run& run, clock_type::time_point start) {
    try {
        while (!run.stop.load()) {
            if (settings.seconds > 0 && seconds_since(start) >= settings.seconds) return;
            const std::uint64_t number = run.next.fetch_add(1);
            if (settings.iterations > 0 && number >= settings.iterations) return;
            const generator_settings values = stress_case_settings(settings, number);
            const generated_case generated = generate_case(
                *settings.chosen, values, settings.seed + number, settings.program.reference);
            stress_case made{generated.name, generated.input, generated.expected, {}};
            judge_made_case(settings, made, number);
            record(settings, run, number, values, made, start);
        }
    } catch (...) {
        std::lock_guard lock(run.mutex);
        if (!run.thrown) run.thrown = std::current_exception();
        run.stop = true;
    }
}

// Shrinks `result.original` into `result.shrunk`: candidates that the problem accepts and on
// which the program gets the same verdict.
void shrink_failure(const stress_settings& settings, stress_result& result) {
    const stress_case& original = *result.original;
    stress_case smallest = original;
    const clock_type::time_point start = clock_type::now();
    const auto deadline = start + std::chrono::duration_cast<clock_type::duration>(
                                      std::chrono::duration<double>(settings.shrink_seconds));
    auto same_failure = [&](const json& candidate) {
        stress_case made{original.name + "-shrunk", candidate, json(), {}};
        try {
            made.expected = settings.chosen->solve(candidate, settings.program.reference);
        } catch (const std::exception&) {
            return false;  // refused by the problem's own validation: not a case at all
        }
        made.outcome = judge_program_case(as_test_case(*settings.chosen, made, 0), settings.command,
                                          settings.program);
        if (made.outcome.verdict != original.outcome.verdict) return false;
        smallest = std::move(made);
        return true;
    };
    const shrink_result shrunk = shrink_input(original.input, same_failure, deadline);
    if (shrunk.steps == 0) smallest.name = original.name;
    result.shrunk = std::move(smallest);
    result.shrink_steps = shrunk.steps;
    result.shrink_tried = shrunk.tried;
    result.shrink_seconds = seconds_since(start);
}

}  // namespace

generator_settings stress_case_settings(const stress_settings& settings, std::uint64_t number) {
    const generator& source = *settings.chosen->case_generator;
    generator_settings values(source);
    for (const auto& [name, text] : settings.given)
        values.set(name, text);
    // A stream apart from the generator's own (seeded with seed + number).
    prng random(~(settings.seed + number));
    const std::uint64_t step = std::min(number + 1, ramp_cases);
    for (const generator_option& option : source.options) {
        if (option.size) {
            const std::int64_t bound = values.integer(option.name);
            const auto room = static_cast<std::uint64_t>(bound - option.min);
            const auto cap = static_cast<std::int64_t>((room * step + ramp_cases - 1) / ramp_cases);
            values.set(option.name, std::to_string(random.between(option.min, option.min + cap)));
        } else if (!is_given(settings, option.name) && option.kind == option_kind::choice) {
            const std::vector<std::string_view> words = words_of(option.choices);
            values.set(option.name, words[random.below(words.size())]);
        } else if (!is_given(settings, option.name) && option.kind == option_kind::flag) {
            values.set(option.name, random.chance(0.5) ? "true" : "false");
        }
    }
    return values;
}

stress_result run_stress(const stress_settings& settings) {
    shared_run run;
    const clock_type::time_point start = clock_type::now();
    run.last_progress = start;
    const unsigned jobs = worker_count(
        settings.jobs,
        settings.iterations > 0 ? settings.iterations : std::numeric_limits<std::uint64_t>::max());
    std::vector<std::thread> threads;
    for (unsigned j = 1; j < jobs; ++j) {
        try {
            threads.emplace_back([&] { work(settings, run, start); });
        } catch (const std::system_error&) {
            break;  // the system refuses more threads: go on with those running
        }
    }
    work(settings, run, start);
    for (std::thread& thread : threads)
        thread.join();
    if (run.thrown) std::rethrow_exception(run.thrown);
    run.result.seconds = seconds_since(start);
    if (run.result.original) shrink_failure(settings, run.result);
    return std::move(run.result);
}

nlohmann::ordered_json stress_case_file(const problem& chosen, const stress_case& c,
                                        double time_limit) {
    return {{"problem", chosen.name},
            {"name", c.name},
            {"input", c.input},
            {"expected", c.expected},
            {"time_limit", time_limit}};
}

}  // namespace algojudge
