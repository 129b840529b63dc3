#pragma once

#include "config/reader/Diagnostics.hpp"
#include "config/reader/Value.hpp"
#include "content/eligibility/Standard.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace tinxa::content {

struct StandardsLoadResult {
  std::vector<Standard> standards;  // sorted by id; partial when there were errors
  config::Diagnostics diagnostics;

  [[nodiscard]] bool ok() const noexcept { return !diagnostics.has_errors(); }
};

// Reads every <root>/standards/<id>.yaml of a bundle (content/README.md, "standards/<id>.yaml")
// with strict keys, and checks them together: each policy and where-to-apply page is one of
// `page_ids` (did-you-mean otherwise), `dimensions_from` names a standard of the folder, and no
// two national standards (nor two standards of one province) cover the same day. Files are named
// in messages as `root` (as the person gave it) joined with standards/<id>.yaml. A bundle without
// a standards folder has no standards and no problem. Reads files only; never throws except
// std::bad_alloc; any thread.
[[nodiscard]] StandardsLoadResult load_standards(const std::filesystem::path& root,
                                                 const std::vector<std::string>& page_ids);

// Reads one standard file's root map; every problem goes to the Value's Diagnostics. Returns
// nullopt when there was an error. `dimensions_from` is recorded but not resolved (that needs the
// other files; load_standards() does it).
[[nodiscard]] std::optional<Standard> read_standard(const config::Value& root, std::string id,
                                                    std::string file,
                                                    const std::vector<std::string>& page_ids);

}  // namespace tinxa::content
