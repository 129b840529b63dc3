#include "content/model/Bundle.hpp"

#include <algorithm>
#include <set>

namespace tinxa::content {

namespace {

template <class T>
const T* find_by_id(const std::vector<T>& items, std::string_view id) noexcept {
  const auto it = std::find_if(items.begin(), items.end(), [&](const T& t) { return t.id == id; });
  return it == items.end() ? nullptr : &*it;
}

}  // namespace

const Category* Bundle::find_category(std::string_view id) const noexcept {
  return find_by_id(categories, id);
}
const Page* Bundle::find_page(std::string_view id) const noexcept { return find_by_id(pages, id); }
const Announcement* Bundle::find_announcement(std::string_view id) const noexcept {
  return find_by_id(announcements, id);
}
const Playlist* Bundle::find_playlist(std::string_view id) const noexcept {
  return find_by_id(playlists, id);
}

std::chrono::milliseconds Bundle::total_audio() const {
  std::set<std::filesystem::path> seen;
  std::chrono::milliseconds total{0};
  const auto add = [&](const AudioClip& clip) {
    if (seen.insert(clip.path.absolute).second) total += clip.info.duration;
  };
  for (const auto& a : announcements) add(a.audio);
  for (const auto& p : playlists) {
    if (p.chime_before) add(*p.chime_before);
    if (p.chime_after) add(*p.chime_after);
  }
  for (const auto& page : pages)
    if (page.narration) add(*page.narration);
  return total;
}

}  // namespace tinxa::content
