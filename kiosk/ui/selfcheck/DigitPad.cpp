#include "kiosk/ui/selfcheck/DigitPad.hpp"

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
                   std::function<void()> on_change)
    : m_theme(theme), m_max_digits(max_digits), m_on_change(std::move(on_change)) {
  for (const char* d : {"1", "2", "3", "4", "5", "6", "7", "8", "9"}) {
    m_keys.push_back({Key::Kind::digit, d, {}, {}});
  }
  m_keys.push_back({Key::Kind::erase, "Xoá", {}, {}});
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
    const int row = static_cast<int>(i) / 3;
    const int col = static_cast<int>(i) % 3;
    m_keys[i].rect = {origin.x + col * (w + g), origin.y + row * (h + g), w, h};
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
  bool consumed = false;
  for (Key& key : m_keys) {
    switch (key.tap.handle(action, key.rect, true)) {
      case TapTarget::Result::ignored:
        break;
      case TapTarget::Result::consumed:
        consumed = true;
        break;
      case TapTarget::Result::activated:
        press(key);
        consumed = true;
        break;
    }
  }
  return consumed;
}

void DigitPad::render(Painter& painter) const {
  const Palette& p = m_theme.palette();
  const int border = std::max(2, m_theme.mm(0.6));
  for (const Key& key : m_keys) {
    painter.fill_rounded_rect(key.rect, m_theme.radius_px(), p.border);
    painter.fill_rounded_rect(key.rect.inset(border), m_theme.radius_px(),
                              key.tap.pressed() ? p.surface_pressed : p.surface);
    painter.touch_target(key.rect);
    TextStyle style = key.kind == Key::Kind::erase ? m_theme.button() : m_theme.title();
    style.color = p.text;
    const Size s = painter.measure_text(key.label, style, 0);
    painter.text({key.rect.x + (key.rect.width - s.width) / 2,
                  key.rect.y + (key.rect.height - s.height) / 2},
                 key.label, style, 0);
  }
}

}  // namespace tinxa::kiosk::ui::selfcheck
