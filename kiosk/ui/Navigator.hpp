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
};

}  // namespace tinxa::kiosk::ui
