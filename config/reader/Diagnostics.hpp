#pragma once

#include "config/reader/Diagnostic.hpp"

#include <cstddef>
#include <vector>

namespace tinxa::config {

// Collects every problem found while reading, so that one run reports all of them.
// Not thread-safe: one collector per reading thread.
class Diagnostics {
 public:
  void add(Diagnostic diagnostic);
  void error(Position position, std::string key_path, Message message, std::string found = {},
             Message expected = {}, std::string suggestion = {});
  void warning(Position position, std::string key_path, Message message, std::string found = {},
               Message expected = {}, std::string suggestion = {});

  // Moves every diagnostic of `other` into this collector.
  void merge(Diagnostics&& other);

  // Orders by file, line, column, so output reads top to bottom per file.
  void sort();

  [[nodiscard]] const std::vector<Diagnostic>& items() const noexcept { return m_items; }
  [[nodiscard]] std::size_t error_count() const noexcept { return m_errors; }
  [[nodiscard]] std::size_t warning_count() const noexcept { return m_items.size() - m_errors; }
  [[nodiscard]] bool has_errors() const noexcept { return m_errors != 0; }
  // Errors of kind media (a missing or broken recording or image), a subset of error_count().
  [[nodiscard]] std::size_t media_error_count() const noexcept { return m_media_errors; }
  // True when some error is not a media problem: what was read may not be used at all.
  [[nodiscard]] bool has_structural_errors() const noexcept { return m_errors != m_media_errors; }

 private:
  std::vector<Diagnostic> m_items;
  std::size_t m_errors = 0;
  std::size_t m_media_errors = 0;
};

}  // namespace tinxa::config
