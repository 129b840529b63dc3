#pragma once

// A sink with no clock of its own: audio is rendered when pull() asks, on the caller's thread, as
// fast as asked. Base of WavFileSink and NullSink; --simulate pulls as far as its virtual clock
// has moved, the benchmark as fast as the CPU goes.

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "broadcast/audio/AudioSink.hpp"

namespace tinxa::broadcast {

class PulledSink : public AudioSink {
 public:
  // Frames rendered per render() call in pull(): a typical device period.
  static constexpr std::size_t kPeriodFrames = 1024;

  void open(const std::string& device, int sample_rate_hz, std::size_t channels,
            Renderer& renderer) override;
  void start() override;
  void stop() noexcept override;
  void close() noexcept override;
  // frame <-> time as if frame 0 played at the instant start() was first called with, see
  // set_origin(); a pulled sink has no DAC.
  [[nodiscard]] DacTiming timing() const noexcept override;
  [[nodiscard]] std::optional<SinkFault> poll_fault() override;

  // The instant frame 0 stands for (--simulate sets its virtual start). Control thread.
  void set_origin(content::TimePoint origin) noexcept { m_origin = origin; }

  // Renders `frames` more frames in periods of kPeriodFrames and hands each to consume(). Throws
  // std::logic_error if not started; what consume() throws (AudioError for a failed write).
  void pull(std::int64_t frames);

  [[nodiscard]] std::int64_t frames_pulled() const noexcept { return m_frames; }

 protected:
  // The rendered period, frames x channels; the base does nothing with it.
  virtual void consume(std::span<const float> interleaved) = 0;
  // Called by open() after the base is set up, and by close() before it is torn down.
  virtual void open_target(const std::string& device) = 0;
  virtual void close_target() noexcept = 0;
  void report(SinkFault fault) { m_fault = std::move(fault); }

  [[nodiscard]] int sample_rate_hz() const noexcept { return m_sample_rate_hz; }
  [[nodiscard]] std::size_t channels() const noexcept { return m_channels; }

 private:
  Renderer* m_renderer = nullptr;
  int m_sample_rate_hz = 0;
  std::size_t m_channels = 0;
  bool m_started = false;
  std::int64_t m_frames = 0;
  content::TimePoint m_origin{};
  std::vector<float> m_buffer;
  std::optional<SinkFault> m_fault;
};

}  // namespace tinxa::broadcast
