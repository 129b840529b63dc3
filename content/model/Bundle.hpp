#pragma once

#include "content/model/LocalizedText.hpp"
#include "content/model/Media.hpp"
#include "content/model/Page.hpp"

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tinxa::content {

// A home-screen tile: pages are grouped under it.
struct Category {
  std::string id;
  LocalizedText title;
  LocalizedText summary;  // may be empty
  std::optional<ImageFile> icon;
};

// A recording for the loudspeakers, which the kiosk also offers to hear again.
struct Announcement {
  std::string id;
  LocalizedText title;
  std::string transcript;  // exactly what the recording says
  std::string language = "vi";
  AudioClip audio;
  std::string category;  // a category id, or empty
};

// Announcements played back to back, with an optional chime around them.
struct Playlist {
  std::string id;
  LocalizedText title;
  std::optional<AudioClip> chime_before;
  std::optional<AudioClip> chime_after;
  std::vector<std::string> items;  // announcement ids, in order
};

struct BundleInfo {
  std::string id;
  LocalizedText title;
  std::string version;
  std::chrono::year_month_day published{};
  LocalizedText publisher;
  std::vector<std::string> languages{"vi"};
};

// A whole content bundle, as loaded and checked. Immutable once loaded: the programs swap whole
// bundles, so a reader holding a `std::shared_ptr<const Bundle>` never sees a half-updated one.
struct Bundle {
  std::filesystem::path root;
  BundleInfo info;
  std::vector<Category> categories;         // in display order
  std::vector<Page> pages;                  // sorted by id
  std::vector<Announcement> announcements;  // in file order
  std::vector<Playlist> playlists;          // in file order

  [[nodiscard]] const Category* find_category(std::string_view id) const noexcept;
  [[nodiscard]] const Page* find_page(std::string_view id) const noexcept;
  [[nodiscard]] const Announcement* find_announcement(std::string_view id) const noexcept;
  [[nodiscard]] const Playlist* find_playlist(std::string_view id) const noexcept;

  // The total length of every distinct recording: announcements, chimes and narrations.
  [[nodiscard]] std::chrono::milliseconds total_audio() const;
};

}  // namespace tinxa::content
