#include "config/reader/Read.hpp"
#include "config/reader/Suggest.hpp"
#include "content/loader/Readers.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace tinxa::content::loader {

bool read_reference(const config::Value& value, const std::vector<std::string>& known,
                    const config::Message& what, std::string& out) {
  std::string id;
  if (!config::read_id(value, id)) return false;
  if (std::find(known.begin(), known.end(), id) == known.end()) {
    std::string list;
    for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
    value.error(config::Message{fmt::format("không có {} \"{}\"", what.vi, id),
                                fmt::format("there is no {} \"{}\"", what.en, id)},
                config::Message{fmt::format("một {} đã khai báo: {}", what.vi, list),
                                fmt::format("a declared {}: {}", what.en, list)},
                config::closest_match(id, known));
    return false;
  }
  out = std::move(id);
  return true;
}

}  // namespace tinxa::content::loader
