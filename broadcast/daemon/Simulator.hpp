#pragma once

// Drives an Engine on a VirtualClock as fast as the CPU goes (`tinxa-broadcastd --simulate`, and
// the tests): moves the clock to the next thing that matters (an occurrence due, or the next
// 20 ms while anything plays), decodes what the streams need, and pulls each zone's mixer through
// a pulled sink up to exactly the frame of the new instant. Frame f of every zone's sink stands
// for origin + f / rate, so an item scheduled at T starts at frame (T - origin) * rate.
// Threading: one thread (the caller's); nothing runs behind its back.

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "broadcast/audio/PulledSink.hpp"
#include "broadcast/engine/Engine.hpp"
#include "content/time/Clock.hpp"

namespace tinxa::broadcast {

class Simulator {
 public:
  // Where a zone's audio goes: a WAV file path, or nullopt for a NullSink.
  using WavPath = std::function<std::optional<std::filesystem::path>(const Zone&)>;

  // Sets the clock to `origin`, opens and starts one sink per zone of `engine` and attaches it.
  // Throws AudioError if a WAV file cannot be created. `engine` and `clock` must outlive this.
  Simulator(Engine& engine, content::VirtualClock& clock, content::TimePoint origin,
            const WavPath& wav_path);
  Simulator(const Simulator&) = delete;
  Simulator& operator=(const Simulator&) = delete;
  // Detaches and closes the sinks (finishing the WAV headers).
  ~Simulator();

  // Runs until the clock reads `end`. Precondition: end >= clock.now().
  void run_until(content::TimePoint end);

  // Runs until nothing plays or waits any more, or the clock reads `limit`. True if idle.
  bool drain(content::TimePoint limit);

  [[nodiscard]] std::int64_t frames_rendered() const noexcept;

 private:
  void step_to(content::TimePoint instant);

  Engine& m_engine;
  content::VirtualClock& m_clock;
  content::TimePoint m_origin;
  int m_rate;
  std::vector<std::unique_ptr<PulledSink>> m_sinks;  // one per engine output, in the same order
};

}  // namespace tinxa::broadcast
