#pragma once

#include "config/reader/Diagnostics.hpp"
#include "config/settings/Settings.hpp"

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace tinxa::content {

class Clock;

// What `tinxa check` is asked to check.
struct CheckRequest {
  std::optional<std::filesystem::path> config_folder;   // nullopt: built-in defaults
  std::optional<std::filesystem::path> content_folder;  // nullopt: site.content_dir
};

struct ExpiringPage {
  std::string id;
  std::chrono::year_month_day until;
  int days_left = 0;
};

// The figures an editor wants after a check.
struct CheckSummary {
  std::string bundle_id;
  std::string bundle_version;
  std::filesystem::path content_folder;
  std::chrono::year_month_day today{};
  std::size_t categories = 0;
  std::size_t pages = 0;
  std::size_t pages_shown_today = 0;
  std::size_t pages_expired = 0;
  std::size_t pages_not_yet_valid = 0;
  std::size_t announcements = 0;
  std::size_t playlists = 0;
  std::chrono::milliseconds audio_total{0};
  int expiry_warning_days = 0;
  std::vector<ExpiringPage> expiring;  // shown today and ending within expiry_warning_days
};

struct CheckReport {
  config::Diagnostics diagnostics;
  CheckSummary summary;

  [[nodiscard]] bool ok() const noexcept { return !diagnostics.has_errors(); }
};

// Checks an installation's settings and its content bundle together, as of `clock`'s today in
// the site's time zone: every problem in every file, pages that expire soon (warnings), pages
// already expired (warnings: residents no longer see them). Reads files only; never throws
// except std::bad_alloc.
[[nodiscard]] CheckReport check_installation(const CheckRequest& request, const Clock& clock);

// The report as the editor reads it: every diagnostic, then the summary, in Vietnamese and
// English. Ends with a newline.
[[nodiscard]] std::string format_report(const CheckReport& report);

}  // namespace tinxa::content
