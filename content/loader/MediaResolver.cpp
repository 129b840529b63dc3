#include "content/loader/MediaResolver.hpp"

#include "config/reader/Read.hpp"
#include "config/reader/Suggest.hpp"
#include "content/media/AudioProbe.hpp"
#include "content/media/MediaError.hpp"

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
  std::error_code ec;
  if (!std::filesystem::exists(absolute, ec)) {
    std::string hint = closest_file(absolute);
    if (!hint.empty()) hint = (normal.parent_path() / hint).generic_string();
    value.error(Message{"không có tệp này", "no such file"}, expected, hint);
    return std::nullopt;
  }
  const auto real = std::filesystem::canonical(absolute, ec);
  if (ec || !is_inside(real, context.canonical)) {
    value.error(Message{"đường dẫn dẫn ra ngoài thư mục nội dung (qua liên kết tượng trưng)",
                        "the path leads outside the bundle folder (through a symbolic link)"},
                expected);
    return std::nullopt;
  }
  if (!std::filesystem::is_regular_file(real, ec)) {
    value.error(Message{"không phải một tệp", "not a regular file"}, expected);
    return std::nullopt;
  }
  return MediaPath{normal.generic_string(), real};
}

std::optional<AudioClip> resolve_audio(const config::Value& value, LoadContext& context) {
  auto path = resolve_media(value, context);
  if (!path) return std::nullopt;
  auto [it, inserted] = context.probed.try_emplace(path->absolute);
  if (inserted) {
    try {
      it->second.info = probe_audio(path->absolute);
    } catch (const MediaError& e) {
      // A decoding failure says where the audio breaks ("cannot decode audio after 3.2 s").
      it->second.error = e.what_failed().rfind("cannot decode", 0) == 0
                             ? e.what_failed() + ": " + e.reason()
                             : e.reason();
    }
  }
  if (!it->second.info) {
    value.error(Message{fmt::format("không đọc được tệp âm thanh: {}", it->second.error),
                        fmt::format("cannot read the audio file: {}", it->second.error)},
                Message{"tệp WAV, FLAC, OGG (Vorbis, Opus) hoặc MP3 đọc được",
                        "a readable WAV, FLAC, OGG (Vorbis, Opus) or MP3 file"});
    return std::nullopt;
  }
  return AudioClip{std::move(*path), *it->second.info};
}

std::optional<ImageFile> resolve_image(const config::Value& value, LoadContext& context) {
  auto path = resolve_media(value, context);
  if (!path) return std::nullopt;
  std::array<unsigned char, 8> head{};
  std::ifstream in(path->absolute, std::ios::binary);
  in.read(reinterpret_cast<char*>(head.data()), static_cast<std::streamsize>(head.size()));
  constexpr std::array<unsigned char, 8> kPng{0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  if (in.gcount() == 8 && head == kPng) return ImageFile{std::move(*path), ImageFormat::png};
  if (in.gcount() >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
    return ImageFile{std::move(*path), ImageFormat::jpeg};
  value.error(Message{"tệp không phải ảnh PNG hay JPEG", "the file is not a PNG or JPEG image"},
              Message{"một ảnh PNG hoặc JPEG", "a PNG or JPEG image"});
  return std::nullopt;
}

}  // namespace tinxa::content::loader
