#pragma once

#include <optional>
#include <string>

#include "config/settings/Settings.hpp"

namespace tinxa::cli {

// The settings named by a command's --config option (built-in defaults when it is empty). Prints
// every problem in the files to standard error and returns nullopt when there is an error, so a
// command never runs on half-read settings.
[[nodiscard]] std::optional<config::Settings> load_settings_option(const std::string& folder);

}  // namespace tinxa::cli
