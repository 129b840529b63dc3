#include "kiosk/ui/selfcheck/QuestionPicture.hpp"

#include <algorithm>
#include <string_view>

namespace tinxa::kiosk::ui::selfcheck {

namespace {

bool has(std::string_view id, std::string_view word) {
  return id.find(word) != std::string_view::npos;
}

void circle(Painter& p, Point c, int r, Color color) {
  p.fill_rounded_rect({c.x - r, c.y - r, 2 * r, 2 * r}, r, color);
}

void person(Painter& p, Point foot, int h, Color color) {
  // A head and a rounded body, `h` tall, standing on `foot`.
  const int head = h / 5;
  circle(p, {foot.x, foot.y - h + head}, head, color);
  const int bw = h * 2 / 5;
  p.fill_rounded_rect({foot.x - bw / 2, foot.y - h + 2 * head + h / 20, bw, h - 2 * head - h / 20},
                      bw / 3, color);
}

void house(Painter& p, Rect b, Color color, Color background) {
  const int cx = b.x + b.width / 2;
  const int roof = b.height * 2 / 5;
  p.fill_triangle({cx, b.y}, {b.x, b.y + roof}, {b.right(), b.y + roof}, color);
  const Rect body{b.x + b.width / 8, b.y + roof, b.width * 3 / 4, b.height - roof};
  p.fill_rect(body, color);
  p.fill_rect(
      {cx - b.width / 10, body.bottom() - body.height * 3 / 5, b.width / 5, body.height * 3 / 5},
      background);
}

}  // namespace

Picture picture_for(const SelfCheckFlow::Step& step) {
  using Kind = SelfCheckFlow::StepKind;
  switch (step.kind) {
    case Kind::area:
      return Picture::area;
    case Kind::members:
      return Picture::people;
    case Kind::income:
      return Picture::money;
    case Kind::indicator:
      break;
  }
  const std::string_view id = step.id;
  if (has(id, "viec-lam")) return Picture::work;
  if (has(id, "phu-thuoc")) return Picture::child;
  if (has(id, "dinh-duong") || has(id, "y-te")) return Picture::health;
  if (has(id, "giao-duc") || has(id, "di-hoc")) return Picture::school;
  if (has(id, "dien-tich")) return Picture::floor;
  if (has(id, "nha-o")) return Picture::house;
  if (has(id, "nuoc")) return Picture::water;
  if (has(id, "nha-tieu") || has(id, "ve-sinh")) return Picture::toilet;
  if (has(id, "vien-thong") || has(id, "internet")) return Picture::signal;
  if (has(id, "thong-tin")) return Picture::screen;
  if (has(id, "rac")) return Picture::waste;
  return Picture::question;
}

void draw_picture(Painter& p, Picture picture, const Rect& box, Color color, Color background) {
  const int s = std::min(box.width, box.height);
  const Rect b{box.x + (box.width - s) / 2, box.y + (box.height - s) / 2, s, s};
  const int cx = b.x + s / 2;
  const int cy = b.y + s / 2;
  const int line = std::max(2, s / 16);
  switch (picture) {
    case Picture::area: {
      house(p, {b.x, b.y + s / 4, s * 3 / 5, s * 3 / 4}, color, background);
      circle(p, {b.x + s * 4 / 5, b.y + s * 2 / 5}, s / 6, color);
      p.fill_rect({b.x + s * 4 / 5 - line / 2, b.y + s / 2, line, s / 2}, color);
      return;
    }
    case Picture::people:
      person(p, {b.x + s / 5, b.bottom()}, s * 3 / 4, color);
      person(p, {cx, b.bottom()}, s, color);
      person(p, {b.right() - s / 5, b.bottom()}, s * 3 / 4, color);
      return;
    case Picture::money: {
      const Rect note{b.x, b.y + s / 4, s, s / 2};
      p.fill_rounded_rect(note, s / 16, color);
      p.fill_rounded_rect(note.inset(line), s / 20, background);
      circle(p, {cx, cy}, s / 7, color);
      circle(p, {cx, cy}, s / 7 - line, background);
      return;
    }
    case Picture::work: {
      p.fill_rounded_rect({cx - s / 6, b.y + s / 6, s / 3, s / 5}, s / 20, color);
      p.fill_rounded_rect({cx - s / 6 + line, b.y + s / 6 + line, s / 3 - 2 * line, s / 5}, s / 20,
                          background);
      p.fill_rounded_rect({b.x, b.y + s / 3, s, s * 3 / 5}, s / 12, color);
      p.fill_rect({b.x, cy + s / 12, s, line}, background);
      return;
    }
    case Picture::child:
      person(p, {b.x + s / 3, b.bottom()}, s, color);
      person(p, {b.right() - s / 5, b.bottom()}, s / 2, color);
      return;
    case Picture::health: {
      p.fill_rounded_rect({b.x, b.y + s / 8, s, s * 3 / 4}, s / 10, color);
      const int arm = s / 7;
      p.fill_rect({cx - arm / 2 - arm, cy - arm / 2, 3 * arm, arm}, background);
      p.fill_rect({cx - arm / 2, cy - arm / 2 - arm, arm, 3 * arm}, background);
      return;
    }
    case Picture::school: {
      p.fill_triangle({b.x, b.y + s / 5}, {cx - line, b.y + s / 3}, {b.x, b.bottom() - s / 6},
                      color);
      p.fill_triangle({cx - line, b.y + s / 3}, {cx - line, b.bottom()}, {b.x, b.bottom() - s / 6},
                      color);
      p.fill_triangle({b.right(), b.y + s / 5}, {cx + line, b.y + s / 3},
                      {b.right(), b.bottom() - s / 6}, color);
      p.fill_triangle({cx + line, b.y + s / 3}, {cx + line, b.bottom()},
                      {b.right(), b.bottom() - s / 6}, color);
      return;
    }
    case Picture::house:
      house(p, b, color, background);
      return;
    case Picture::floor: {
      p.fill_rect({b.x, b.y, s, s}, color);
      p.fill_rect(b.inset(line * 2), background);
      p.fill_rect({b.x + s / 2, b.y, line * 2, s / 2}, color);
      p.fill_rect({b.x, b.y + s * 2 / 3, s * 2 / 3, line * 2}, color);
      return;
    }
    case Picture::water: {
      const int r = s * 3 / 10;
      p.fill_triangle({cx, b.y}, {cx - r, b.bottom() - r - r / 3}, {cx + r, b.bottom() - r - r / 3},
                      color);
      circle(p, {cx, b.bottom() - r}, r, color);
      return;
    }
    case Picture::toilet: {
      house(p, {b.x + s / 8, b.y, s * 3 / 4, s}, color, background);
      circle(p, {cx, b.y + s * 3 / 10}, s / 14, background);
      return;
    }
    case Picture::signal: {
      p.fill_rounded_rect({b.x + s / 8, b.y + s / 4, s / 3, s * 3 / 4}, s / 16, color);
      p.fill_rect({b.x + s / 8 + line, b.y + s / 4 + 2 * line, s / 3 - 2 * line, s / 2},
                  background);
      for (int i = 1; i <= 3; ++i) {
        const int h = s * i / 5;
        p.fill_rect({b.x + s / 2 + i * s / 8, b.bottom() - h, s / 14, h}, color);
      }
      return;
    }
    case Picture::screen: {
      p.fill_rounded_rect({b.x, b.y + s / 8, s, s * 3 / 5}, s / 16, color);
      p.fill_rect({b.x + line * 2, b.y + s / 8 + line * 2, s - 4 * line, s * 3 / 5 - 4 * line},
                  background);
      p.fill_triangle({cx, b.y + s * 3 / 4}, {cx - s / 5, b.bottom()}, {cx + s / 5, b.bottom()},
                      color);
      return;
    }
    case Picture::waste: {
      p.fill_rect({b.x + s / 8, b.y + s / 8, s * 3 / 4, line * 2}, color);
      p.fill_rect({cx - s / 10, b.y, s / 5, s / 8}, color);
      p.fill_triangle({b.x + s / 5, b.y + s / 4}, {b.right() - s / 5, b.y + s / 4},
                      {b.x + s * 3 / 10, b.bottom()}, color);
      p.fill_triangle({b.right() - s / 5, b.y + s / 4}, {b.right() - s * 3 / 10, b.bottom()},
                      {b.x + s * 3 / 10, b.bottom()}, color);
      return;
    }
    case Picture::question: {
      circle(p, {cx, cy}, s / 2, color);
      circle(p, {cx, cy}, s / 2 - line * 2, background);
      TextStyle style{s / 2, FontWeight::bold, color};
      const Size t = p.measure_text("?", style, 0);
      p.text({cx - t.width / 2, cy - t.height / 2}, "?", style, 0);
      return;
    }
  }
}

}  // namespace tinxa::kiosk::ui::selfcheck
