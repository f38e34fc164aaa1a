// Description: how many threads a --jobs option gets: 0 means one per core; never more than
// there is work for, nor more than a few per core (more only cost memory and, for programs
// started per case, scheduler contention).
// Status: tested in tests/support/worker_count_test.cpp.
#pragma once

#include <cstdint>

namespace algojudge {

inline constexpr unsigned max_workers_per_core = 4;
inline constexpr unsigned min_workers_cap = 16;  // the cap on a machine of few cores

// `requested` 0: `cores`. Capped at max(max_workers_per_core * cores, min_workers_cap) and at
// `tasks` (at least 1). `cores` 0 counts as 1.
// Example: worker_count(0, 1000, 2) == 2; worker_count(100000, 1000, 2) == 16.
unsigned worker_count(unsigned requested, std::uint64_t tasks, unsigned cores);

// The same with this machine's cores (std::thread::hardware_concurrency()).
unsigned worker_count(unsigned requested, std::uint64_t tasks);

}  // namespace algojudge
