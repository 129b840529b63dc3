#include "content/media/SoundFile.hpp"

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
                     int sample_rate_hz, int channels, int format,
                     std::int64_t declared_frames) noexcept
    : m_file{std::move(file)},
      m_path{std::move(path)},
      m_sample_rate_hz{sample_rate_hz},
      m_channels{channels},
      m_format{format},
      m_declared_frames{declared_frames} {}

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
  return {std::move(file), path, info.samplerate, info.channels, info.format, info.frames};
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

}  // namespace tinxa::content
