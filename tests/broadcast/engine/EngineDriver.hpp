#pragma once

// Drives an Engine on the virtual clock for the engine tests, the way the simulator does, but
// keeps every zone's output in memory: frame f of each zone stands for kOrigin + f / kRate.
// `armed` (optional) is called with true/false around every render() call (allocation tests).

#include <chrono>
#include <functional>
#include <memory>
#include <span>
#include <stdexcept>
#include <vector>

#include "broadcast/audio/PulledSink.hpp"
#include "broadcast/engine/Engine.hpp"
#include "tests/broadcast/engine/EngineFixture.hpp"

namespace tinxa::broadcast::test {

class CaptureSink final : public PulledSink {
 public:
  std::vector<float> samples;  // interleaved, as rendered

 protected:
  void consume(std::span<const float> interleaved) override {
    samples.insert(samples.end(), interleaved.begin(), interleaved.end());
  }
  void open_target(const std::string& /*device*/) override {}
  void close_target() noexcept override {}
};

// Calls `hook(true)` before and `hook(false)` after each render of `inner`.
class HookedRenderer final : public Renderer {
 public:
  HookedRenderer(Renderer& inner, std::function<void(bool)> hook)
      : m_inner{inner}, m_hook{std::move(hook)} {}
  void render(std::span<float> interleaved, std::size_t channels) noexcept override {
    m_hook(true);
    m_inner.render(interleaved, channels);
    m_hook(false);
  }

 private:
  Renderer& m_inner;
  std::function<void(bool)> m_hook;
};

class EngineDriver {
 public:
  static constexpr std::chrono::milliseconds kBusyStep{20};

  EngineDriver(Engine& engine, content::VirtualClock& clock,
               std::function<void(bool)> hook = nullptr)
      : m_engine{engine}, m_clock{clock} {
    m_clock.set(kOrigin);
    for (const auto& output : engine.outputs()) {
      auto sink = std::make_unique<CaptureSink>();
      Renderer* renderer = &output->mixer();
      if (hook) {
        m_hooks.push_back(std::make_unique<HookedRenderer>(output->mixer(), hook));
        renderer = m_hooks.back().get();
      }
      sink->open({}, kRate, output->format().channels, *renderer);
      sink->set_origin(kOrigin);
      sink->start();
      output->attach(sink.get());
      m_sinks.push_back(std::move(sink));
    }
  }
  EngineDriver(const EngineDriver&) = delete;
  EngineDriver& operator=(const EngineDriver&) = delete;
  ~EngineDriver() {
    for (std::size_t i = 0; i < m_sinks.size(); ++i) {
      m_engine.outputs()[i]->attach(nullptr);
      m_sinks[i]->close();
    }
  }

  static std::int64_t frame(content::TimePoint t) {
    return std::chrono::duration_cast<std::chrono::microseconds>(t - kOrigin).count() * kRate /
           1000000;
  }

  // Decodes (or lets the decode thread top every stream up), renders every zone up to `t`, sets
  // the clock there and polls.
  void step_to(content::TimePoint t) {
    m_engine.feed();
    if (!m_engine.wait_decoded(std::chrono::seconds{30}))
      throw std::runtime_error("the decode thread did not finish a turn in 30 s");
    pull_and_poll(t);
  }

  // The same without waiting for the decode thread: what it has not queued yet is late.
  void render_to(content::TimePoint t) {
    m_engine.feed();
    pull_and_poll(t);
  }

  // Steps in kBusyStep while anything plays, stopping at every due occurrence, up to `end`.
  void run_until(content::TimePoint end) {
    m_engine.poll();
    while (m_clock.now() < end) {
      auto next = std::min(end, m_clock.now() + kBusyStep);
      if (const auto due = m_engine.next_due(); due && *due > m_clock.now())
        next = std::min(next, *due);
      step_to(next);
    }
  }

  [[nodiscard]] const std::vector<float>& audio(std::size_t zone) const {
    return m_sinks[zone]->samples;
  }

 private:
  void pull_and_poll(content::TimePoint t) {
    for (auto& sink : m_sinks)
      if (frame(t) > sink->frames_pulled()) sink->pull(frame(t) - sink->frames_pulled());
    m_clock.set(t);
    m_engine.poll();
  }

  Engine& m_engine;
  content::VirtualClock& m_clock;
  std::vector<std::unique_ptr<HookedRenderer>> m_hooks;
  std::vector<std::unique_ptr<CaptureSink>> m_sinks;
};

// Sign changes per second of `samples` in [from, to): about twice the frequency of a pure tone.
inline double crossings_per_second(const std::vector<float>& samples, std::int64_t from,
                                   std::int64_t to) {
  int count = 0;
  for (auto i = from + 1; i < to; ++i)
    if ((samples[static_cast<std::size_t>(i - 1)] < 0.0F) !=
        (samples[static_cast<std::size_t>(i)] < 0.0F))
      ++count;
  return count * static_cast<double>(kRate) / static_cast<double>(to - from);
}

}  // namespace tinxa::broadcast::test
