#include "kiosk/render/TextureCache.hpp"

namespace tinxa::kiosk::render {

SDL_Texture* TextureCache::find(const std::string& key) {
  const auto it = m_index.find(key);
  if (it == m_index.end()) return nullptr;
  m_entries.splice(m_entries.begin(), m_entries, it->second);
  return it->second->texture.get();
}

SDL_Texture* TextureCache::put(const std::string& key, TexturePtr texture) {
  if (const auto it = m_index.find(key); it != m_index.end()) {
    m_entries.erase(it->second);
    m_index.erase(it);
  }
  m_entries.push_front({key, std::move(texture)});
  m_index[key] = m_entries.begin();
  while (m_entries.size() > m_capacity) {
    m_index.erase(m_entries.back().key);
    m_entries.pop_back();
  }
  return m_entries.front().texture.get();
}

}  // namespace tinxa::kiosk::render
