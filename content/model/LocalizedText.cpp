#include "content/model/LocalizedText.hpp"

namespace tinxa::content {

const std::string& LocalizedText::get(std::string_view language) const {
  static const std::string kEmpty;
  if (auto it = m_texts.find(language); it != m_texts.end()) return it->second;
  if (auto it = m_texts.find(kVietnamese); it != m_texts.end()) return it->second;
  return kEmpty;
}

bool LocalizedText::has(std::string_view language) const { return m_texts.contains(language); }

}  // namespace tinxa::content
