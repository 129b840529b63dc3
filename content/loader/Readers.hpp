#pragma once

#include "config/reader/Value.hpp"
#include "content/loader/LoadContext.hpp"
#include "content/model/Bundle.hpp"

#include <optional>
#include <string>
#include <vector>

namespace tinxa::content::loader {

// One reader per file of a bundle. Each reports every problem it finds to the context's
// Diagnostics and keeps what it could read. Internal to the loader.

void read_bundle_info(const config::Value& root, LoadContext& context, BundleInfo& out);
void read_categories(const config::Value& root, LoadContext& context, std::vector<Category>& out);
[[nodiscard]] std::optional<Page> read_page(const config::Value& root, LoadContext& context,
                                            std::string id, std::string file);
void read_announcements(const config::Value& root, LoadContext& context,
                        std::vector<Announcement>& out);
void read_playlists(const config::Value& root, LoadContext& context, std::vector<Playlist>& out);

// Reads an id that must name one of `known` (categories, announcements); an unknown id is
// reported with the closest known one as a suggestion.
bool read_reference(const config::Value& value, const std::vector<std::string>& known,
                    const config::Message& what, std::string& out);

}  // namespace tinxa::content::loader
