// Description: a hint that a big array about to be filled front to back be backed by 2 MB
// pages (Linux transparent huge pages in "madvise" mode, as Debian ships it): one page fault
// per 2 MB instead of one per 4 kB page. Only whole 2 MB spans inside the range are advised;
// a no-op where the kernel has no such mode. Call it before the memory is first written.
// Status: a hint only; docs/performance.md measures what it saves.
#pragma once

#include <cstddef>
#include <vector>

namespace algojudge {

void advise_huge_pages(void* data, std::size_t bytes);

// reserve(count), then the hint over the whole capacity.
template <class T>
void reserve_huge(std::vector<T>& items, std::size_t count) {
    items.reserve(count);
    advise_huge_pages(items.data(), items.capacity() * sizeof(T));
}

}  // namespace algojudge
