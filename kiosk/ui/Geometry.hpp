#pragma once

// Plain value types for layout, in physical pixels of the logical (already rotated) screen.

#include <algorithm>
#include <cstdint>

namespace tinxa::kiosk::ui {

struct Point {
  int x = 0;
  int y = 0;
  friend constexpr bool operator==(const Point&, const Point&) = default;
};

struct Size {
  int width = 0;
  int height = 0;
  friend constexpr bool operator==(const Size&, const Size&) = default;
};

struct Rect {
  int x = 0;
  int y = 0;
  int width = 0;
  int height = 0;

  [[nodiscard]] constexpr int right() const noexcept { return x + width; }
  [[nodiscard]] constexpr int bottom() const noexcept { return y + height; }
  [[nodiscard]] constexpr bool empty() const noexcept { return width <= 0 || height <= 0; }
  [[nodiscard]] constexpr bool contains(Point p) const noexcept {
    return p.x >= x && p.x < right() && p.y >= y && p.y < bottom();
  }
  // The rectangle shrunk by `d` on every side (never negative in size).
  [[nodiscard]] constexpr Rect inset(int d) const noexcept {
    return {x + d, y + d, std::max(0, width - 2 * d), std::max(0, height - 2 * d)};
  }
  [[nodiscard]] constexpr Rect translated(int dx, int dy) const noexcept {
    return {x + dx, y + dy, width, height};
  }
  [[nodiscard]] constexpr bool intersects(const Rect& o) const noexcept {
    return x < o.right() && o.x < right() && y < o.bottom() && o.y < bottom();
  }
  [[nodiscard]] constexpr Rect intersection(const Rect& o) const noexcept {
    const int l = std::max(x, o.x);
    const int t = std::max(y, o.y);
    const int r = std::min(right(), o.right());
    const int b = std::min(bottom(), o.bottom());
    return {l, t, std::max(0, r - l), std::max(0, b - t)};
  }
  [[nodiscard]] constexpr Point center() const noexcept { return {x + width / 2, y + height / 2}; }
  friend constexpr bool operator==(const Rect&, const Rect&) = default;
};

// An sRGB colour, 8 bits per channel, not premultiplied.
struct Color {
  std::uint8_t r = 0;
  std::uint8_t g = 0;
  std::uint8_t b = 0;
  std::uint8_t a = 255;
  friend constexpr bool operator==(const Color&, const Color&) = default;
};

// 0xRRGGBB, opaque.
[[nodiscard]] constexpr Color rgb(std::uint32_t hex) noexcept {
  return {static_cast<std::uint8_t>((hex >> 16) & 0xFFu),
          static_cast<std::uint8_t>((hex >> 8) & 0xFFu), static_cast<std::uint8_t>(hex & 0xFFu),
          255};
}

}  // namespace tinxa::kiosk::ui
