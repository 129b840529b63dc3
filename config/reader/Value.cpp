#include "config/reader/Value.hpp"

#include <fmt/format.h>

#include <cassert>
#include <utility>

namespace tinxa::config {

Value::Value(YAML::Node node, std::shared_ptr<const SourceText> source, std::string key_path,
             Diagnostics& diagnostics)
    : m_node(std::move(node)),
      m_source(std::move(source)),
      m_key_path(std::move(key_path)),
      m_diagnostics(&diagnostics) {}

Position Value::position() const { return m_source->position_of(m_node.Mark()); }

Position Value::position_of(const YAML::Mark& mark) const { return m_source->position_of(mark); }

bool Value::is_null() const { return !m_node.IsDefined() || m_node.IsNull(); }
bool Value::is_scalar() const { return m_node.IsDefined() && m_node.IsScalar(); }
bool Value::is_sequence() const { return m_node.IsDefined() && m_node.IsSequence(); }
bool Value::is_map() const { return m_node.IsDefined() && m_node.IsMap(); }

const std::string& Value::scalar() const {
  assert(is_scalar());
  return m_node.Scalar();
}

std::string Value::describe() const {
  if (is_null()) return "nothing / không có gì";
  if (is_scalar()) {
    std::string text = m_node.Scalar();
    if (text.size() > 60) text = text.substr(0, 57) + "...";
    return fmt::format("\"{}\"", text);
  }
  if (is_sequence())
    return fmt::format("một danh sách {0} mục / a list of {0} items", m_node.size());
  return fmt::format("một bảng khóa ({0} khóa) / a map of {0} keys", m_node.size());
}

std::vector<Value> Value::elements() const {
  assert(is_sequence());
  std::vector<Value> out;
  out.reserve(m_node.size());
  std::size_t index = 0;
  for (const auto& element : m_node) {
    out.emplace_back(element, m_source, fmt::format("{}[{}]", m_key_path, index), *m_diagnostics);
    ++index;
  }
  return out;
}

Value Value::child(YAML::Node node, std::string_view key) const {
  std::string path = m_key_path.empty() ? std::string(key) : fmt::format("{}.{}", m_key_path, key);
  return Value(std::move(node), m_source, std::move(path), *m_diagnostics);
}

Value Value::sibling(YAML::Node node) const {
  return Value(std::move(node), m_source, m_key_path, *m_diagnostics);
}

void Value::error(Message message, Message expected, std::string suggestion) const {
  m_diagnostics->error(position(), m_key_path, std::move(message), describe(), std::move(expected),
                       std::move(suggestion));
}

void Value::warning(Message message, Message expected, std::string suggestion) const {
  m_diagnostics->warning(position(), m_key_path, std::move(message), describe(),
                         std::move(expected), std::move(suggestion));
}

}  // namespace tinxa::config
