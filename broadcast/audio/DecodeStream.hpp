#pragma once

// One audio file decoded for one output device: libsndfile decode (content::SoundFile), channel
// mapping, libsamplerate to the device rate, a fixed gain, cut into the device's blocks.
// Memory is fixed at construction (a few chunks of kChunkFrames) whatever the file's length.
//
// Threading: one thread at a time (the decode thread). Errors: the constructor and fill() throw
// content::MediaError for a file that cannot be opened or decoded, AudioError from the resampler.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <vector>

#include "broadcast/audio/Resampler.hpp"
#include "broadcast/rt/AudioBlock.hpp"
#include "content/media/SoundFile.hpp"

namespace tinxa::broadcast {

// The device side of a decode: what every block must hold.
struct DeviceFormat {
  int sample_rate_hz = 48000;
  std::size_t channels = 2;
};

class DecodeStream {
 public:
  // Input frames decoded per libsndfile read.
  static constexpr std::size_t kChunkFrames = 4096;

  // Opens `path` for `device`. `gain` is linear (from normalisation_gain_db). Channels: a file
  // with fewer channels than the device is spread by channel modulo (mono to all); one with more
  // keeps its first ones (a mono device gets the average of the file's channels).
  DecodeStream(const std::filesystem::path& path, DeviceFormat device, float gain,
               Resampler::Quality quality = Resampler::kDefaultQuality);
  // The same for a file already opened (and not read from yet), e.g. probed on another thread.
  DecodeStream(content::SoundFile file, DeviceFormat device, float gain,
               Resampler::Quality quality = Resampler::kDefaultQuality);

  // Before the first fill(): starts the decode `device_frames` frames (at the device rate) into
  // the file. Where the file is seekable (content::SoundFile::seek) it seeks, so a resume late in
  // a long file costs no decoding; otherwise it decodes and drops what comes before. Both land on
  // the same file frame and the resampler starts afresh there, so the samples that follow are
  // identical either way. Past the end: the stream is simply at its end. `allow_seek` false
  // forces decoding and dropping (tests compare the two). Throws as fill().
  void skip(std::int64_t device_frames, bool allow_seek = true);

  // Fills `block` (whose channels must equal the device's) with the next frames: all of its
  // capacity, except for the last block, which is marked end_of_stream (and may hold 0 frames).
  // Returns false once the end has been delivered. Sets block.stream to nothing: the caller does.
  bool fill(AudioBlock& block);

  [[nodiscard]] bool finished() const noexcept { return m_finished && m_out_pos == m_out.size(); }
  // Output frames delivered so far, at the device rate.
  [[nodiscard]] std::int64_t frames_delivered() const noexcept { return m_delivered; }
  [[nodiscard]] const content::SoundFile& file() const noexcept { return m_file; }

 private:
  // Refills m_out with the next output frames (at the device rate, m_work_channels channels).
  void produce();
  // Reads the next chunk into m_work; returns the frames read (0 at the end).
  std::size_t read_chunk();

  content::SoundFile m_file;
  DeviceFormat m_device;
  float m_gain;
  std::size_t m_file_channels;
  std::size_t m_work_channels;  // channels carried through the resampler: min(file, device)
  std::optional<Resampler> m_resampler;
  std::vector<float> m_decoded;    // kChunkFrames x file channels
  std::vector<float> m_work;       // kChunkFrames x work channels (folded), resampler input
  std::vector<float> m_resampled;  // resampler output
  std::size_t m_in_pos = 0;        // frames of m_work already given to the resampler
  std::size_t m_in_count = 0;      // frames in m_work
  bool m_input_ended = false;
  bool m_finished = false;
  std::span<const float> m_out;  // output frames ready, m_work_channels wide
  std::size_t m_out_pos = 0;     // in samples
  std::int64_t m_delivered = 0;
};

}  // namespace tinxa::broadcast
