#pragma once

#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <string>
#include <vector>

#include "config/reader/Diagnostic.hpp"

namespace tinxa::config {

// A YAML file's display name and text, shared by the Document and every Value taken from it.
// yaml-cpp counts columns in bytes; editors count characters, and Vietnamese letters take two or
// three bytes in UTF-8, so positions are turned into character columns here. Immutable.
class SourceText {
 public:
  // `text` may be empty when the text is not at hand (columns are then given as yaml-cpp has them).
  explicit SourceText(std::string name, std::string text = {});

  [[nodiscard]] const std::string& name() const noexcept { return m_name; }
  [[nodiscard]] const std::string& text() const noexcept { return m_text; }

  // Where `mark` points, 1-based, with the column in characters (Unicode code points).
  [[nodiscard]] Position position_of(const YAML::Mark& mark) const;

 private:
  std::string m_name;
  std::string m_text;
  std::vector<std::size_t> m_line_starts;  // byte offset of each line's first byte
};

}  // namespace tinxa::config
