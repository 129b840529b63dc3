#pragma once

#include "config/reader/Diagnostics.hpp"
#include "config/reader/Value.hpp"
#include "content/media/ProbeCache.hpp"

#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace tinxa::content::loader {

// The state shared by the readers of one bundle while it loads. Internal to the loader.
struct LoadContext {
  LoadContext(std::filesystem::path root_as_given, std::filesystem::path resolved,
              config::Diagnostics& sink)
      : root(std::move(root_as_given)), canonical(std::move(resolved)), diagnostics(sink) {}

  std::filesystem::path root;       // as the person gave it; used in messages
  std::filesystem::path canonical;  // the resolved folder, to keep paths inside it
  config::Diagnostics& diagnostics;

  std::vector<std::string> bundle_languages{"vi"};
  std::vector<std::string> category_ids;  // known once categories.yaml is read
  std::map<std::string, config::Position> category_positions;
  std::vector<std::string> announcement_ids;  // known once announcements.yaml is read

  // Each audio file is decoded once, whether a chime is used by ten playlists or one, and not at
  // all when `probes` (LoadOptions::probes, may be null) has it unchanged from an earlier load.
  std::map<std::filesystem::path, ProbeOutcome> probed;
  ProbeCache* probes = nullptr;

  // The name of a file of the bundle as messages show it: root/relative.
  [[nodiscard]] std::string display(const std::filesystem::path& relative) const {
    return (root / relative).generic_string();
  }
};

}  // namespace tinxa::content::loader
