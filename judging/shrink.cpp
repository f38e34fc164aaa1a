#include "judging/shrink.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

namespace algojudge {

namespace {

using pointer = json::json_pointer;
using clock_type = std::chrono::steady_clock;

// The arrays under `value`, in pre-order. In each object, arrays of equal length come first as
// one group (parallel arrays: removing an item removes it from each), then one by one.
void collect_arrays(const json& value, const pointer& here,
                    std::vector<std::vector<pointer>>& groups) {
    if (value.is_object()) {
        std::map<std::size_t, std::vector<pointer>> by_length;
        for (const auto& [key, child] : value.items()) {
            if (child.is_array() && !child.empty()) by_length[child.size()].push_back(here / key);
        }
        for (const auto& [length, members] : by_length) {
            if (members.size() > 1) groups.push_back(members);
            for (const pointer& member : members)
                groups.push_back({member});
        }
        for (const auto& [key, child] : value.items())
            collect_arrays(child, here / key, groups);
    } else if (value.is_array()) {
        if (here.empty() && !value.empty()) groups.push_back({here});
        for (std::size_t i = 0; i < value.size(); ++i)
            collect_arrays(value[i], here / i, groups);
    }
}

// The places under a value that the leaf and key passes may change, in pre-order.
struct places {
    std::vector<pointer> leaves;  // numbers and flags
    std::vector<pointer> keys;    // every key of every object
};

void collect_places(const json& value, const pointer& here, places& found) {
    if (value.is_object()) {
        for (const auto& [key, child] : value.items()) {
            found.keys.push_back(here / key);
            collect_places(child, here / key, found);
        }
    } else if (value.is_array()) {
        for (std::size_t i = 0; i < value.size(); ++i)
            collect_places(value[i], here / i, found);
    } else if (value.is_number() || value.is_boolean()) {
        found.leaves.push_back(here);
    }
}

places places_in(const json& value) {
    places found;
    collect_places(value, pointer(), found);
    return found;
}

// True when `inner` lies strictly inside the value at `outer`.
bool is_inside(const pointer& inner, const pointer& outer) {
    const std::string a = inner.to_string();
    const std::string b = outer.to_string();
    return a.size() > b.size() && a.compare(0, b.size(), b) == 0 && a[b.size()] == '/';
}

// |a - b| without overflow (0 to INT64_MIN is 2^63).
template <typename number>
std::uint64_t distance(number a, number b) {
    return a > b ? static_cast<std::uint64_t>(a) - static_cast<std::uint64_t>(b)
                 : static_cast<std::uint64_t>(b) - static_cast<std::uint64_t>(a);
}

class shrinker {
  public:
    shrinker(const json& failing, const still_fails& fails, clock_type::time_point deadline)
        : fails_(fails), deadline_(deadline) {
        result_.input = failing;
    }

    shrink_result run() {
        while (!result_.out_of_time) {
            bool changed = remove_chunks_pass();
            changed = leaves_pass() || changed;
            changed = keys_pass() || changed;
            if (!changed) break;
        }
        return std::move(result_);
    }

  private:
    json& current() { return result_.input; }

    // Hands `candidate` to the predicate; keeps it when it still fails.
    bool attempt(json candidate) {
        if (clock_type::now() >= deadline_) result_.out_of_time = true;
        if (result_.out_of_time) return false;
        ++result_.tried;
        if (!fails_(candidate)) return false;
        current() = std::move(candidate);
        ++result_.steps;
        return true;
    }

    // The current input with the value at `at` replaced, handed to attempt().
    bool attempt_value(const pointer& at, json value) {
        json candidate = current();
        candidate.at(at) = std::move(value);
        return attempt(std::move(candidate));
    }

