#pragma once

// Writing audio files with libsndfile (the other half of SoundFile's wrapper): narrations, off-air
// recordings, simulated zone output. One writer per file, one thread at a time.

#include <cstddef>
#include <filesystem>
#include <memory>
#include <span>

struct sf_private_tag;  // libsndfile's SNDFILE

namespace tinxa::content {

enum class AudioFileFormat {
  wav_pcm16,   // WAV, 16-bit PCM: exact, large
  flac16,      // FLAC, 16-bit: exact, about half the size
  ogg_vorbis,  // OGG Vorbis: speech at a tenth of WAV's size
};

class SoundFileWriter {
 public:
  // Creates (or replaces) `path`. `vorbis_quality` in [0, 1] applies to OGG Vorbis only. Throws
  // MediaError naming the path and libsndfile's reason.
  [[nodiscard]] static SoundFileWriter create(const std::filesystem::path& path,
                                              AudioFileFormat format, int sample_rate_hz,
                                              int channels, double vorbis_quality = 0.4);
  SoundFileWriter(SoundFileWriter&&) noexcept = default;
  SoundFileWriter& operator=(SoundFileWriter&&) noexcept = default;
  ~SoundFileWriter() = default;  // closes without reporting; call close() to know it worked

  // Appends interleaved float frames in [-1, 1]. Throws MediaError if the write fails,
  // std::invalid_argument if the size is not a multiple of the channel count.
  void write(std::span<const float> interleaved);

  // Finishes the file (headers, final Vorbis packets). Throws MediaError if that fails.
  void close();

 private:
  struct Closer {
    void operator()(sf_private_tag* file) const noexcept;
  };
  SoundFileWriter(std::unique_ptr<sf_private_tag, Closer> file, std::filesystem::path path,
                  int channels) noexcept;

  std::unique_ptr<sf_private_tag, Closer> m_file;
  std::filesystem::path m_path;
  int m_channels;
};

}  // namespace tinxa::content
