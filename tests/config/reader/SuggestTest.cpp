#include "config/reader/Suggest.hpp"

#include <catch2/catch.hpp>

#include <vector>

namespace tinxa::config {

TEST_CASE("Edit distance counts insertions, deletions and substitutions", "[config][suggest]") {
  CHECK(edit_distance("", "") == 0);
  CHECK(edit_distance("abc", "") == 3);
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("valid_untill", "valid_until") == 1);
  CHECK(edit_distance("titel", "title") == 1);
}

TEST_CASE("The closest key is suggested only when it is a plausible typo", "[config][suggest]") {
  const std::vector<std::string> keys{"title", "summary", "valid_from", "valid_until"};
  CHECK(closest_match("titel", keys) == "title");
  CHECK(closest_match("sumary", keys) == "summary");
  CHECK(closest_match("valid_to", keys) == "valid_from");
  CHECK(closest_match("colour", keys).empty());
  CHECK(closest_match("x", keys).empty());
  CHECK(closest_match("title", std::vector<std::string>{}).empty());
}

}  // namespace tinxa::config
