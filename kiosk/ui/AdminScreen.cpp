#include "kiosk/ui/AdminScreen.hpp"

#include "kiosk/ui/KeyGrid.hpp"

#include <algorithm>

namespace tinxa::kiosk::ui {
namespace {

constexpr const char* kPinTitle = "Quản trị: nhập mã PIN / Admin: enter the PIN";

}  // namespace

AdminPinScreen::AdminPinScreen(const Theme& theme, std::size_t pin_length, Submit submit)
    : m_theme(theme), m_pin_length(pin_length), m_submit(std::move(submit)) {
  for (const char* label : {"1", "2", "3", "4", "5", "6", "7", "8", "9", kErase, "0", kOpen}) {
    m_keys.push_back({label, {}, {}});
  }
}

void AdminPinScreen::layout(const Rect& area, Measurer& measurer) {
  m_area = area;
  const Theme& t = m_theme;
  const int margin = t.margin_px();
  const int gap = t.gap_px();
  const Size title = measurer.measure_text(kPinTitle, t.title(), area.width - 2 * margin);
  m_title = {area.x + margin, area.y + margin, area.width - 2 * margin, title.height};
  const int dots_h = t.mm(14.0);
  m_dots = {area.x + margin, m_title.bottom() + gap, area.width - 2 * margin, dots_h};
  // Four rows of three keys, as large as fit (at least 24 mm, at most 40 mm), centred.
  const int top = m_dots.bottom() + gap * 2;
  const int free_h = area.bottom() - margin - top;
  const int side = std::clamp(std::min((free_h - 3 * gap * 2) / 4, (area.width - 2 * margin) / 3),
                              t.mm(24.0), t.mm(40.0));
  const int pad_w = 3 * side + 2 * gap * 2;
  const int x0 = area.x + (area.width - pad_w) / 2;
  for (std::size_t i = 0; i < m_keys.size(); ++i) {
    m_keys[i].rect = grid_cell({x0, top}, {side, side}, gap * 2, static_cast<int>(i) % 3,
                               static_cast<int>(i) / 3);
  }
}

void AdminPinScreen::press_key(const std::string& label) {
  if (label == kErase) {
    if (!m_typed.empty()) m_typed.pop_back();
  } else if (label == kOpen) {
    submit();
  } else if (m_typed.size() < 8) {
    m_typed += label;
    if (m_typed.size() == m_pin_length) submit();
  }
}

void AdminPinScreen::submit() {
  if (!m_submit) return;
  switch (m_submit(m_typed)) {
    case AdminPinLock::Result::accepted:
      m_message.clear();
      break;
    case AdminPinLock::Result::wrong:
      m_message = "Sai mã PIN / Wrong PIN";
      break;
    case AdminPinLock::Result::locked:
      m_message = "Sai quá 3 lần: khoá 1 phút / 3 wrong PINs: locked for a minute";
      break;
  }
  m_typed.clear();
}

bool AdminPinScreen::input(const Action& action) {
  if (action.kind == ActionKind::text) {
    for (char c : action.text) {
      if (c >= '0' && c <= '9') press_key(std::string(1, c));
    }
    return true;
  }
  return offer_taps(m_keys, action, [this](const Key& key) {
    const std::string label = key.label;
    press_key(label);
  });
}

void AdminPinScreen::render(Painter& painter) const {
  const Theme& t = m_theme;
  const Palette& p = t.palette();
  painter.fill_rect(m_area, p.background);
  painter.text({m_title.x, m_title.y}, kPinTitle, t.title(), m_title.width);
  // One dot per digit typed (drawn: the font has no bullet), or the last message.
  if (m_typed.empty() && !m_message.empty()) {
    const Size s = painter.measure_text(m_message, t.body_bold(), m_dots.width);
    painter.text({m_dots.x, m_dots.y + (m_dots.height - s.height) / 2}, m_message, t.body_bold(),
                 m_dots.width);
  } else {
    const int dot = t.mm(5.0);
    const int n = static_cast<int>(m_typed.size());
    const int total = n * dot + std::max(0, n - 1) * dot;
    for (int i = 0; i < n; ++i) {
      painter.fill_rounded_rect({m_dots.x + (m_dots.width - total) / 2 + i * 2 * dot,
                                 m_dots.y + (m_dots.height - dot) / 2, dot, dot},
                                dot / 2, p.text);
    }
  }
  for (const Key& key : m_keys) {
    const bool digit = key.label.size() == 1;
    draw_key(painter, t, key.rect, key.label, digit ? KeyLook::plain : KeyLook::accent,
             key.tap.pressed(), digit);
  }
}

AdminPanelScreen::AdminPanelScreen(const Theme& theme, AdminHooks hooks,
                                   std::function<void()> close)
    : m_theme(theme),
      m_hooks(std::move(hooks)),
      m_reload(theme, "Tải lại nội dung", Icon::none, Button::Kind::navigation,
               [this] {
                 if (m_hooks.reload) m_hooks.reload();
                 refresh();
               }),
      m_exit(theme, "Thoát kiosk", Icon::none, Button::Kind::navigation,
             [this] {
               if (m_hooks.exit) m_hooks.exit();
             }),
      m_close(theme, "Đóng", Icon::none, Button::Kind::navigation, std::move(close)) {
  refresh();
}

void AdminPanelScreen::refresh() {
  if (m_hooks.info) m_info = m_hooks.info();
}

std::vector<std::string> AdminPanelScreen::lines() const {
  std::vector<std::string> out;
  out.push_back("Nội dung / Content: " + m_info.bundle);
  out.push_back("Nạp lúc / Loaded at: " + m_info.loaded_at);
  out.push_back("Lần cập nhật gần nhất / Last update attempt: " + m_info.last_attempt);
  const std::size_t shown = std::min<std::size_t>(m_info.messages.size(), 6);
  for (std::size_t i = 0; i < shown; ++i) out.push_back("  " + m_info.messages[i]);
  if (m_info.messages.size() > shown) {
    out.push_back("  … " + std::to_string(m_info.messages.size() - shown) +
                  " lỗi nữa / more (tinxa check)");
  }
  out.push_back("Lượt dùng / Usage:");
  for (const auto& line : m_info.usage) out.push_back("  " + line);
  return out;
}

void AdminPanelScreen::layout(const Rect& area, Measurer& measurer) {
  (void)measurer;
  m_area = area;
  const Theme& t = m_theme;
  const int margin = t.margin_px();
  const int gap = t.gap_px();
  const int h = t.target_px();
  const int y = area.bottom() - margin - h;
  const int w = std::min(t.mm(80.0), (area.width - 2 * margin - 4 * gap) / 3);
  m_reload.set_rect({area.x + margin, y, w, h});
  m_exit.set_rect({area.x + margin + w + gap * 2, y, w, h});
  m_close.set_rect({area.right() - margin - w, y, w, h});
  m_text = {area.x + margin, area.y + margin, area.width - 2 * margin, y - gap - area.y - margin};
}

bool AdminPanelScreen::input(const Action& action) {
  bool consumed = m_reload.input(action);
  consumed = m_exit.input(action) || consumed;
  consumed = m_close.input(action) || consumed;
  return consumed;
}

void AdminPanelScreen::render(Painter& painter) const {
  const Theme& t = m_theme;
  painter.fill_rect(m_area, t.palette().background);
  {
    ClipScope clip(painter, m_text);
    int y = m_text.y;
    y += painter.text({m_text.x, y}, "Quản trị / Admin", t.title(), m_text.width).height;
    y += t.gap_px();
    for (const auto& line : lines()) {
      y += painter.text({m_text.x, y}, line, t.small(), m_text.width).height;
      if (y > m_text.bottom()) break;
    }
  }
  m_reload.render(painter);
  m_exit.render(painter);
  m_close.render(painter);
}

}  // namespace tinxa::kiosk::ui
