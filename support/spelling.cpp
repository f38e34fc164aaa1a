#include "support/spelling.hpp"

#include <algorithm>
#include <cctype>
#include <tuple>
#include <vector>

namespace algojudge {

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t above = row[j];
            std::size_t substitution = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, substitution});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::string_view closest_name(std::string_view name, std::span<const std::string_view> candidates) {
    std::string_view best;
    std::size_t best_distance = 0;
    for (std::string_view candidate : candidates) {
        const std::size_t distance = edit_distance(name, candidate);
        if (best.empty() || distance < best_distance) {
            best = candidate;
            best_distance = distance;
        }
    }
    // A typo, not a different word: at most a third of the name may change.
    if (best.empty() || best_distance > std::max<std::size_t>(2, best.size() / 3)) return {};
    return best;
}

std::string loose_name(std::string_view name) {
    std::string loose;
    loose.reserve(name.size());
    std::size_t run_start = std::string::npos;  // where the current digit run began in `loose`
    for (const char c : name) {
        if (c == ' ' || c == '_' || c == '-') continue;
        if (c >= '0' && c <= '9') {
            if (run_start == std::string::npos) run_start = loose.size();
            // A leading zero goes as soon as another digit follows it.
            if (loose.size() == run_start + 1 && loose.back() == '0') loose.pop_back();
            loose += c;
        } else {
            run_start = std::string::npos;
            loose += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
    }
    return loose;
}

std::vector<std::string_view> nearest_names(std::string_view name,
                                            std::span<const std::string_view> candidates,
                                            std::size_t limit) {
    const std::string loose = loose_name(name);
    // (loose distance, distance, position): the first `limit` in that order.
    std::vector<std::tuple<std::size_t, std::size_t, std::size_t>> ranked;
    ranked.reserve(candidates.size());
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        ranked.emplace_back(edit_distance(loose, loose_name(candidates[i])),
                            edit_distance(name, candidates[i]), i);
    }
    const std::size_t kept = std::min(limit, ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(kept),
                      ranked.end());
    std::vector<std::string_view> nearest;
    for (std::size_t i = 0; i < kept; ++i)
        nearest.push_back(candidates[std::get<2>(ranked[i])]);
    return nearest;
}

}  // namespace algojudge
