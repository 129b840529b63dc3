#pragma once

// Where a mixer's output goes: one output device (PortAudioSink), a WAV file (WavFileSink: off-air
// recording, --simulate) or nowhere (NullSink). One small interface, one file per backend.
//
// Contract common to every backend:
//  - open(), start(), stop(), close(), timing(), poll_fault() are called by one control thread.
//  - Between start() and stop() the sink calls renderer.render() on ITS real-time thread (paced
//    by the device), or, for pulled sinks, on the thread that calls pull().
//  - After stop() returns, render() is not running and will not be called again until start().
//  - A failed open() leaves the sink closed; a failed start() leaves it open and stopped.
//  - Frames: a sink counts the frames it has rendered since it was constructed, across close()
//    and open(), so a sink that feeds one Mixer for its whole life keeps the same count as
//    Mixer::frames_rendered(); timing() and MixerEvent frames then share one time base, also
//    after the engine reopens a lost device. Give each Mixer exactly one sink.

#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "broadcast/rt/Renderer.hpp"
#include "content/time/Clock.hpp"

namespace tinxa::broadcast {

// Maps the renderer's frame count to the wall clock: output frame `frame` reaches the DAC at
// `dac_time`. The engine schedules a start at instant T on frame frame_at(T).
struct DacTiming {
  std::int64_t frame = 0;
  content::TimePoint dac_time{};
  int sample_rate_hz = 0;  // 0: no callback has run yet, the mapping is not known

  [[nodiscard]] bool known() const noexcept { return sample_rate_hz > 0; }
  [[nodiscard]] std::int64_t frame_at(content::TimePoint instant) const noexcept {
    const auto ahead = std::chrono::duration<double>(instant - dac_time).count();
    return frame + static_cast<std::int64_t>(std::llround(ahead * sample_rate_hz));
  }
};

// Why a running sink stopped producing sound on its own.
struct SinkFault {
  enum class Kind : std::uint8_t { device_lost, write_failed };
  Kind kind = Kind::device_lost;
  std::string message;  // the device or file and the library's reason
};

class AudioSink {
 public:
  AudioSink() = default;
  AudioSink(const AudioSink&) = delete;
  AudioSink& operator=(const AudioSink&) = delete;
  virtual ~AudioSink() = default;

  // Opens `device` (a name from list_output_devices() for PortAudio, a file path for WavFileSink,
  // ignored by NullSink) at `sample_rate_hz` with `channels` interleaved float channels, to be fed
  // by `renderer`, which must outlive the sink's open period. Throws AudioError (device unknown,
  // busy, format refused; file not writable), std::logic_error if already open.
  virtual void open(const std::string& device, int sample_rate_hz, std::size_t channels,
                    Renderer& renderer) = 0;

  // Begins rendering. Throws AudioError if the device refuses, std::logic_error if not open.
  virtual void start() = 0;

  // Stops rendering and waits for the last render() call to return. Never throws; a no-op when
  // not started.
  virtual void stop() noexcept = 0;

  // Stops if needed and releases the device or finishes the file. Never throws (a failure to
  // finish a file is reported by poll_fault()). The sink may be opened again after.
  virtual void close() noexcept = 0;

  // The latest frame-to-DAC mapping (any thread; lock-free for PortAudioSink).
  [[nodiscard]] virtual DacTiming timing() const noexcept = 0;

  // A fault found since the last call, once: the engine logs it, closes the sink and reopens it
  // later (device_retry). Control thread; never throws except std::bad_alloc.
  [[nodiscard]] virtual std::optional<SinkFault> poll_fault() = 0;
};

}  // namespace tinxa::broadcast
