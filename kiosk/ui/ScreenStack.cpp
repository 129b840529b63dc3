#include "kiosk/ui/ScreenStack.hpp"

#include <cassert>

namespace tinxa::kiosk::ui {

void ScreenStack::push(std::unique_ptr<Screen> screen) {
  assert(screen);
  m_screens.push_back(std::move(screen));
}

bool ScreenStack::pop() {
  if (m_screens.size() <= 1) return false;
  m_screens.pop_back();
  return true;
}

void ScreenStack::replace(std::unique_ptr<Screen> screen) {
  assert(screen);
  if (m_screens.empty()) {
    m_screens.push_back(std::move(screen));
  } else {
    m_screens.back() = std::move(screen);
  }
}

void ScreenStack::pop_to_root() {
  if (m_screens.size() > 1) m_screens.resize(1);
}

Screen& ScreenStack::top() {
  assert(!m_screens.empty());
  return *m_screens.back();
}

const Screen& ScreenStack::top() const {
  assert(!m_screens.empty());
  return *m_screens.back();
}

bool ScreenStack::input(const Action& action) { return !m_screens.empty() && top().input(action); }

}  // namespace tinxa::kiosk::ui
