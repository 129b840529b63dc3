#pragma once

#include "config/settings/KioskSettings.hpp"
#include "kiosk/render/SdlHandles.hpp"
#include "kiosk/ui/Geometry.hpp"

#include <string>

namespace tinxa::kiosk::sdl {

// The kiosk's window and renderer. The UI draws an upright picture of logical_size(); when the
// panel is rotated, frames go to a texture that is turned onto the panel at end_frame().
// Requires a live SdlContext. Main thread only.
class KioskWindow {
 public:
  enum class Renderer { software, accelerated };

  // `panel`: the panel's size in pixels before rotation (from kiosk.yaml or --size).
  // Fullscreen takes the whole desktop; otherwise a window of that size. The accelerated
  // renderer falls back to software when there is none. Throws render::SdlError.
  KioskWindow(const config::KioskSettings::Display& display, ui::Size panel, Renderer renderer);

  [[nodiscard]] SDL_Renderer* renderer() const noexcept { return m_renderer.get(); }
  [[nodiscard]] ui::Size logical_size() const noexcept { return m_logical; }
  [[nodiscard]] ui::Size panel_size() const noexcept { return m_panel; }
  [[nodiscard]] config::Rotation rotation() const noexcept { return m_rotation; }
  [[nodiscard]] std::string renderer_name() const;

  // Frame bracket: begin_frame() directs drawing at the upright picture; end_frame() turns it
  // onto the panel (when rotated) and presents it unless `present` is false (screenshots read
  // the pixels first).
  void begin_frame();
  void end_frame(bool present = true);

 private:
  config::Rotation m_rotation;
  ui::Size m_panel;
  ui::Size m_logical;
  render::WindowPtr m_window;
  render::RendererPtr m_renderer;
  render::TexturePtr m_target;  // only when rotated
};

}  // namespace tinxa::kiosk::sdl
