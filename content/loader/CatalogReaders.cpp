// Readers for the bundle's index files: bundle.yaml, categories.yaml, announcements.yaml and
// playlists.yaml.
#include "config/reader/MapReader.hpp"
#include "content/loader/MediaResolver.hpp"
#include "content/loader/Readers.hpp"
#include "content/loader/TextReader.hpp"

#include <fmt/format.h>

namespace tinxa::content::loader {

using config::Message;
using config::Presence;

namespace {

// The entries of the map under `key` whose own keys are valid ids.
std::vector<std::pair<std::string, config::Value>> id_entries(config::MapReader& file,
                                                              const char* key) {
  std::vector<std::pair<std::string, config::Value>> out;
  auto value = file.get(key, Presence::required);
  if (!value) return out;
  config::MapReader map(*value);
  for (auto& [id, entry] : map.entries()) {
    if (!config::is_valid_id(id)) {
      config::Diagnostics& d = entry.diagnostics();
      d.error(entry.position(), entry.key_path(), Message{"mã không hợp lệ", "not a valid id"},
              fmt::format("\"{}\"", id),
              Message{"chữ thường không dấu, số và dấu '-', ví dụ ho-ngheo",
                      "lowercase ASCII letters, digits and '-', for example ho-ngheo"});
      continue;
    }
    out.emplace_back(id, entry);
  }
  return out;
}

}  // namespace

void read_bundle_info(const config::Value& root, LoadContext& context, BundleInfo& out) {
  config::MapReader map(root);
  if (auto v = map.get("languages")) read_languages(*v, out.languages, {});
  context.bundle_languages = out.languages;
  const TextReader text;
  if (auto v = map.get("id", Presence::required)) config::read_id(*v, out.id);
  text.read(map, "title", out.title, Presence::required);
  map.read("version", out.version, Presence::required);
  map.read("published", out.published, Presence::required);
  text.read(map, "publisher", out.publisher, Presence::required);
}

void read_categories(const config::Value& root, LoadContext& context, std::vector<Category>& out) {
  config::MapReader file(root);
  const TextReader text;
  for (auto& [id, value] : id_entries(file, "categories")) {
    config::MapReader map(value);
    Category category;
    category.id = id;
    bool ok = text.read(map, "title", category.title, Presence::required);
    ok = text.read(map, "summary", category.summary, Presence::optional) && ok;
    ok = map.read_with("icon", Presence::optional, [&](const config::Value& v) {
      category.icon = resolve_image(v, context);
      return category.icon.has_value();
    }) && ok;
    context.category_ids.push_back(id);
    context.category_positions[id] = value.position();
    if (ok) out.push_back(std::move(category));
  }
}

void read_announcements(const config::Value& root, LoadContext& context,
                        std::vector<Announcement>& out) {
  config::MapReader file(root);
  const TextReader text;
  for (auto& [id, value] : id_entries(file, "announcements")) {
    context.announcement_ids.push_back(id);
    config::MapReader map(value);
    Announcement a;
    a.id = id;
    bool ok = text.read(map, "title", a.title, Presence::required);
    ok = map.read_with("transcript", Presence::required, [&](const config::Value& v) {
      return read_nonempty(v, a.transcript);
    }) && ok;
    ok = map.read_with("language", Presence::optional, [&](const config::Value& v) {
      return read_language(v, a.language);
    }) && ok;
    ok = map.read_with("audio", Presence::required, [&](const config::Value& v) {
      auto clip = resolve_audio(v, context);
      if (clip) a.audio = std::move(*clip);
      return clip.has_value();
    }) && ok;
    ok = map.read_with("category", Presence::optional, [&](const config::Value& v) {
      return read_reference(v, context.category_ids, Message{"mục", "category"}, a.category);
    }) && ok;
    if (ok) out.push_back(std::move(a));
  }
}

void read_playlists(const config::Value& root, LoadContext& context, std::vector<Playlist>& out) {
  config::MapReader file(root);
  const TextReader text;
  for (auto& [id, value] : id_entries(file, "playlists")) {
    config::MapReader map(value);
    Playlist p;
    p.id = id;
    bool ok = text.read(map, "title", p.title, Presence::required);
    for (auto [key, chime] :
         {std::pair{"chime_before", &p.chime_before}, std::pair{"chime_after", &p.chime_after}}) {
      ok = map.read_with(key, Presence::optional, [&](const config::Value& v) {
        *chime = resolve_audio(v, context);
        return chime->has_value();
      }) && ok;
    }
    ok = map.read_with("items", Presence::required, [&](const config::Value& v) {
      if (!require_items(v, Message{"danh sách phát không có bài nào", "the playlist has no items"},
                         Message{"danh sách mã thông báo, ví dụ [ra-soat]",
                                 "a list of announcement ids, e.g. [ra-soat]"}))
        return false;
      bool all = true;
      for (const auto& element : v.elements()) {
        std::string item;
        if (read_reference(element, context.announcement_ids, Message{"thông báo", "announcement"},
                           item))
          p.items.push_back(std::move(item));
        else
          all = false;
      }
      return all;
    }) && ok;
    if (ok) out.push_back(std::move(p));
  }
}

}  // namespace tinxa::content::loader
