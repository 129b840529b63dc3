#pragma once

// Where live audio comes from: a microphone or a line input (LiveInput, through PortAudio), or,
// for the simulator and the tests, a generator (ToneSource) that runs on the virtual clock. The
// engine reads it on its own thread and hands what it read to each zone's mixer as blocks
// (LiveStream); nothing here runs on an output callback.
//
// Threading: every member is called by the engine's thread only (an implementation may fill its
// buffer from another thread, as LiveInput's capture callback does). Rate: a source delivers
// frames at the rate it was opened with, which the engine asks to be its own output rate.

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>

namespace tinxa::broadcast {

class LiveSource {
 public:
  LiveSource() = default;
  LiveSource(const LiveSource&) = delete;
  LiveSource& operator=(const LiveSource&) = delete;
  virtual ~LiveSource() = default;

  // Interleaved channels of what read() delivers (at least 1).
  [[nodiscard]] virtual std::size_t channels() const noexcept = 0;

  // Copies up to out.size() / channels() frames of captured audio into `out` and returns how
  // many; 0 when nothing is ready. Never blocks and never throws.
  virtual std::size_t read(std::span<float> out) noexcept = 0;

  // Drops whatever was captured and not read yet (before going on air again after a
  // preemption, so the zone does not hear stale audio). Never throws.
  virtual void discard() noexcept = 0;

  // A fault found since the last call (the input device was lost), once. Never throws except
  // std::bad_alloc.
  [[nodiscard]] virtual std::optional<std::string> poll_fault() { return std::nullopt; }
};

// Opens the live source named `device` (an input device name, or whatever the factory
// understands) delivering frames at `sample_rate_hz`. Throws AudioError if it cannot be opened.
using LiveSourceFactory =
    std::function<std::unique_ptr<LiveSource>(const std::string& device, int sample_rate_hz)>;

}  // namespace tinxa::broadcast
