#pragma once

#include "config/reader/MapReader.hpp"
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

  // Reads `key` of `map` as above; false also when a required key is missing.
  bool read(config::MapReader& map, std::string_view key, LocalizedText& out,
            config::Presence presence) const;

 private:
  std::vector<std::string> m_required;
};

// Reads a text that must not be blank (NFC, valid UTF-8).
bool read_nonempty(const config::Value& value, std::string& out);

// Reads one language code ("vi", "en").
bool read_language(const config::Value& value, std::string& out);

// Reports at `value` unless it is a non-empty list.
bool require_items(const config::Value& value, const config::Message& problem,
                   const config::Message& expected);

// A language code: two or three lowercase ASCII letters ("vi", "en", "hmn").
[[nodiscard]] bool is_language_code(std::string_view code) noexcept;

// Reads a list of language codes that must start with "vi" and, when `allowed` is not empty,
// use only those languages.
bool read_languages(const config::Value& value, std::vector<std::string>& out,
                    const std::vector<std::string>& allowed);

}  // namespace tinxa::content::loader
