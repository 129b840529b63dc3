#include "config/reader/SourceText.hpp"

#include <algorithm>
#include <utility>

namespace tinxa::config {

SourceText::SourceText(std::string name, std::string text)
    : m_name(std::move(name)), m_text(std::move(text)) {
  if (m_text.empty()) return;
  m_line_starts.push_back(0);
  for (std::size_t i = 0; i < m_text.size(); ++i)
    if (m_text[i] == '\n') m_line_starts.push_back(i + 1);
}

Position SourceText::position_of(const YAML::Mark& mark) const {
  if (mark.line < 0) return Position{m_name, 0, 0};
  const auto line = static_cast<std::size_t>(mark.line);
  if (line >= m_line_starts.size() || mark.column < 0)
    return Position{m_name, mark.line + 1, mark.column + 1};
  const std::size_t start = m_line_starts[line];
  const std::size_t end = std::min(start + static_cast<std::size_t>(mark.column), m_text.size());
  int characters = 0;
  for (std::size_t i = start; i < end; ++i)
    if ((static_cast<unsigned char>(m_text[i]) & 0xC0U) != 0x80U)
      ++characters;  // not a
                     // continuation
  return Position{m_name, mark.line + 1, characters + 1};
}

}  // namespace tinxa::config
