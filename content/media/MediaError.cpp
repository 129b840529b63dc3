#include "content/media/MediaError.hpp"

#include <utility>

#include <fmt/core.h>

namespace tinxa::content {

MediaError::MediaError(std::string_view what_failed, std::filesystem::path path, std::string reason)
    : std::runtime_error{fmt::format("{}: {}: {}", path.string(), what_failed, reason)},
      m_what_failed{what_failed},
      m_path{std::move(path)},
      m_reason{std::move(reason)} {}

}  // namespace tinxa::content
