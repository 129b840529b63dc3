#pragma once

#include "content/media/AudioInfo.hpp"

#include <filesystem>
#include <string>

namespace tinxa::content {

// A file inside the bundle: the path as the editor wrote it, and where it is on disk.
struct MediaPath {
  std::string relative;            // as written in the YAML, relative to the bundle folder
  std::filesystem::path absolute;  // resolved; guaranteed to be inside the bundle when loaded
};

// A recording, probed when the bundle was loaded.
struct AudioClip {
  MediaPath path;
  AudioInfo info;
};

enum class ImageFormat { png, jpeg };

struct ImageFile {
  MediaPath path;
  ImageFormat format = ImageFormat::png;
};

}  // namespace tinxa::content
