#include "broadcast/cli/SettingsOption.hpp"

#include <cstdio>

#include <fmt/format.h>

#include "config/reader/DiagnosticFormat.hpp"

namespace tinxa::cli {

std::optional<config::Settings> load_settings_option(const std::string& folder) {
  if (folder.empty()) return config::default_settings();
  config::Diagnostics diagnostics;
  config::Settings settings = config::load_settings(folder, diagnostics);
  for (const auto& d : diagnostics.items()) fmt::print(stderr, "{}", config::format_diagnostic(d));
  if (diagnostics.has_errors()) {
    fmt::print(stderr,
               "tinxa: sửa cấu hình rồi chạy lại (tinxa check) / fix the settings and try again "
               "(tinxa check)\n");
    return std::nullopt;
  }
  return settings;
}

}  // namespace tinxa::cli
