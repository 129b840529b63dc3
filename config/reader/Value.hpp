#pragma once

#include "config/reader/Diagnostic.hpp"
#include "config/reader/Diagnostics.hpp"
#include "config/reader/SourceText.hpp"

#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace tinxa::config {

// One node of a YAML document, with where it is and how it was reached, so every problem found
// in it can be reported with file:line:column and key path. Cheap to copy. The Diagnostics it
// reports to must outlive it. Not thread-safe.
class Value {
 public:
  Value(YAML::Node node, std::shared_ptr<const SourceText> source, std::string key_path,
        Diagnostics& diagnostics);

  [[nodiscard]] Position position() const;
  // Where `mark` (of a node in the same file) points, with the column in characters.
  [[nodiscard]] Position position_of(const YAML::Mark& mark) const;
  [[nodiscard]] const std::string& key_path() const noexcept { return m_key_path; }
  [[nodiscard]] const std::string& file() const noexcept { return m_source->name(); }
  [[nodiscard]] Diagnostics& diagnostics() const noexcept { return *m_diagnostics; }
  [[nodiscard]] const YAML::Node& node() const noexcept { return m_node; }

  [[nodiscard]] bool is_null() const;
  [[nodiscard]] bool is_scalar() const;
  [[nodiscard]] bool is_sequence() const;
  [[nodiscard]] bool is_map() const;

  // The raw scalar text as written (quotes removed). Precondition: is_scalar().
  [[nodiscard]] const std::string& scalar() const;

  // What the node is, as an editor would say it, for the "found" line of a message:
  // "\"2026-13-01\"", "a list of 3 items / một danh sách 3 mục", "a map", "nothing".
  [[nodiscard]] std::string describe() const;

  // The elements of a sequence, with paths "key[0]", "key[1]", ... Precondition: is_sequence().
  [[nodiscard]] std::vector<Value> elements() const;

  // A child reached through `key`; used by MapReader.
  [[nodiscard]] Value child(YAML::Node node, std::string_view key) const;
  // Another node of the same file at the same key path (a map's key node, for instance).
  [[nodiscard]] Value sibling(YAML::Node node) const;

  // Reports a problem with this node; the "found" line is describe().
  void error(Message message, Message expected = {}, std::string suggestion = {}) const;
  void warning(Message message, Message expected = {}, std::string suggestion = {}) const;

 private:
  YAML::Node m_node;
  std::shared_ptr<const SourceText> m_source;
  std::string m_key_path;
  Diagnostics* m_diagnostics;
};

}  // namespace tinxa::config
