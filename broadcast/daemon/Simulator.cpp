#include "broadcast/daemon/Simulator.hpp"

#include <algorithm>
#include <cmath>

#include "broadcast/audio/NullSink.hpp"
#include "broadcast/audio/WavFileSink.hpp"

namespace tinxa::broadcast {

namespace {

constexpr std::chrono::milliseconds kBusyStep{20};

}  // namespace

Simulator::Simulator(Engine& engine, content::VirtualClock& clock, content::TimePoint origin,
                     const WavPath& wav_path)
    : m_engine{engine}, m_clock{clock}, m_origin{origin}, m_rate{0} {
  m_clock.set(origin);
  for (const auto& output : engine.outputs()) {
    const auto path = wav_path(output->zone());
    std::unique_ptr<PulledSink> sink;
    if (path) {
      if (path->has_parent_path()) std::filesystem::create_directories(path->parent_path());
      sink = std::make_unique<WavFileSink>();
    } else {
      sink = std::make_unique<NullSink>();
    }
    const auto format = output->format();
    m_rate = format.sample_rate_hz;
    sink->open(path ? path->string() : std::string{}, format.sample_rate_hz, format.channels,
               output->mixer());
    sink->set_origin(origin);
    sink->start();
    output->attach(sink.get());
    m_sinks.push_back(std::move(sink));
  }
}

Simulator::~Simulator() {
  const auto& outputs = m_engine.outputs();
  for (std::size_t i = 0; i < m_sinks.size(); ++i) {
    outputs[i]->attach(nullptr);
    m_sinks[i]->close();
  }
}

std::int64_t Simulator::frames_rendered() const noexcept {
  return m_sinks.empty() ? 0 : m_sinks.front()->frames_pulled();
}

void Simulator::step_to(content::TimePoint instant) {
  m_engine.feed();
  const auto seconds = std::chrono::duration<double>(instant - m_origin).count();
  const auto target = static_cast<std::int64_t>(std::llround(seconds * m_rate));
  for (auto& sink : m_sinks)
    if (target > sink->frames_pulled()) sink->pull(target - sink->frames_pulled());
  m_clock.set(instant);
  m_engine.poll();
}

void Simulator::run_until(content::TimePoint end) {
  m_engine.poll();
  while (m_clock.now() < end) {
    const auto now = m_clock.now();
    auto next = end;
    if (const auto due = m_engine.next_due(); due && *due > now) next = std::min(next, *due);
    if (m_engine.busy()) next = std::min(next, now + kBusyStep);
    step_to(next);
  }
}

bool Simulator::drain(content::TimePoint limit) {
  while (m_engine.busy() && m_clock.now() < limit)
    step_to(std::min(limit, m_clock.now() + kBusyStep));
  return !m_engine.busy();
}

}  // namespace tinxa::broadcast
