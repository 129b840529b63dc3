#pragma once

#include <span>
#include <string>
#include <string_view>

namespace tinxa::config {

// Edit distance (Levenshtein with adjacent swaps counted as one edit) between two byte strings (ids
// and keys are ASCII). Never throws except std::bad_alloc.
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `wrong`, if it is close enough to be a plausible typo (at most a
// third of the longer string's length, and at most 3 edits); otherwise an empty string.
[[nodiscard]] std::string closest_match(std::string_view wrong,
                                        std::span<const std::string> candidates);

}  // namespace tinxa::config
