#pragma once

// The one wrapper over libsndfile: an audio file open for reading, owned, decoded to float.
// Threading: one SoundFile is used by one thread at a time; different files may be read in
// parallel. Errors: MediaError naming the path and libsndfile's reason.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>

struct sf_private_tag;  // libsndfile's SNDFILE

namespace tinxa::content {

class SoundFile {
 public:
  // Opens `path` and reads its header. Throws MediaError if the file is missing, unreadable, in
  // a format libsndfile does not know, or malformed enough to fail at open. Any thread.
  [[nodiscard]] static SoundFile open(const std::filesystem::path& path);

  SoundFile(SoundFile&&) noexcept = default;
  SoundFile& operator=(SoundFile&&) noexcept = default;
  ~SoundFile() = default;

  [[nodiscard]] const std::filesystem::path& path() const noexcept { return m_path; }
  [[nodiscard]] int sample_rate_hz() const noexcept { return m_sample_rate_hz; }
  [[nodiscard]] int channels() const noexcept { return m_channels; }

  // libsndfile's SF_FORMAT_* bits: container (SF_FORMAT_TYPEMASK) and encoding (SUBMASK).
  [[nodiscard]] int format() const noexcept { return m_format; }

  // The length the header declares, in frames. Exact for WAV (where libsndfile already cuts it
  // to the data actually present), FLAC and OGG; for MP3 it comes from the Xing/Info header, or
  // is an estimate from the file size without one. Decode to know for sure.
  [[nodiscard]] std::int64_t declared_frames() const noexcept { return m_declared_frames; }

  // Decodes the next frames into `interleaved` (channel samples interleaved, float in [-1, 1]),
  // as many as fit. Returns the number of frames decoded; 0 at the end of the file. Throws
  // MediaError if the decoder fails (corrupt or truncated data), std::invalid_argument if
  // `interleaved.size()` is not a multiple of channels().
  [[nodiscard]] std::size_t read(std::span<float> interleaved);

  // Whether seek() can work: libsndfile says the file is seekable (a regular file in a format
  // whose decoder seeks). Formats that decode through an MPEG decoder are reported as not
  // seekable here, because their seek is not guaranteed sample-exact.
  [[nodiscard]] bool seekable() const noexcept { return m_seekable; }

  // Moves the read position to `frame` frames from the start (clamped to declared_frames()), so
  // the next read() returns the same samples that decoding and dropping `frame` frames would.
  // Returns false, with the position unchanged, if the file is not seekable() or libsndfile
  // refuses (the caller then decodes and drops instead). Throws std::invalid_argument if `frame`
  // is negative.
  [[nodiscard]] bool seek(std::int64_t frame);

 private:
  struct Closer {
    void operator()(sf_private_tag* file) const noexcept;
  };

  SoundFile(std::unique_ptr<sf_private_tag, Closer> file, std::filesystem::path path,
            int sample_rate_hz, int channels, int format, std::int64_t declared_frames,
            bool seekable) noexcept;

  std::unique_ptr<sf_private_tag, Closer> m_file;
  std::filesystem::path m_path;
  int m_sample_rate_hz;
  int m_channels;
  int m_format;
  std::int64_t m_declared_frames;
  bool m_seekable;
  std::int64_t m_frames_read = 0;  // the read position, in frames
};

}  // namespace tinxa::content
