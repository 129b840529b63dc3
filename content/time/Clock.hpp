#pragma once

// The one source of "now" for business logic. Production passes a SystemClock; tests and
// `--simulate` pass a VirtualClock, so a year of schedule runs in seconds and no test sleeps.

#include <atomic>
#include <chrono>

namespace tinxa::content {

// An instant, UTC-based (std::chrono::system_clock: Unix time, leap seconds not counted).
using TimePoint = std::chrono::system_clock::time_point;

// Interface. Implementations are owned by the composition root and passed down by reference;
// now() may be called from any thread.
class Clock {
 public:
  Clock() = default;
  Clock(const Clock&) = delete;
  Clock& operator=(const Clock&) = delete;
  virtual ~Clock();

  // The current instant. Never throws; any thread.
  [[nodiscard]] virtual TimePoint now() const noexcept = 0;
};

// The operating system's wall clock (std::chrono::system_clock). It may jump when NTP or an
// operator sets the time; code that needs intervals should not subtract two now() results.
class SystemClock final : public Clock {
 public:
  [[nodiscard]] TimePoint now() const noexcept override;
};

// A clock that moves only when told to. now() is lock-free and safe to call from any thread while
// another thread calls set() or advance().
class VirtualClock final : public Clock {
 public:
  explicit VirtualClock(TimePoint start) noexcept;

  [[nodiscard]] TimePoint now() const noexcept override;

  // Jumps to `instant`, forwards or backwards. Any thread.
  void set(TimePoint instant) noexcept;

  // Moves by `step` (negative steps move backwards). Any thread; concurrent advances add up.
  void advance(TimePoint::duration step) noexcept;

 private:
  std::atomic<TimePoint::rep> m_ticks;
};

}  // namespace tinxa::content
