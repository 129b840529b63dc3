#include "config/reader/Document.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <utility>

namespace tinxa::config {

Document::Document(YAML::Node root, std::shared_ptr<const SourceText> source,
                   Diagnostics& diagnostics)
    : m_root(std::move(root)), m_source(std::move(source)), m_diagnostics(&diagnostics) {}

std::optional<Document> Document::parse(std::string_view text, std::string file,
                                        Diagnostics& diagnostics) {
  auto source = std::make_shared<const SourceText>(std::move(file), std::string(text));
  try {
    YAML::Node root = YAML::Load(source->text());
    return Document(std::move(root), std::move(source), diagnostics);
  } catch (const YAML::Exception& e) {
    diagnostics.error(source->position_of(e.mark), {},
                      Message{"lỗi cú pháp YAML: " + e.msg, "YAML syntax error: " + e.msg}, {},
                      Message{"YAML hợp lệ (thụt lề bằng dấu cách, không dùng tab)",
                              "valid YAML (indent with spaces, never tabs)"});
    return std::nullopt;
  }
}

std::optional<Document> Document::load(const std::filesystem::path& path, std::string display_name,
                                       Diagnostics& diagnostics) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const int err = errno;
    diagnostics.error(Position{display_name, 0, 0}, {},
                      Message{fmt::format("không mở được tệp: {}", std::strerror(err)),
                              fmt::format("cannot open the file: {}", std::strerror(err))});
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return parse(text.str(), std::move(display_name), diagnostics);
}

Value Document::root() const { return Value(m_root, m_source, {}, *m_diagnostics); }

}  // namespace tinxa::config
