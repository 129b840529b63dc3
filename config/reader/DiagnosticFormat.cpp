#include "config/reader/DiagnosticFormat.hpp"

#include <fmt/format.h>

namespace tinxa::config {

namespace {

std::string both(const Message& m) {
  if (m.vi.empty()) return m.en;
  if (m.en.empty() || m.en == m.vi) return m.vi;
  return m.vi + " / " + m.en;
}

}  // namespace

std::string format_position(const Position& position) {
  if (position.line <= 0) return position.file;
  return fmt::format("{}:{}:{}", position.file, position.line, position.column);
}

std::string format_diagnostic(const Diagnostic& d) {
  const char* severity = d.severity == Severity::error ? "lỗi/error" : "cảnh báo/warning";
  std::string out = fmt::format("{}: {}: ", format_position(d.position), severity);
  if (!d.key_path.empty()) out += d.key_path + ": ";
  out += both(d.message);
  out += '\n';
  if (!d.found.empty()) out += fmt::format("    gặp/found:    {}\n", d.found);
  if (!d.expected.vi.empty() || !d.expected.en.empty())
    out += fmt::format("    cần/expected: {}\n", both(d.expected));
  if (!d.suggestion.empty())
    out += fmt::format("    gợi ý/hint:   có phải ý bạn là \"{0}\"? / did you mean \"{0}\"?\n",
                       d.suggestion);
  return out;
}

}  // namespace tinxa::config
