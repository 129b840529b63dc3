#include "content/media/AudioProbe.hpp"

#include <string>
#include <vector>

#include <sndfile.h>

#include "content/media/MediaError.hpp"
#include "content/media/SoundFile.hpp"

namespace tinxa::content {
namespace {

constexpr std::size_t kChunkFrames = 4096;

std::string library_name(int major) {
  SF_FORMAT_INFO info{};
  info.format = major;
  if (sf_command(nullptr, SFC_GET_FORMAT_INFO, &info, sizeof info) != 0 || info.name == nullptr) {
    return "unknown";
  }
  return info.name;
}

std::string format_name(int format) {
  const int major = format & SF_FORMAT_TYPEMASK;
  const int encoding = format & SF_FORMAT_SUBMASK;
  switch (major) {
    case SF_FORMAT_WAV:
    case SF_FORMAT_WAVEX:
      return "WAV";
    case SF_FORMAT_FLAC:
      return "FLAC";
    case SF_FORMAT_OGG:
      if (encoding == SF_FORMAT_VORBIS) {
        return "OGG Vorbis";
      }
      if (encoding == SF_FORMAT_OPUS) {
        return "OGG Opus";
      }
      return "OGG";
    case SF_FORMAT_MPEG:
      if (encoding == SF_FORMAT_MPEG_LAYER_III) {
        return "MP3";
      }
      if (encoding == SF_FORMAT_MPEG_LAYER_II) {
        return "MP2";
      }
      if (encoding == SF_FORMAT_MPEG_LAYER_I) {
        return "MP1";
      }
      return "MPEG";
    default:
      return library_name(major);
  }
}

}  // namespace

AudioInfo probe_audio(const std::filesystem::path& path) {
  auto file = SoundFile::open(path);
  std::vector<float> buffer(kChunkFrames * static_cast<std::size_t>(file.channels()));
  std::int64_t frames = 0;
  while (const auto decoded = file.read(buffer)) {
    frames += static_cast<std::int64_t>(decoded);
  }
  if (frames == 0) {
    throw MediaError("no audio", path, "the file holds no audio (0 frames)");
  }
  const std::int64_t rate = file.sample_rate_hz();
  return {
      .format = format_name(file.format()),
      .sample_rate_hz = file.sample_rate_hz(),
      .channels = file.channels(),
      .frames = frames,
      .duration = std::chrono::milliseconds{(frames * 1000 + rate / 2) / rate},
  };
}

}  // namespace tinxa::content
