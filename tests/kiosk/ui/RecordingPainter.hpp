#pragma once

// A Painter for tests: measures text with a simple model (every code point 0.55 em wide, lines
// 1.4 em apart, greedy word wrap) and records what was drawn, including the touch targets.

#include "kiosk/ui/Painter.hpp"

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace tinxa::kiosk::test {

class RecordingPainter final : public ui::Painter {
 public:
  struct Text {
    ui::Point at;
    std::string text;
    ui::TextStyle style;
  };

  static int code_points(std::string_view s) {
    return static_cast<int>(std::count_if(s.begin(), s.end(), [](char c) {
      return (static_cast<unsigned char>(c) & 0xC0u) != 0x80u;
    }));
  }
  static int width_of(std::string_view s, int size) { return code_points(s) * size * 55 / 100; }

  ui::Size measure_text(std::string_view text, const ui::TextStyle& style,
                        int wrap_width_px) override {
    const int line_h = style.size_px * 14 / 10;
    if (wrap_width_px <= 0) return {width_of(text, style.size_px), line_h};
    int lines = 1;
    int widest = 0;
    std::string line;
    std::size_t pos = 0;
    while (pos <= text.size()) {
      std::size_t space = text.find(' ', pos);
      if (space == std::string_view::npos) space = text.size();
      const std::string word(text.substr(pos, space - pos));
      pos = space + 1;
      const std::string candidate = line.empty() ? word : line + " " + word;
      if (width_of(candidate, style.size_px) <= wrap_width_px || line.empty()) {
        line = candidate;
      } else {
        widest = std::max(widest, width_of(line, style.size_px));
        ++lines;
        line = word;
      }
    }
    widest = std::max(widest, width_of(line, style.size_px));
    return {std::min(widest, wrap_width_px), lines * line_h};
  }

  std::optional<ui::Size> image_size(const std::string& id) override {
    if (!std::filesystem::exists(id)) return std::nullopt;
    return ui::Size{128, 128};
  }

  void fill_rect(const ui::Rect& rect, ui::Color color) override { fills.push_back({rect, color}); }
  void fill_rounded_rect(const ui::Rect& rect, int, ui::Color color) override {
    fills.push_back({rect, color});
  }
  void fill_triangle(ui::Point, ui::Point, ui::Point, ui::Color) override { ++triangles; }
  ui::Size text(ui::Point at, std::string_view s, const ui::TextStyle& style,
                int wrap_width_px) override {
    texts.push_back({at, std::string(s), style});
    return measure_text(s, style, wrap_width_px);
  }
  void image(const ui::Rect& rect, const std::string& id) override { images.push_back({rect, id}); }
  void push_clip(const ui::Rect&) override { ++depth; }
  void pop_clip() override { --depth; }
  void touch_target(const ui::Rect& rect) override { targets.push_back(rect); }

  void clear() {
    fills.clear();
    texts.clear();
    images.clear();
    targets.clear();
    triangles = 0;
  }

  [[nodiscard]] bool drew_text(std::string_view needle) const {
    return std::any_of(texts.begin(), texts.end(),
                       [&](const Text& t) { return t.text.find(needle) != std::string::npos; });
  }
  [[nodiscard]] const Text* find_text(std::string_view needle) const {
    for (const auto& t : texts) {
      if (t.text.find(needle) != std::string::npos) return &t;
    }
    return nullptr;
  }

  struct Fill {
    ui::Rect rect;
    ui::Color color;
  };
  struct Image {
    ui::Rect rect;
    std::string id;
  };
  std::vector<Fill> fills;
  std::vector<Text> texts;
  std::vector<Image> images;
  std::vector<ui::Rect> targets;
  int triangles = 0;
  int depth = 0;
};

}  // namespace tinxa::kiosk::test
