#include "content/time/Clock.hpp"

namespace tinxa::content {

Clock::~Clock() = default;

TimePoint SystemClock::now() const noexcept { return std::chrono::system_clock::now(); }

VirtualClock::VirtualClock(TimePoint start) noexcept : m_ticks{start.time_since_epoch().count()} {}

TimePoint VirtualClock::now() const noexcept {
  return TimePoint{TimePoint::duration{m_ticks.load(std::memory_order_acquire)}};
}

void VirtualClock::set(TimePoint instant) noexcept {
  m_ticks.store(instant.time_since_epoch().count(), std::memory_order_release);
}

void VirtualClock::advance(TimePoint::duration step) noexcept {
  m_ticks.fetch_add(step.count(), std::memory_order_acq_rel);
}

}  // namespace tinxa::content
