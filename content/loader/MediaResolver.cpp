#include "content/loader/MediaResolver.hpp"

#include "config/reader/Read.hpp"
#include "config/reader/Suggest.hpp"
#include "content/media/ProbeCache.hpp"

#include <fmt/format.h>

#include <array>
#include <fstream>
#include <system_error>

namespace tinxa::content::loader {

using config::Message;

namespace {

bool is_inside(const std::filesystem::path& path, const std::filesystem::path& folder) {
  auto p = path.begin();
  for (auto f = folder.begin(); f != folder.end(); ++f, ++p)
    if (p == path.end() || *p != *f) return false;
  return true;
}

// Reports a media problem at `value` (DiagnosticKind::media: the item stays usable) and marks
// `path` unavailable with the reason, so whoever would open it skips it instead.
void media_error(const config::Value& value, MediaPath& path, LoadContext& context, Message message,
                 Message expected, std::string suggestion = {}) {
  path.unavailable =
      fmt::format("{}: {} / {}", context.display(path.relative), message.vi, message.en);
  path.absolute.clear();
  config::Diagnostic d{config::Severity::error, value.position(),
                       value.key_path(),        std::move(message),
                       value.describe(),        std::move(expected),
                       std::move(suggestion),   config::DiagnosticKind::media};
  value.diagnostics().add(std::move(d));
}

std::string closest_file(const std::filesystem::path& wanted) {
  std::error_code ec;
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(wanted.parent_path(), ec))
    names.push_back(entry.path().filename().string());
  const std::string match = config::closest_match(wanted.filename().string(), names);
  return match.empty() ? match : (wanted.parent_path() / match).filename().string();
}

}  // namespace

std::optional<MediaPath> resolve_media(const config::Value& value, LoadContext& context) {
  std::string text;
  if (!config::read_value(value, text)) return std::nullopt;
  const Message expected{"đường dẫn tương đối trong thư mục nội dung, ví dụ media/audio/a.ogg",
                         "a path relative to the bundle folder, for example media/audio/a.ogg"};
  const std::filesystem::path written(text);
  if (text.empty()) {
    value.error(Message{"đường dẫn bị bỏ trống", "the path is empty"}, expected);
    return std::nullopt;
  }
  if (written.is_absolute()) {
    value.error(Message{"đường dẫn tuyệt đối không được phép", "an absolute path is not allowed"},
                expected);
    return std::nullopt;
  }
  const auto normal = written.lexically_normal();
  if (normal.empty() || *normal.begin() == ".." || normal == ".") {
    value.error(
        Message{"đường dẫn đi ra ngoài thư mục nội dung", "the path leaves the bundle folder"},
        expected);
    return std::nullopt;
  }
  const auto absolute = context.canonical / normal;
  MediaPath path{normal.generic_string(), absolute, {}};
  std::error_code ec;
  if (!std::filesystem::exists(absolute, ec)) {
    std::string hint = closest_file(absolute);
    if (!hint.empty()) hint = (normal.parent_path() / hint).generic_string();
    media_error(value, path, context, Message{"không có tệp này", "no such file"}, expected, hint);
    return path;
  }
  const auto real = std::filesystem::canonical(absolute, ec);
  if (ec || !is_inside(real, context.canonical)) {
    value.error(Message{"đường dẫn dẫn ra ngoài thư mục nội dung (qua liên kết tượng trưng)",
                        "the path leads outside the bundle folder (through a symbolic link)"},
                expected);
    return std::nullopt;
  }
  if (!std::filesystem::is_regular_file(real, ec)) {
    media_error(value, path, context, Message{"không phải một tệp", "not a regular file"},
                expected);
    return path;
  }
  path.absolute = real;
  return path;
}

std::optional<AudioClip> resolve_audio(const config::Value& value, LoadContext& context) {
  auto path = resolve_media(value, context);
  if (!path) return std::nullopt;
  if (!path->unavailable.empty()) return AudioClip{std::move(*path), {}};
  auto [it, inserted] = context.probed.try_emplace(path->absolute);
  if (inserted)
    it->second = context.probes != nullptr ? context.probes->probe(path->absolute)
                                           : probe_outcome(path->absolute);
  if (!it->second.info) {
    media_error(value, *path, context,
                Message{fmt::format("không đọc được tệp âm thanh: {}", it->second.error),
                        fmt::format("cannot read the audio file: {}", it->second.error)},
                Message{"tệp WAV, FLAC, OGG (Vorbis, Opus) hoặc MP3 đọc được",
                        "a readable WAV, FLAC, OGG (Vorbis, Opus) or MP3 file"});
    return AudioClip{std::move(*path), {}};
  }
  return AudioClip{std::move(*path), *it->second.info};
}

std::optional<ImageFile> resolve_image(const config::Value& value, LoadContext& context) {
  auto path = resolve_media(value, context);
  if (!path) return std::nullopt;
  if (!path->unavailable.empty()) return ImageFile{std::move(*path), ImageFormat::png};
  std::array<unsigned char, 8> head{};
  std::ifstream in(path->absolute, std::ios::binary);
  in.read(reinterpret_cast<char*>(head.data()), static_cast<std::streamsize>(head.size()));
  constexpr std::array<unsigned char, 8> kPng{0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  if (in.gcount() == 8 && head == kPng) return ImageFile{std::move(*path), ImageFormat::png};
  if (in.gcount() >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
    return ImageFile{std::move(*path), ImageFormat::jpeg};
  media_error(value, *path, context,
              Message{"tệp không phải ảnh PNG hay JPEG", "the file is not a PNG or JPEG image"},
              Message{"một ảnh PNG hoặc JPEG", "a PNG or JPEG image"});
  return ImageFile{std::move(*path), ImageFormat::png};
}

}  // namespace tinxa::content::loader
