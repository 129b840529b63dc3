#pragma once

#include <map>
#include <string>
#include <string_view>

namespace tinxa::content {

// The Vietnamese text every resident-facing field must have.
inline constexpr std::string_view kVietnamese = "vi";

// A text in one or more languages, keyed by language code ("vi", "en", ...). A loaded text
// always has Vietnamese; other languages are present when the content gives them.
class LocalizedText {
 public:
  LocalizedText() = default;
  explicit LocalizedText(std::string vietnamese) {
    m_texts.emplace(kVietnamese, std::move(vietnamese));
  }

  void set(std::string language, std::string text) {
    m_texts[std::move(language)] = std::move(text);
  }

  // The text in `language`, or the Vietnamese text when that language is absent.
  [[nodiscard]] const std::string& get(std::string_view language = kVietnamese) const;
  [[nodiscard]] bool has(std::string_view language) const;
  [[nodiscard]] bool empty() const noexcept { return m_texts.empty(); }
  [[nodiscard]] const std::map<std::string, std::string, std::less<>>& all() const noexcept {
    return m_texts;
  }

 private:
  std::map<std::string, std::string, std::less<>> m_texts;
};

}  // namespace tinxa::content
