#pragma once

// Reads schedule.yaml (config/README.md, "schedule.yaml") with the strict reader of config/:
// unknown keys, wrong types and impossible values are reported with file:line:column, key path,
// what was found, what was expected and a "did you mean". References to the content bundle
// (playlist and announcement ids) are checked separately by check_references(), so the schedule
// can be read before or without a bundle.

#include "broadcast/schedule/Schedule.hpp"
#include "config/reader/Diagnostics.hpp"
#include "config/reader/Value.hpp"
#include "content/model/Bundle.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace tinxa::broadcast {

// Reads the document `root`. Every problem goes to root's Diagnostics, all of them in one pass; a
// zone, slot or exception with an error is left out, everything else is kept. Relative off_air
// paths are resolved against `folder`. Never throws except std::bad_alloc. Any thread; calls share
// nothing.
[[nodiscard]] Schedule read_schedule(const config::Value& root,
                                     const std::filesystem::path& folder);

// Loads `path` and reads it as above, naming it `display_name` in messages. nullopt (reported)
// when the file cannot be read or is not valid YAML.
[[nodiscard]] std::optional<Schedule> load_schedule(const std::filesystem::path& path,
                                                    std::string display_name,
                                                    config::Diagnostics& diagnostics);

// What the daemon calls when the schedule file changes: loads `path`, reads it and checks its
// references against `bundle`. Returns the schedule only when nothing is an error (warnings are
// allowed); otherwise nullopt, and `diagnostics` holds the checker's messages, so the caller keeps
// running its last good schedule and logs why. Never throws except std::bad_alloc.
[[nodiscard]] std::optional<Schedule> load_checked_schedule(const std::filesystem::path& path,
                                                            std::string display_name,
                                                            const content::Bundle& bundle,
                                                            config::Diagnostics& diagnostics);

// Checks every slot's playlist or announcement id against `bundle`, reporting an unknown id at
// the position where the slot names it, with the closest id of that kind as a suggestion.
void check_references(const Schedule& schedule, const content::Bundle& bundle,
                      config::Diagnostics& diagnostics);

}  // namespace tinxa::broadcast
