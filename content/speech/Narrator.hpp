#pragma once

// Pre-renders page narrations with espeak-ng when content is published (`tinxa narrate`), so the
// kiosk's "Nghe" button can play every page, recorded or not. Narrations are cached by the text
// they speak: editing a page renders it again, and an unchanged page is never rendered twice.
// espeak-ng runs as a child process (no shell); its WAV becomes OGG Vorbis through libsndfile.

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace tinxa::content {

// espeak-ng is missing, failed, or its output could not be converted. The message is bilingual.
class NarrationError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Voice {
  std::string name = "vi";     // espeak-ng voice: vi (Northern), vi-vn-x-central, vi-vn-x-south
  int words_per_minute = 140;  // slower than espeak's 175: residents are often elderly
};

// Where `tinxa narrate` keeps the narrations of bundle `bundle_id`, and the kiosk finds them.
[[nodiscard]] inline std::filesystem::path narration_folder(const std::filesystem::path& data_dir,
                                                            std::string_view bundle_id) {
  return data_dir / "narration" / bundle_id;
}

// The cache key of a page's narration in one language: "<page id>.<language>".
[[nodiscard]] inline std::string narration_key(std::string_view page_id,
                                               std::string_view language) {
  return std::string(page_id) + "." + std::string(language);
}

// A stable 64-bit FNV-1a hash (the cache key must not change between builds or machines).
[[nodiscard]] std::uint64_t stable_hash(std::string_view text) noexcept;

// Speaks `text` with `voice` into an OGG Vorbis file at `output` (replaced atomically: written
// beside it, then renamed). Blocks until espeak-ng finishes. Throws NarrationError.
void render_narration(std::string_view text, const Voice& voice,
                      const std::filesystem::path& output);

// Narrations of one bundle's pages, in a folder of its own.
class NarrationCache {
 public:
  NarrationCache(std::filesystem::path folder, Voice voice);

  // Where the narration of `text` for page `page_id` is (or will be) kept:
  // folder/<page id>-<hash of voice and text>.ogg.
  [[nodiscard]] std::filesystem::path path_for(std::string_view page_id,
                                               std::string_view text) const;

  // Renders the narration unless it is already there; true when it rendered. Throws
  // NarrationError.
  bool ensure(std::string_view page_id, std::string_view text) const;

  // Deletes the narrations no page uses any more (files in the folder not in `keep`); returns
  // how many were deleted.
  std::size_t prune(const std::vector<std::filesystem::path>& keep) const;

 private:
  std::filesystem::path m_folder;
  Voice m_voice;
};

}  // namespace tinxa::content
