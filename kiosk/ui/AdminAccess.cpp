#include "kiosk/ui/AdminAccess.hpp"

namespace tinxa::kiosk::ui {

AdminPinLock::AdminPinLock(std::string pin, int max_tries, std::chrono::seconds lock_for)
    : m_pin(std::move(pin)), m_max_tries(max_tries), m_lock_for(lock_for) {}

AdminPinLock::Result AdminPinLock::check(std::string_view typed, content::TimePoint now) {
  if (locked(now)) return Result::locked;
  // Every character is compared, whatever the first difference, so timing says nothing.
  bool same = !m_pin.empty() && typed.size() == m_pin.size();
  for (std::size_t i = 0; i < m_pin.size(); ++i) {
    const char c = i < typed.size() ? typed[i] : '\0';
    same = (c == m_pin[i]) && same;
  }
  if (same) {
    m_wrong = 0;
    return Result::accepted;
  }
  if (++m_wrong >= m_max_tries) {
    m_wrong = 0;
    m_locked_until = now + m_lock_for;
    return Result::locked;
  }
  return Result::wrong;
}

long long AdminPinLock::seconds_locked(content::TimePoint now) const noexcept {
  if (!locked(now)) return 0;
  return std::chrono::ceil<std::chrono::seconds>(m_locked_until - now).count();
}

bool LongPress::advance(std::chrono::milliseconds dt) noexcept {
  if (!m_held) return false;
  m_for += dt;
  if (m_for < m_hold) return false;
  m_held = false;
  return true;
}

}  // namespace tinxa::kiosk::ui
