#include "config/reader/Diagnostics.hpp"

#include <algorithm>
#include <tuple>
#include <utility>

namespace tinxa::config {

void Diagnostics::add(Diagnostic diagnostic) {
  if (diagnostic.severity == Severity::error) {
    ++m_errors;
    if (diagnostic.kind == DiagnosticKind::media) ++m_media_errors;
  }
  m_items.push_back(std::move(diagnostic));
}

void Diagnostics::error(Position position, std::string key_path, Message message, std::string found,
                        Message expected, std::string suggestion) {
  add(Diagnostic{Severity::error, std::move(position), std::move(key_path), std::move(message),
                 std::move(found), std::move(expected), std::move(suggestion),
                 DiagnosticKind::structure});
}

void Diagnostics::warning(Position position, std::string key_path, Message message,
                          std::string found, Message expected, std::string suggestion) {
  add(Diagnostic{Severity::warning, std::move(position), std::move(key_path), std::move(message),
                 std::move(found), std::move(expected), std::move(suggestion),
                 DiagnosticKind::structure});
}

void Diagnostics::merge(Diagnostics&& other) {
  for (auto& d : other.m_items) add(std::move(d));
  other.m_items.clear();
  other.m_errors = 0;
  other.m_media_errors = 0;
}

void Diagnostics::sort() {
  std::stable_sort(m_items.begin(), m_items.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.position.file, a.position.line, a.position.column) <
           std::tie(b.position.file, b.position.line, b.position.column);
  });
}

}  // namespace tinxa::config
