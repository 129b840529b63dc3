#pragma once

#include "config/reader/Diagnostics.hpp"
#include "config/reader/Value.hpp"
#include "config/settings/BroadcastSettings.hpp"
#include "config/settings/KioskSettings.hpp"
#include "config/settings/SiteSettings.hpp"

#include <filesystem>
#include <optional>

namespace tinxa::config {

// Every setting of one installation, read from one folder.
struct Settings {
  std::optional<std::filesystem::path> folder;  // nullopt: built-in defaults only
  SiteSettings site;
  KioskSettings kiosk;
  BroadcastSettings broadcast;
};

// Reads site.yaml, kiosk.yaml and broadcast.yaml from `folder`. A file that is absent leaves its
// defaults; every problem in the files present is reported to `diagnostics` (all of them, with
// file:line:column), and a setting with a bad value keeps its default. Relative paths in the
// files are resolved against `folder`. Never throws except std::bad_alloc.
[[nodiscard]] Settings load_settings(const std::filesystem::path& folder, Diagnostics& diagnostics);

// The settings a fresh installation runs with when no folder is given.
[[nodiscard]] Settings default_settings();

// Readers for one file each; exposed so tests and `tinxa check` can read a single text.
void read_site(const Value& root, SiteSettings& out);
void read_kiosk(const Value& root, KioskSettings& out);
void read_broadcast(const Value& root, BroadcastSettings& out);

}  // namespace tinxa::config
