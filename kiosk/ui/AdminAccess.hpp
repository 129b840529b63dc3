#pragma once

#include "content/time/Clock.hpp"

#include <chrono>
#include <string>
#include <string_view>

namespace tinxa::kiosk::ui {

// The admin PIN: compared in full, and after `max_tries` wrong PINs in a row nothing is accepted
// for `lock_for`. An empty PIN accepts nothing. Pure; times come from the caller's clock.
class AdminPinLock {
 public:
  enum class Result { accepted, wrong, locked };

  explicit AdminPinLock(std::string pin, int max_tries = 3,
                        std::chrono::seconds lock_for = std::chrono::seconds{60});

  [[nodiscard]] Result check(std::string_view typed, content::TimePoint now);
  [[nodiscard]] bool enabled() const noexcept { return !m_pin.empty(); }
  [[nodiscard]] bool locked(content::TimePoint now) const noexcept { return now < m_locked_until; }
  // Whole seconds left of the lock (rounded up); zero when not locked.
  [[nodiscard]] long long seconds_locked(content::TimePoint now) const noexcept;
  [[nodiscard]] int wrong_in_a_row() const noexcept { return m_wrong; }
  [[nodiscard]] std::size_t length() const noexcept { return m_pin.size(); }

 private:
  std::string m_pin;
  int m_max_tries;
  std::chrono::seconds m_lock_for;
  int m_wrong = 0;
  content::TimePoint m_locked_until{};
};

// A long press on one target (the commune's name in the top bar): press() inside starts it, any
// release, cancel or drag ends it, and advance() reports once when it has been held for `hold`.
// Time is what the caller says passed, so tests drive it without sleeping.
class LongPress {
 public:
  explicit LongPress(std::chrono::milliseconds hold = std::chrono::seconds{5}) : m_hold(hold) {}

  void press() noexcept {
    m_held = true;
    m_for = std::chrono::milliseconds{0};
  }
  void release() noexcept { m_held = false; }
  // True exactly once per press, when it reaches `hold`.
  [[nodiscard]] bool advance(std::chrono::milliseconds dt) noexcept;
  [[nodiscard]] bool held() const noexcept { return m_held; }
  // How long until advance() fires, for the loop's wake-up; meaningful while held().
  [[nodiscard]] std::chrono::milliseconds remaining() const noexcept { return m_hold - m_for; }

 private:
  std::chrono::milliseconds m_hold;
  std::chrono::milliseconds m_for{0};
  bool m_held = false;
};

}  // namespace tinxa::kiosk::ui
