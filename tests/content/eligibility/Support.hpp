#pragma once

#include "config/reader/DiagnosticFormat.hpp"
#include "config/reader/Diagnostics.hpp"
#include "content/eligibility/StandardReader.hpp"

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace tinxa::content::test {

inline const std::filesystem::path kSample =
    std::filesystem::path(TINXA_SOURCE_DIR) / "content/sample";
inline const std::filesystem::path kEligibility =
    std::filesystem::path(TINXA_SOURCE_DIR) / "tests/fixtures/eligibility";

// The sample bundle's page ids, from its file names (the loader's rule), without decoding media.
inline std::vector<std::string> sample_page_ids() {
  std::vector<std::string> ids;
  for (const auto& entry : std::filesystem::directory_iterator(kSample / "pages"))
    ids.push_back(entry.path().stem().string());
  std::sort(ids.begin(), ids.end());
  return ids;
}

// The sample standards, loaded once.
inline const StandardsLoadResult& sample_standards() {
  static const StandardsLoadResult result = load_standards(kSample, sample_page_ids());
  return result;
}

inline std::string all_text(const config::Diagnostics& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics.items()) out += config::format_diagnostic(d);
  return out;
}

}  // namespace tinxa::content::test
