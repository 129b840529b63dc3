#pragma once

// The only code that runs on the audio callback: mixes the playing streams into the output
// buffer. A sink (broadcast/audio) calls render() from its callback; the control thread talks to
// it through post() and next_event(); played blocks go back through spent().
//
// Threads and roles:
//  - render(): the real-time thread only (one at a time). No allocation or free, no locks, no
//    system calls, no logging: it reads rings, reads blocks, writes the buffer.
//  - post(): one control thread (the single producer of the command ring).
//  - next_event(): one control thread (the single consumer of the event ring).
//  - spent(): its consumer is the one thread that gives blocks back to the pool.
//  - counters: any thread.
// Lifetime: constructed and destroyed on the control thread while no sink calls render().
//
// Starts wait for audio: a started stream's first sample is real audio, never silence. A start
// whose frame has come but whose queue holds no block yet (the decode thread is late) stays
// pending and begins at the start of the first render() that finds a block; `started` carries
// that frame, and the fade-in and the gain (set_gain while waiting) apply from there. Its audio is
// not shortened: it plays from its first sample, later. An item queued to start where the one
// before ends thus starts late, never early or overlapping. A stop while it waits releases it:
// at once (`stopped` now), or on the stop_at frame (`stopped` exactly there, as a relay's end),
// with nothing played (a stop_at that finds a stream run dry also reports `stopped` on its
// frame). An empty stream (only an end mark) starts and ends on the same frame. So `underrun`
// (event and counter) is only a gap inside a stream that has played.

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <span>

#include "broadcast/rt/AudioBlock.hpp"
#include "broadcast/rt/MixerCommand.hpp"
#include "broadcast/rt/MixerEvent.hpp"
#include "broadcast/rt/Renderer.hpp"
#include "broadcast/rt/SpscRing.hpp"
#include "broadcast/rt/Voice.hpp"

namespace tinxa::broadcast {

class Mixer final : public Renderer {
 public:
  static constexpr std::size_t kMaxVoices = 16;
  static constexpr std::size_t kCommandCapacity = 256;
  static constexpr std::size_t kEventCapacity = 1024;
  // The ramp used when a stream resumes after an underrun.
  static constexpr double kResumeRampSeconds = 0.005;

  // `sample_rate_hz` is the rate render() is called at (only used for the resume ramp).
  explicit Mixer(int sample_rate_hz) noexcept;

  // Control thread: queues `command` for the next render(). False if the command ring is full
  // (the real-time thread has not run for kCommandCapacity commands); nothing is queued then.
  [[nodiscard]] bool post(const MixerCommand& command) noexcept;

  // Control thread: the oldest event not yet read, if any.
  [[nodiscard]] bool next_event(MixerEvent& event) noexcept;

  // Real-time thread: applies pending commands, then fills `interleaved` (frames x `channels`,
  // float in [-1, 1]) with the sum of the playing streams, clipped to [-1, 1], and advances the
  // frame count by interleaved.size() / channels. Precondition: channels > 0 and the size is a
  // multiple of it. A block with fewer channels than the output is mapped by channel modulo (mono
  // goes to every channel).
  void render(std::span<float> interleaved, std::size_t channels) noexcept override;

  // Played blocks, for BlockPool::reclaim(). Producer: render().
  [[nodiscard]] SpentRing& spent() noexcept { return m_spent; }

  // Output frames rendered since construction: the time base of commands and events.
  [[nodiscard]] std::int64_t frames_rendered() const noexcept {
    return m_frames_rendered.load(std::memory_order_acquire);
  }
  // Callbacks in which some playing stream ran out of blocks (each such callback counts once per
  // stream). A stream waiting for its first block is not counted.
  [[nodiscard]] std::uint64_t underruns() const noexcept {
    return m_underruns.load(std::memory_order_relaxed);
  }
  // Events lost because the control thread left the event ring full.
  [[nodiscard]] std::uint64_t dropped_events() const noexcept {
    return m_dropped_events.load(std::memory_order_relaxed);
  }

 private:
  void apply(const MixerCommand& command) noexcept;
  void emit(MixerEvent::Kind kind, StreamId stream, std::int64_t frame) noexcept;
  Voice* find(StreamId stream) noexcept;

  std::uint32_t m_resume_ramp_frames;
  std::int64_t m_frame = 0;  // real-time thread's own copy of the frame count
  std::array<Voice, kMaxVoices> m_voices{};
  SpscRing<MixerCommand, kCommandCapacity> m_commands;
  SpscRing<MixerEvent, kEventCapacity> m_events;
  SpentRing m_spent;
  std::atomic<std::int64_t> m_frames_rendered{0};
  std::atomic<std::uint64_t> m_underruns{0};
  std::atomic<std::uint64_t> m_dropped_events{0};
};

}  // namespace tinxa::broadcast
