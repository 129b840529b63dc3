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
  if (auto v = map.get("title", Presence::required)) text.read(*v, out.title);
  map.read("version", out.version, Presence::required);
  map.read("published", out.published, Presence::required);
  if (auto v = map.get("publisher", Presence::required)) text.read(*v, out.publisher);
}

void read_categories(const config::Value& root, LoadContext& context, std::vector<Category>& out) {
  config::MapReader file(root);
  const TextReader text;
  for (auto& [id, value] : id_entries(file, "categories")) {
    config::MapReader map(value);
    Category category;
    category.id = id;
    bool ok = true;
    if (auto v = map.get("title", Presence::required))
      ok = text.read(*v, category.title) && ok;
    else
      ok = false;
    if (auto v = map.get("summary")) ok = text.read(*v, category.summary) && ok;
    if (auto v = map.get("icon")) {
      category.icon = resolve_image(*v, context);
      ok = category.icon.has_value() && ok;
    }
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
    bool ok = true;
    if (auto v = map.get("title", Presence::required))
      ok = text.read(*v, a.title) && ok;
    else
      ok = false;
    if (auto v = map.get("transcript", Presence::required))
      ok = read_nonempty(*v, a.transcript) && ok;
    else
      ok = false;
    if (auto v = map.get("language")) {
      std::string language;
      if (config::read_value(*v, language) && is_language_code(language))
        a.language = language;
      else if (!language.empty()) {
        v->error(Message{"không phải mã ngôn ngữ", "not a language code"},
                 Message{"mã ngôn ngữ như vi, en", "a language code such as vi, en"});
        ok = false;
      }
    }
    if (auto v = map.get("audio", Presence::required)) {
      auto clip = resolve_audio(*v, context);
      if (clip)
        a.audio = std::move(*clip);
      else
        ok = false;
    } else {
      ok = false;
    }
    if (auto v = map.get("category"))
      ok = read_reference(*v, context.category_ids, Message{"mục", "category"}, a.category) && ok;
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
    bool ok = true;
    if (auto v = map.get("title", Presence::required))
      ok = text.read(*v, p.title) && ok;
    else
      ok = false;
    if (auto v = map.get("chime_before")) {
      p.chime_before = resolve_audio(*v, context);
      ok = p.chime_before.has_value() && ok;
    }
    if (auto v = map.get("chime_after")) {
      p.chime_after = resolve_audio(*v, context);
      ok = p.chime_after.has_value() && ok;
    }
    if (auto v = map.get("items", Presence::required)) {
      if (!v->is_sequence() || v->node().size() == 0) {
        v->error(Message{"danh sách phát không có bài nào", "the playlist has no items"},
                 Message{"danh sách mã thông báo, ví dụ [ra-soat-ho-ngheo]",
                         "a list of announcement ids, for example [ra-soat-ho-ngheo]"});
        ok = false;
      } else {
        for (const auto& element : v->elements()) {
          std::string item;
          if (read_reference(element, context.announcement_ids,
                             Message{"thông báo", "announcement"}, item))
            p.items.push_back(std::move(item));
          else
            ok = false;
        }
      }
    } else {
      ok = false;
    }
    if (ok) out.push_back(std::move(p));
  }
}

}  // namespace tinxa::content::loader
