#include "support/worker_count.hpp"

#include <algorithm>
#include <thread>

namespace algojudge {

unsigned worker_count(unsigned requested, std::uint64_t tasks, unsigned cores) {
    cores = std::max(1u, cores);
    const std::uint64_t wanted = requested == 0 ? cores : requested;
    const std::uint64_t cap = std::max(max_workers_per_core * cores, min_workers_cap);
    return static_cast<unsigned>(std::min({wanted, cap, std::max<std::uint64_t>(1, tasks)}));
}

unsigned worker_count(unsigned requested, std::uint64_t tasks) {
    return worker_count(requested, tasks, std::thread::hardware_concurrency());
}

}  // namespace algojudge
