#pragma once

#include "config/reader/Diagnostics.hpp"
#include "content/model/Bundle.hpp"

namespace tinxa::content {

// What loading a bundle gives: the model (partial when there were errors, so `tinxa check` can
// still count what it found) and every problem found in it.
struct LoadResult {
  Bundle bundle;
  config::Diagnostics diagnostics;

  // True when the bundle may be used: no errors (warnings are allowed).
  [[nodiscard]] bool ok() const noexcept { return !diagnostics.has_errors(); }
};

}  // namespace tinxa::content
