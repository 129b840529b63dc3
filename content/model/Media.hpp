#pragma once

#include "content/media/AudioInfo.hpp"

#include <filesystem>
#include <string>

namespace tinxa::content {

// A file inside the bundle: the path as the editor wrote it, and where it is on disk.
//
// A file that is missing, unreadable or cannot be decoded does not drop the item that names it:
// the item is kept, `unavailable` holds the loader's reason ("<bundle>/media/audio/a.ogg: không có
// tệp này / no such file"), and `absolute` is empty so nothing tries to open it. `tinxa check`
// reports it as an error; the running programs skip that file (see content/README.md).
struct MediaPath {
  std::string relative;            // as written in the YAML, relative to the bundle folder
  std::filesystem::path absolute;  // resolved, inside the bundle; empty when unavailable
  std::string unavailable;         // why the file cannot be used; empty when it can
};

// A recording, probed when the bundle was loaded (info is zero when it is unavailable).
struct AudioClip {
  MediaPath path;
  AudioInfo info;

  [[nodiscard]] bool available() const noexcept { return path.unavailable.empty(); }
};

enum class ImageFormat { png, jpeg };

struct ImageFile {
  MediaPath path;
  ImageFormat format = ImageFormat::png;

  [[nodiscard]] bool available() const noexcept { return path.unavailable.empty(); }
};

}  // namespace tinxa::content
