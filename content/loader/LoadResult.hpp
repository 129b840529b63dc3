#pragma once

#include "config/reader/Diagnostics.hpp"
#include "content/model/Bundle.hpp"

namespace tinxa::content {

// What loading a bundle gives: the model (partial when there were errors, so `tinxa check` can
// still count what it found) and every problem found in it.
struct LoadResult {
  Bundle bundle;
  config::Diagnostics diagnostics;

  // True when the bundle has no errors at all (warnings are allowed): what `tinxa check` wants.
  [[nodiscard]] bool ok() const noexcept { return !diagnostics.has_errors(); }

  // True when the running programs may use the bundle: every error, if any, is a media problem
  // (config::DiagnosticKind::media: a missing, unreadable or undecodable recording or image). The
  // items naming such files are in the model, their media marked unavailable (MediaPath).
  [[nodiscard]] bool usable() const noexcept { return !diagnostics.has_structural_errors(); }
};

}  // namespace tinxa::content
