#pragma once

#include "config/reader/Diagnostics.hpp"
#include "config/reader/Value.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace tinxa::config {

// One parsed YAML file. Problems are reported to the Diagnostics given at load time, which must
// outlive the Document and every Value taken from it.
class Document {
 public:
  // Parses `text`, naming it `file` in messages. A syntax error is reported with its position
  // and the parser's reason, and nullopt is returned. Never throws except std::bad_alloc.
  [[nodiscard]] static std::optional<Document> parse(std::string_view text, std::string file,
                                                     Diagnostics& diagnostics);

  // Reads and parses `path`, naming it `display_name` in messages (usually the path relative to
  // the folder the person gave). A missing or unreadable file is reported.
  [[nodiscard]] static std::optional<Document> load(const std::filesystem::path& path,
                                                    std::string display_name,
                                                    Diagnostics& diagnostics);

  [[nodiscard]] Value root() const;
  [[nodiscard]] const std::string& file() const noexcept { return m_source->name(); }

 private:
  Document(YAML::Node root, std::shared_ptr<const SourceText> source, Diagnostics& diagnostics);

  YAML::Node m_root;
  std::shared_ptr<const SourceText> m_source;
  Diagnostics* m_diagnostics;
};

}  // namespace tinxa::config
