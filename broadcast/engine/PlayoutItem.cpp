#include "broadcast/engine/PlayoutItem.hpp"

#include <algorithm>
#include <cmath>

namespace tinxa::broadcast {

namespace {

PlayoutItem from_clip(std::string id, std::string title, std::string category,
                      const content::AudioClip& clip) {
  return {std::move(id),    std::move(title),         std::move(category),  clip.path.absolute,
          clip.info.frames, clip.info.sample_rate_hz, clip.path.unavailable};
}

PlayoutItem from_announcement(const content::Announcement& a) {
  return from_clip(a.id, a.title.get("vi"), a.category, a.audio);
}

}  // namespace

std::int64_t PlayoutItem::frames_at(int device_rate_hz) const noexcept {
  if (file_rate_hz <= 0 || file_frames <= 0) return 0;
  return std::llround(static_cast<double>(file_frames) * device_rate_hz / file_rate_hz);
}

std::vector<PlayoutItem> playout_items(const PlayItem& play, const content::Bundle& bundle,
                                       int repeat) {
  std::vector<PlayoutItem> once;
  if (play.kind == PlayKind::announcement) {
    if (const auto* a = bundle.find_announcement(play.id)) once.push_back(from_announcement(*a));
  } else if (play.kind == PlayKind::playlist) {
    if (const auto* p = bundle.find_playlist(play.id)) {
      if (p->chime_before && p->chime_before->available())
        once.push_back(from_clip("chime", "chime", {}, *p->chime_before));
      for (const auto& id : p->items)
        if (const auto* a = bundle.find_announcement(id)) once.push_back(from_announcement(*a));
      if (p->chime_after && p->chime_after->available())
        once.push_back(from_clip("chime", "chime", {}, *p->chime_after));
    }
  }
  std::vector<PlayoutItem> items;
  for (int i = 0; i < std::max(repeat, 1); ++i) items.insert(items.end(), once.begin(), once.end());
  return items;
}

std::string play_title(const PlayItem& play, const content::Bundle& bundle) {
  if (play.kind == PlayKind::relay) return "Tiếp sóng / relay: " + play.input;
  if (play.kind == PlayKind::announcement) {
    if (const auto* a = bundle.find_announcement(play.id)) return a->title.get("vi");
  } else if (const auto* p = bundle.find_playlist(play.id)) {
    return p->title.get("vi");
  }
  return play.id;
}

}  // namespace tinxa::broadcast
