#include "content/loader/TextReader.hpp"

#include "config/reader/MapReader.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace tinxa::content::loader {

using config::Message;

namespace {

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

}  // namespace

bool read_nonempty(const config::Value& value, std::string& out) {
  std::string text;
  if (!config::read_value(value, text)) return false;
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    value.error(Message{"chữ bị bỏ trống", "the text is empty"},
                Message{"một đoạn chữ", "some text"});
    return false;
  }
  out = std::move(text);
  return true;
}

bool is_language_code(std::string_view code) noexcept {
  if (code.size() < 2 || code.size() > 3) return false;
  return std::all_of(code.begin(), code.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

TextReader::TextReader(std::vector<std::string> required) : m_required(std::move(required)) {}

bool TextReader::read(const config::Value& value, LocalizedText& out) const {
  LocalizedText text;
  if (value.is_map()) {
    config::MapReader map(value);
    bool ok = true;
    for (auto& [language, element] : map.entries()) {
      if (!is_language_code(language)) {
        element.error(Message{fmt::format("\"{}\" không phải mã ngôn ngữ", language),
                              fmt::format("\"{}\" is not a language code", language)},
                      Message{"mã ngôn ngữ như vi, en", "a language code such as vi, en"});
        ok = false;
        continue;
      }
      std::string s;
      if (read_nonempty(element, s))
        text.set(language, std::move(s));
      else
        ok = false;
    }
    if (!ok) return false;
  } else {
    std::string s;
    if (!read_nonempty(value, s)) return false;
    text = LocalizedText(std::move(s));
  }
  std::vector<std::string> missing;
  for (const auto& language : m_required)
    if (!text.has(language)) missing.push_back(language);
  if (!text.has("vi") && std::find(missing.begin(), missing.end(), "vi") == missing.end())
    missing.insert(missing.begin(), "vi");
  if (!missing.empty()) {
    std::string example;
    for (const auto& language : m_required)
      example += (example.empty() ? "" : ", ") + language + ": ...";
    value.error(Message{fmt::format("thiếu bản chữ {}", join(missing)),
                        fmt::format("the {} text is missing", join(missing))},
                Message{fmt::format("chữ cho mỗi ngôn ngữ của trang: {{{}}}", example),
                        fmt::format("a text for each of the page's languages: {{{}}}", example)});
    return false;
  }
  out = std::move(text);
  return true;
}

bool TextReader::read(config::MapReader& map, std::string_view key, LocalizedText& out,
                      config::Presence presence) const {
  return map.read_with(key, presence, [&](const config::Value& v) { return read(v, out); });
}

bool read_language(const config::Value& value, std::string& out) {
  std::string code;
  if (!config::read_value(value, code)) return false;
  if (!is_language_code(code)) {
    value.error(Message{"không phải mã ngôn ngữ", "not a language code"},
                Message{"mã ngôn ngữ như vi, en", "a language code such as vi, en"});
    return false;
  }
  out = std::move(code);
  return true;
}

bool require_items(const config::Value& value, const Message& problem, const Message& expected) {
  if (value.is_sequence() && value.node().size() != 0) return true;
  value.error(problem, expected);
  return false;
}

bool read_languages(const config::Value& value, std::vector<std::string>& out,
                    const std::vector<std::string>& allowed) {
  std::vector<std::string> languages;
  if (!config::read_value(value, languages)) return false;
  const Message expected{"danh sách mã ngôn ngữ bắt đầu bằng vi, ví dụ [vi, en]",
                         "a list of language codes starting with vi, for example [vi, en]"};
  if (languages.empty() || languages.front() != "vi") {
    value.error(Message{"tiếng Việt phải đứng đầu", "Vietnamese must come first"}, expected);
    return false;
  }
  for (const auto& language : languages) {
    if (!is_language_code(language)) {
      value.error(Message{fmt::format("\"{}\" không phải mã ngôn ngữ", language),
                          fmt::format("\"{}\" is not a language code", language)},
                  expected);
      return false;
    }
    if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), language) == allowed.end()) {
      value.error(Message{fmt::format("gói nội dung không có ngôn ngữ \"{}\"", language),
                          fmt::format("the bundle does not offer the language \"{}\"", language)},
                  Message{"ngôn ngữ trong bundle.yaml: " + join(allowed),
                          "a language of bundle.yaml: " + join(allowed)});
      return false;
    }
  }
  out = std::move(languages);
  return true;
}

}  // namespace tinxa::content::loader
