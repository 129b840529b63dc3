#pragma once

#include <string>

namespace tinxa::kiosk::ui {

// What a screen may ask of the kiosk. Requests are queued and carried out after the current
// input() returns, so a screen may ask to be replaced from its own handler. UI thread only.
class Navigator {
 public:
  Navigator() = default;
  Navigator(const Navigator&) = delete;
  Navigator& operator=(const Navigator&) = delete;
  virtual ~Navigator() = default;

  virtual void open_category(const std::string& category_id) = 0;
  virtual void open_page(const std::string& page_id) = 0;
  virtual void open_search() = 0;
  virtual void go_home() = 0;
  virtual void go_back() = 0;
  virtual void toggle_large_text() = 0;
  virtual void toggle_high_contrast() = 0;
  // The self-check wizard (issue 5), where the kiosk has one; otherwise nothing happens.
  virtual void open_self_check() {}
  // A resident reached the self-check's result: counted anonymously (never the answers).
  virtual void self_check_completed() {}
  // Today's loudspeaker announcements to hear again; otherwise nothing happens.
  virtual void open_hear_again() {}
  // Shows the content in `language` ("vi", "en", ...) where it has it, until the session ends.
  virtual void choose_language(const std::string& language) { (void)language; }
};

// A screen with steps of its own (the self-check wizard): Back, from the bar or a key, first goes
// to its previous step and leaves the screen only when step_back() returns false.
class StepsBack {
 public:
  StepsBack() = default;
  StepsBack(const StepsBack&) = delete;
  StepsBack& operator=(const StepsBack&) = delete;
  virtual ~StepsBack() = default;
  // Goes one step back; false when already at the first step.
  virtual bool step_back() = 0;
};

}  // namespace tinxa::kiosk::ui