    // Delta debugging on one group of equal-length arrays: the whole length, then chunks of
    // half, a quarter, ... one element, each removed from every array of the group at once.
    bool remove_chunks(const std::vector<pointer>& group) {
        bool changed = false;
        std::size_t length = current().at(group.front()).size();
        for (std::size_t chunk = length; chunk > 0 && length > 0;
             chunk = chunk == 1 ? 0 : (chunk + 1) / 2) {
            for (std::size_t start = 0; start < length && !result_.out_of_time;) {
                json candidate = current();
                const std::size_t end = std::min(length, start + chunk);
                for (const pointer& member : group) {
                    json& array = candidate.at(member);
                    array.erase(array.begin() + static_cast<std::ptrdiff_t>(start),
                                array.begin() + static_cast<std::ptrdiff_t>(end));
                }
                if (attempt(std::move(candidate))) {
                    changed = true;
                    length = current().at(group.front()).size();
                } else {
                    start += chunk;
                }
            }
            chunk = std::min(chunk, length);
        }
        return changed;
    }

    bool remove_chunks_pass() {
        std::vector<std::vector<pointer>> groups;
        collect_arrays(current(), pointer(), groups);
        std::vector<pointer> changed_arrays;
        for (const std::vector<pointer>& group : groups) {
            if (result_.out_of_time) break;
            // A change inside an array moved what lies in it: its later groups are stale.
            const bool stale = std::any_of(group.begin(), group.end(), [&](const pointer& member) {
                return std::any_of(changed_arrays.begin(), changed_arrays.end(),
                                   [&](const pointer& outer) { return is_inside(member, outer); });
            });
            if (stale || !current().contains(group.front())) continue;
            if (remove_chunks(group))
                changed_arrays.insert(changed_arrays.end(), group.begin(), group.end());
        }
        return !changed_arrays.empty();
    }

    // 0 first, then bisection towards it: `low` (nearer 0, not failing) and `high` (failing)
    // close in; both stay between 0 and the value, so `high - low` cannot overflow.
    template <typename number>
    bool shrink_number(const pointer& at, number value) {
        if (attempt_value(at, number{0})) return true;
        number low = 0;
        number high = value;
        bool changed = false;
        while (!result_.out_of_time && distance(low, high) > 1) {
            const number middle = static_cast<number>(low + (high - low) / 2);
            if (attempt_value(at, middle)) {
                high = middle;
                changed = true;
            } else {
                low = middle;
            }
        }
        return changed;
    }

    bool shrink_leaf(const pointer& at) {
        const json& leaf = current().at(at);
        if (leaf.is_boolean()) {
            return leaf.get<bool>() && attempt_value(at, false);
        }
        if (leaf.is_number_unsigned()) {
            const auto value = leaf.get<std::uint64_t>();
            return value != 0 && shrink_number<std::uint64_t>(at, value);
        }
        if (leaf.is_number_integer()) {
            const auto value = leaf.get<std::int64_t>();
            return value != 0 && shrink_number<std::int64_t>(at, value);
        }
        const double value = leaf.get<double>();
        for (const double simpler : {0.0, std::trunc(value)}) {
            if (simpler == value) return false;
            if (attempt_value(at, simpler)) return true;
        }
        return false;
    }

    bool leaves_pass() {
        bool changed = false;
        for (const pointer& leaf : places_in(current()).leaves) {
            if (result_.out_of_time) break;
            changed = shrink_leaf(leaf) || changed;
        }
        return changed;
    }

    // Drops object keys, last first, so that the pointers of earlier keys stay valid.
    bool keys_pass() {
        const std::vector<pointer> keys = places_in(current()).keys;
        bool changed = false;
        for (auto key = keys.rbegin(); key != keys.rend() && !result_.out_of_time; ++key) {
            if (!current().contains(*key)) continue;
            json candidate = current();
            candidate.at(key->parent_pointer()).erase(key->back());
            changed = attempt(std::move(candidate)) || changed;
        }
        return changed;
    }

    const still_fails& fails_;
    clock_type::time_point deadline_;
    shrink_result result_;
};

}  // namespace

shrink_result shrink_input(const json& failing, const still_fails& fails,
                           clock_type::time_point deadline) {
    return shrinker(failing, fails, deadline).run();
}

}  // namespace algojudge
