#include "content/media/SoundFileWriter.hpp"

#include <sndfile.h>

#include <stdexcept>
#include <string>

#include "content/media/MediaError.hpp"

namespace tinxa::content {

void SoundFileWriter::Closer::operator()(sf_private_tag* file) const noexcept { sf_close(file); }

SoundFileWriter::SoundFileWriter(std::unique_ptr<sf_private_tag, Closer> file,
                                 std::filesystem::path path, int channels) noexcept
    : m_file(std::move(file)), m_path(std::move(path)), m_channels(channels) {}

SoundFileWriter SoundFileWriter::create(const std::filesystem::path& path, AudioFileFormat format,
                                        int sample_rate_hz, int channels, double vorbis_quality) {
  SF_INFO info{};
  info.samplerate = sample_rate_hz;
  info.channels = channels;
  switch (format) {
    case AudioFileFormat::wav_pcm16:
      info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
      break;
    case AudioFileFormat::flac16:
      info.format = SF_FORMAT_FLAC | SF_FORMAT_PCM_16;
      break;
    case AudioFileFormat::ogg_vorbis:
      info.format = SF_FORMAT_OGG | SF_FORMAT_VORBIS;
      break;
  }
  std::unique_ptr<sf_private_tag, Closer> file(sf_open(path.c_str(), SFM_WRITE, &info));
  if (!file) throw MediaError("cannot create audio file", path, sf_strerror(nullptr));
  if (format == AudioFileFormat::ogg_vorbis) {
    double quality = vorbis_quality;
    sf_command(file.get(), SFC_SET_VBR_ENCODING_QUALITY, &quality, sizeof(quality));
  }
  // Float input beyond [-1, 1] is clipped rather than wrapped around.
  sf_command(file.get(), SFC_SET_CLIPPING, nullptr, SF_TRUE);
  return SoundFileWriter(std::move(file), path, channels);
}

void SoundFileWriter::write(std::span<const float> interleaved) {
  if (interleaved.size() % static_cast<std::size_t>(m_channels) != 0)
    throw std::invalid_argument("SoundFileWriter::write: not a whole number of frames");
  const auto frames =
      static_cast<sf_count_t>(interleaved.size() / static_cast<std::size_t>(m_channels));
  if (sf_writef_float(m_file.get(), interleaved.data(), frames) != frames)
    throw MediaError("cannot write audio", m_path, sf_strerror(m_file.get()));
}

void SoundFileWriter::close() {
  if (!m_file) return;
  const int result = sf_close(m_file.release());
  if (result != 0) throw MediaError("cannot finish audio file", m_path, sf_error_number(result));
}

}  // namespace tinxa::content
