#pragma once

#include "kiosk/render/SdlHandles.hpp"

#include <cstddef>
#include <list>
#include <string>
#include <unordered_map>

namespace tinxa::kiosk::render {

// Textures by key, least recently used dropped first once more than `capacity` are held, so a
// kiosk that runs for months does not grow. UI thread only (the textures belong to one
// renderer).
class TextureCache {
 public:
  explicit TextureCache(std::size_t capacity) : m_capacity(capacity) {}

  // The texture for `key`, or nullptr. Marks it as recently used.
  [[nodiscard]] SDL_Texture* find(const std::string& key);
  // Stores `texture` (may be null, to remember a failure) and returns it.
  SDL_Texture* put(const std::string& key, TexturePtr texture);

  [[nodiscard]] std::size_t size() const noexcept { return m_entries.size(); }
  [[nodiscard]] std::size_t capacity() const noexcept { return m_capacity; }

 private:
  struct Entry {
    std::string key;
    TexturePtr texture;
  };
  std::size_t m_capacity;
  std::list<Entry> m_entries;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> m_index;
};

}  // namespace tinxa::kiosk::render
