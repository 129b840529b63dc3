#include "kiosk/ui/selfcheck/DigitPad.hpp"

#include "kiosk/ui/KeyGrid.hpp"
#include "kiosk/ui/UiText.hpp"

#include <algorithm>

namespace tinxa::kiosk::ui::selfcheck {

std::string group_thousands(std::int64_t value) {
  const bool negative = value < 0;
  std::string digits = std::to_string(negative ? -value : value);
  std::string out;
  const int n = static_cast<int>(digits.size());
  for (int i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out += '.';
    out += digits[static_cast<std::size_t>(i)];
  }
  return negative ? "-" + out : out;
}

DigitPad::DigitPad(const Theme& theme, int max_digits, bool thousands_key,
                   std::function<void()> on_change, std::string_view language)
    : m_theme(theme), m_max_digits(max_digits), m_on_change(std::move(on_change)) {
  for (const char* d : {"1", "2", "3", "4", "5", "6", "7", "8", "9"}) {
    m_keys.push_back({Key::Kind::digit, d, {}, {}});
  }
  m_keys.push_back({Key::Kind::erase, std::string(ui_text(UiText::key_erase, language)), {}, {}});
  m_keys.push_back({Key::Kind::digit, "0", {}, {}});
  if (thousands_key) m_keys.push_back({Key::Kind::thousands, "000", {}, {}});
}

Size DigitPad::size() const {
  const int w = m_theme.mm(30.0);
  const int h = m_theme.target_px();
  const int g = m_theme.gap_px();
  return {3 * w + 2 * g, 4 * h + 3 * g};
}

void DigitPad::layout(Point origin) {
  const int w = m_theme.mm(30.0);
  const int h = m_theme.target_px();
  const int g = m_theme.gap_px();
  for (std::size_t i = 0; i < m_keys.size(); ++i) {
    m_keys[i].rect = grid_cell(origin, {w, h}, g, static_cast<int>(i) % 3, static_cast<int>(i) / 3);
  }
}

std::optional<std::int64_t> DigitPad::value() const {
  if (m_digits.empty()) return std::nullopt;
  std::int64_t v = 0;
  for (const char c : m_digits) v = v * 10 + (c - '0');
  return v;
}

void DigitPad::set_value(std::optional<std::int64_t> value) {
  m_digits = value && *value >= 0 ? std::to_string(*value) : std::string{};
}

void DigitPad::type(char digit) {
  if (m_digits == "0") m_digits.clear();
  if (static_cast<int>(m_digits.size()) >= m_max_digits) return;
  m_digits += digit;
}

void DigitPad::press(const Key& key) {
  switch (key.kind) {
    case Key::Kind::digit:
      type(key.label[0]);
      break;
    case Key::Kind::thousands:
      if (m_digits.empty() || m_digits == "0") return;
      for (int i = 0; i < 3; ++i) type('0');
      break;
    case Key::Kind::erase:
      if (!m_digits.empty()) m_digits.pop_back();
      break;
  }
  if (m_on_change) m_on_change();
}

bool DigitPad::input(const Action& action) {
  if (action.kind == ActionKind::text) {
    bool any = false;
    for (const char c : action.text) {
      if (c >= '0' && c <= '9') {
        type(c);
        any = true;
      }
    }
    if (any && m_on_change) m_on_change();
    return any;
  }
  if (action.kind == ActionKind::erase) {
    if (m_digits.empty()) return false;  // Backspace acts as Back then
    m_digits.pop_back();
    if (m_on_change) m_on_change();
    return true;
  }
  return offer_taps(m_keys, action, [this](const Key& key) { press(key); });
}

void DigitPad::render(Painter& painter) const {
  for (const Key& key : m_keys) {
    draw_key(painter, m_theme, key.rect, key.label, KeyLook::plain, key.tap.pressed(),
             key.kind != Key::Kind::erase);
  }
}

}  // namespace tinxa::kiosk::ui::selfcheck
