#pragma once

#include "config/reader/DiagnosticFormat.hpp"
#include "config/reader/Diagnostics.hpp"

#include <string>

namespace tinxa::config::test {

// All diagnostics as the text an editor would read, for assertions and failure messages.
inline std::string text_of(const Diagnostics& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics.items()) out += format_diagnostic(d);
  return out;
}

}  // namespace tinxa::config::test
