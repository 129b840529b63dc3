#include "config/reader/Suggest.hpp"

#include <algorithm>
#include <limits>
#include <vector>

namespace tinxa::config {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Optimal string alignment: Levenshtein plus the swap of two neighbours ("titel" -> "title"),
  // the commonest typing slip. Three rows suffice.
  std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        current[j] = std::min(current[j], before[j - 2] + 1);
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[b.size()];
}

std::string closest_match(std::string_view wrong, std::span<const std::string> candidates) {
  std::size_t best = std::numeric_limits<std::size_t>::max();
  const std::string* choice = nullptr;
  for (const auto& candidate : candidates) {
    const std::size_t d = edit_distance(wrong, candidate);
    if (d < best) {
      best = d;
      choice = &candidate;
    }
  }
  if (choice == nullptr) return {};
  const std::size_t longer = std::max(wrong.size(), choice->size());
  const std::size_t limit = std::min<std::size_t>(3, std::max<std::size_t>(1, longer / 3));
  return best <= limit ? *choice : std::string{};
}

}  // namespace tinxa::config
