#pragma once

#include "kiosk/ui/Screen.hpp"

#include <cstddef>
#include <memory>
#include <vector>

namespace tinxa::kiosk::ui {

// The screens a resident has walked through, home at the bottom. Owns its screens. Only the top
// one receives input, updates and renders; the ones below keep their state (the scroll position
// of a list survives opening a page from it). UI thread only. A screen must not change the stack
// from inside its own input(): KioskUi defers navigation until input() has returned.
class ScreenStack {
 public:
  // Precondition for every call but push() and size(): the stack is not empty.
  void push(std::unique_ptr<Screen> screen);
  // Removes the top screen; the bottom (home) screen is never removed. Returns false then.
  bool pop();
  // Replaces the top screen (or pushes onto an empty stack).
  void replace(std::unique_ptr<Screen> screen);
  // Removes every screen above the bottom one.
  void pop_to_root();

  [[nodiscard]] Screen& top();
  [[nodiscard]] const Screen& top() const;
  [[nodiscard]] std::size_t size() const noexcept { return m_screens.size(); }
  [[nodiscard]] bool empty() const noexcept { return m_screens.empty(); }

  // Offers `action` to the top screen only.
  [[nodiscard]] bool input(const Action& action);

 private:
  std::vector<std::unique_ptr<Screen>> m_screens;
};

}  // namespace tinxa::kiosk::ui
