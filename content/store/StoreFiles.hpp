#pragma once

// Where each program keeps its SQLite database inside the site's data_dir (site.yaml). One file per
// record kind, because each file's user_version belongs to one schema.

#include <filesystem>

namespace tinxa::content {

// The broadcaster's as-run log (AsRunLog).
[[nodiscard]] inline std::filesystem::path as_run_path(const std::filesystem::path& data_dir) {
  return data_dir / "as-run.sqlite";
}

// The kiosk's anonymous usage counts (UsageCounts).
[[nodiscard]] inline std::filesystem::path usage_path(const std::filesystem::path& data_dir) {
  return data_dir / "usage.sqlite";
}

}  // namespace tinxa::content
