#pragma once

#include "config/reader/Value.hpp"
#include "content/model/LocalizedText.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace tinxa::content::loader {

// Reads localised text: a plain string (Vietnamese), or a map {vi: ..., en: ...}. Vietnamese is
// always required, and so is every language in `required` (a page's `languages`).
class TextReader {
 public:
  explicit TextReader(std::vector<std::string> required = {"vi"});

  // Reports what is missing or wrong at `value` and returns false; `out` is then unchanged.
  bool read(const config::Value& value, LocalizedText& out) const;

 private:
  std::vector<std::string> m_required;
};

// Reads a text that must not be blank (NFC, valid UTF-8).
bool read_nonempty(const config::Value& value, std::string& out);

// A language code: two or three lowercase ASCII letters ("vi", "en", "hmn").
[[nodiscard]] bool is_language_code(std::string_view code) noexcept;

// Reads a list of language codes that must start with "vi" and, when `allowed` is not empty,
// use only those languages.
bool read_languages(const config::Value& value, std::vector<std::string>& out,
                    const std::vector<std::string>& allowed);

}  // namespace tinxa::content::loader
