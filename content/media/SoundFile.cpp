#include "content/media/SoundFile.hpp"

#include <algorithm>
#include <filesystem>
#include <mutex>
#include <stdexcept>
#include <string>
#include <system_error>
#include <utility>

#include <fmt/core.h>
#include <sndfile.h>

#include "content/media/MediaError.hpp"

namespace tinxa::content {
namespace {

// sf_open reports failure through one process-wide error slot (sf_strerror(nullptr)) and calls
// mpg123_init, which is not thread-safe; opens are serialised so that the reason read belongs to
// this open.
std::mutex g_open_mutex;

}  // namespace

void SoundFile::Closer::operator()(sf_private_tag* file) const noexcept { sf_close(file); }

SoundFile::SoundFile(std::unique_ptr<sf_private_tag, Closer> file, std::filesystem::path path,
                     int sample_rate_hz, int channels, int format, std::int64_t declared_frames,
                     bool seekable) noexcept
    : m_file{std::move(file)},
      m_path{std::move(path)},
      m_sample_rate_hz{sample_rate_hz},
      m_channels{channels},
      m_format{format},
      m_declared_frames{declared_frames},
      m_seekable{seekable} {}

SoundFile SoundFile::open(const std::filesystem::path& path) {
  SF_INFO info{};
  std::unique_ptr<sf_private_tag, Closer> file;
  {
    const std::lock_guard lock{g_open_mutex};
    file.reset(sf_open(path.c_str(), SFM_READ, &info));
    if (!file) {
      std::string reason = sf_strerror(nullptr);
      // libsndfile 1.2 gives this reason for some files it opened but could not parse (a text
      // file starting with "ID3", a damaged MP3); when the file is there, say what is true.
      std::error_code ec;
      if (reason.rfind("File does not exist", 0) == 0 && std::filesystem::is_regular_file(path, ec))
        reason = "the contents are not a recognised audio format, or the file is damaged";
      throw MediaError("cannot open audio file", path, reason);
    }
  }
  if (info.samplerate <= 0 || info.channels <= 0) {
    throw MediaError(
        "cannot open audio file", path,
        fmt::format("the header declares {} Hz and {} channels", info.samplerate, info.channels));
  }
  const int encoding = info.format & SF_FORMAT_SUBMASK;
  const bool mpeg = (info.format & SF_FORMAT_TYPEMASK) == SF_FORMAT_MPEG ||
                    encoding == SF_FORMAT_MPEG_LAYER_I || encoding == SF_FORMAT_MPEG_LAYER_II ||
                    encoding == SF_FORMAT_MPEG_LAYER_III;
  return {std::move(file),
          path,
          info.samplerate,
          info.channels,
          info.format,
          info.frames,
          info.seekable != 0 && !mpeg};
}

std::size_t SoundFile::read(std::span<float> interleaved) {
  const auto channels = static_cast<std::size_t>(m_channels);
  if (interleaved.size() % channels != 0) {
    throw std::invalid_argument(
        fmt::format("read: a buffer of {} samples does not hold whole frames of {} channels",
                    interleaved.size(), channels));
  }
  const auto wanted = static_cast<sf_count_t>(interleaved.size() / channels);
  const auto frames = sf_readf_float(m_file.get(), interleaved.data(), wanted);
  if (sf_error(m_file.get()) != SF_ERR_NO_ERROR) {
    const auto seconds = static_cast<double>(m_frames_read) / m_sample_rate_hz;
    throw MediaError(fmt::format("cannot decode audio after {:.3f} s", seconds), m_path,
                     sf_strerror(m_file.get()));
  }
  m_frames_read += frames;
  return static_cast<std::size_t>(frames);
}

bool SoundFile::seek(std::int64_t frame) {
  if (frame < 0) throw std::invalid_argument(fmt::format("seek: frame {} is negative", frame));
  if (!m_seekable) return false;
  const std::int64_t target = std::min(frame, std::max<std::int64_t>(m_declared_frames, 0));
  if (sf_seek(m_file.get(), sf_count_t{target}, SEEK_SET) != target) {
    // A failed seek may have moved the position: put it back where the caller believes it is.
    if (sf_seek(m_file.get(), sf_count_t{m_frames_read}, SEEK_SET) != m_frames_read)
      throw MediaError(fmt::format("cannot seek back to frame {}", m_frames_read), m_path,
                       sf_strerror(m_file.get()));
    return false;
  }
  m_frames_read = target;
  return true;
}

}  // namespace tinxa::content
