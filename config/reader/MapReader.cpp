#include "config/reader/MapReader.hpp"

#include "config/reader/Suggest.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace tinxa::config {

MapReader::MapReader(Value map) : m_map(std::move(map)) {
  if (m_map.is_null()) return;
  if (!m_map.is_map()) {
    m_valid = false;
    m_map.error(Message{"sai kiểu giá trị", "wrong kind of value"},
                Message{"một bảng khóa (key: value)", "a map (key: value)"});
    return;
  }
  for (auto it = m_map.node().begin(); it != m_map.node().end(); ++it) {
    if (!it->first.IsScalar()) {
      const Value key = m_map.sibling(it->first);
      key.error(Message{"khóa phải là một chữ", "a key must be a plain word"});
      continue;
    }
    m_entries.push_back(Entry{it->first.Scalar(), it->first.Mark(), it->second});
  }
}

MapReader::~MapReader() {
  try {
    finish();
  } catch (...) {  // only std::bad_alloc can come here; a destructor must not throw
  }
}

std::optional<Value> MapReader::get(std::string_view key, Presence presence) {
  if (std::find(m_known.begin(), m_known.end(), key) == m_known.end()) m_known.emplace_back(key);
  for (const auto& entry : m_entries)
    if (entry.key == key) return m_map.child(entry.value, key);
  if (presence == Presence::required && m_valid) {
    Position where = m_map.position();
    if (where.line == 0) where = Position{m_map.file(), 1, 1};
    m_map.diagnostics().error(
        where, m_map.key_path(),
        Message{fmt::format("thiếu khóa bắt buộc \"{}\"", key),
                fmt::format("the required key \"{}\" is missing", key)},
        {},
        Message{fmt::format("một dòng \"{}: ...\"", key), fmt::format("a line \"{}: ...\"", key)});
  }
  return std::nullopt;
}

std::vector<std::pair<std::string, Value>> MapReader::entries() {
  m_all_known = true;
  std::vector<std::pair<std::string, Value>> out;
  out.reserve(m_entries.size());
  for (const auto& entry : m_entries) {
    Value value = m_map.child(entry.value, entry.key);
    out.emplace_back(entry.key, value);
  }
  return out;
}

void MapReader::finish() {
  if (m_finished) return;
  m_finished = true;
  for (std::size_t i = 0; i < m_entries.size(); ++i) {
    const Entry& entry = m_entries[i];
    const std::string path =
        m_map.key_path().empty() ? entry.key : m_map.key_path() + "." + entry.key;
    const Position where = m_map.position_of(entry.mark);
    const auto first = std::find_if(m_entries.begin(), m_entries.begin() + static_cast<long>(i),
                                    [&](const Entry& e) { return e.key == entry.key; });
    if (first != m_entries.begin() + static_cast<long>(i)) {
      m_map.diagnostics().error(
          where, path,
          Message{fmt::format("khóa \"{}\" bị viết hai lần (lần đầu ở dòng {})", entry.key,
                              first->mark.line + 1),
                  fmt::format("the key \"{}\" is written twice (first on line {})", entry.key,
                              first->mark.line + 1)},
          {}, Message{"mỗi khóa chỉ một lần", "each key once"});
      continue;
    }
    if (m_all_known) continue;
    if (std::find(m_known.begin(), m_known.end(), entry.key) != m_known.end()) continue;
    std::vector<std::string> sorted = m_known;
    std::sort(sorted.begin(), sorted.end());
    std::string allowed;
    for (const auto& k : sorted) allowed += (allowed.empty() ? "" : ", ") + k;
    m_map.diagnostics().error(where, path, Message{"khóa không có trong định dạng", "unknown key"},
                              fmt::format("\"{}\"", entry.key),
                              Message{"một trong: " + allowed, "one of: " + allowed},
                              closest_match(entry.key, m_known));
  }
}

}  // namespace tinxa::config
