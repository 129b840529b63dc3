#pragma once

#include "kiosk/ui/Button.hpp"
#include "kiosk/ui/Theme.hpp"
#include "kiosk/ui/Widget.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tinxa::kiosk::ui::selfcheck {

// Large digit keys for a number a resident types by touch: 1–9, 0, optionally "000" (for sums of
// money, so 2.500.000 is six taps, not nine), and Xoá (erase the last digit). A physical keyboard
// types digits too, and Backspace erases. The value is a whole number of at most `max_digits`
// digits; leading zeros are dropped. UI thread.
class DigitPad final : public Widget {
 public:
  struct Key {
    enum class Kind { digit, thousands, erase };
    Kind kind = Kind::digit;
    std::string label;
    Rect rect{};
    TapTarget tap;
  };

  // The erase key is labelled in `language` (UiText; Vietnamese "Xoá" by default).
  DigitPad(const Theme& theme, int max_digits, bool thousands_key, std::function<void()> on_change,
           std::string_view language = "vi");

  // Lays the keys out, 3 per row and 4 rows, with their top-left at `origin`.
  void layout(Point origin);
  // The size layout() takes.
  [[nodiscard]] Size size() const;

  [[nodiscard]] std::optional<std::int64_t> value() const;
  [[nodiscard]] const std::string& digits() const noexcept { return m_digits; }
  void set_value(std::optional<std::int64_t> value);

  [[nodiscard]] bool input(const Action& action) override;
  void render(Painter& painter) const override;
  [[nodiscard]] const std::vector<Key>& keys() const noexcept { return m_keys; }

 private:
  void press(const Key& key);
  void type(char digit);

  const Theme& m_theme;
  int m_max_digits;
  std::function<void()> m_on_change;
  std::vector<Key> m_keys;
  std::string m_digits;
};

// "2500000" -> "2.500.000" (the Vietnamese thousands separator).
[[nodiscard]] std::string group_thousands(std::int64_t value);

}  // namespace tinxa::kiosk::ui::selfcheck
