#pragma once

#include "kiosk/ui/AdminAccess.hpp"
#include "kiosk/ui/Button.hpp"
#include "kiosk/ui/Screen.hpp"
#include "kiosk/ui/Theme.hpp"

#include <functional>
#include <string>
#include <vector>

namespace tinxa::kiosk::ui {

// What the admin panel shows, gathered by the application when the panel opens.
struct AdminInfo {
  std::string bundle;                 // id and version of the content shown
  std::string loaded_at;              // when it was loaded, local time
  std::string last_attempt;           // the last update attempt: when and how it went
  std::vector<std::string> messages;  // the loader's messages for it, file:line:column
  std::vector<std::string> usage;     // a few lines of usage counts
};

// What the admin panel's buttons do, supplied by the application. Any may be empty.
struct AdminHooks {
  std::function<AdminInfo()> info;
  std::function<void()> reload;  // load the content folder again now
  std::function<void()> exit;    // leave the kiosk (the only way out in kiosk mode)
};

// The PIN pad: the digits typed, shown as dots, and 12 large keys (1-9, Xoá, 0, Mở) of at least
// 24 mm. `submit` gets the typed digits when Mở (open) is tapped, or when as many digits as the
// PIN has were typed, and says what happened.
class AdminPinScreen final : public Screen {
 public:
  using Submit = std::function<AdminPinLock::Result(const std::string& typed)>;
  AdminPinScreen(const Theme& theme, std::size_t pin_length, Submit submit);

  void layout(const Rect& area, Measurer& measurer) override;
  [[nodiscard]] bool input(const Action& action) override;
  void render(Painter& painter) const override;
  [[nodiscard]] std::string name() const override { return "admin-pin"; }

  struct Key {
    std::string label;  // "0".."9", "Xoá", "Mở"
    Rect rect{};
    TapTarget tap;
  };
  [[nodiscard]] const std::vector<Key>& keys() const noexcept { return m_keys; }
  [[nodiscard]] const std::string& typed() const noexcept { return m_typed; }
  [[nodiscard]] const std::string& message() const noexcept { return m_message; }

  static constexpr const char* kErase = "Xoá";
  static constexpr const char* kOpen = "Mở";

 private:
  void press_key(const std::string& label);
  void submit();

  const Theme& m_theme;
  std::size_t m_pin_length;
  Submit m_submit;
  std::vector<Key> m_keys;
  std::string m_typed;
  std::string m_message;
  Rect m_area{};
  Rect m_title{};
  Rect m_dots{};
};

// The admin panel: the content shown (bundle id and version, when loaded), the last update
// attempt and the loader's messages, a usage summary, and the buttons Tải lại nội dung (reload),
// Thoát kiosk (exit) and Đóng (close).
class AdminPanelScreen final : public Screen {
 public:
  AdminPanelScreen(const Theme& theme, AdminHooks hooks, std::function<void()> close);

  void layout(const Rect& area, Measurer& measurer) override;
  [[nodiscard]] bool input(const Action& action) override;
  void render(Painter& painter) const override;
  [[nodiscard]] std::string name() const override { return "admin"; }

  [[nodiscard]] const AdminInfo& info() const noexcept { return m_info; }
  [[nodiscard]] const Button& reload_button() const noexcept { return m_reload; }
  [[nodiscard]] const Button& exit_button() const noexcept { return m_exit; }
  [[nodiscard]] const Button& close_button() const noexcept { return m_close; }
  // Reads the info again (after a reload).
  void refresh();

 private:
  [[nodiscard]] std::vector<std::string> lines() const;

  const Theme& m_theme;
  AdminHooks m_hooks;
  AdminInfo m_info;
  Button m_reload;
  Button m_exit;
  Button m_close;
  Rect m_area{};
  Rect m_text{};
};

}  // namespace tinxa::kiosk::ui
