#include "kiosk/sdl/KioskWindow.hpp"

#include "kiosk/ui/Rotation.hpp"

namespace tinxa::kiosk::sdl {

KioskWindow::KioskWindow(const config::KioskSettings::Display& display, ui::Size panel,
                         Renderer renderer)
    : m_rotation(display.rotation), m_panel(panel) {
  Uint32 flags = SDL_WINDOW_SHOWN;
  if (display.fullscreen) flags |= SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS;
  m_window.reset(SDL_CreateWindow("tinxa-kiosk", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                                  panel.width, panel.height, flags));
  if (!m_window) throw render::SdlError("SDL_CreateWindow");
  if (display.fullscreen) {
    int w = 0;
    int h = 0;
    SDL_GetWindowSize(m_window.get(), &w, &h);
    if (w > 0 && h > 0) m_panel = {w, h};
    // Lock-down: the keyboard goes to the kiosk only (the window manager's shortcuts too).
    SDL_SetWindowKeyboardGrab(m_window.get(), SDL_TRUE);
  }
  if (renderer == Renderer::accelerated) {
    m_renderer.reset(SDL_CreateRenderer(
        m_window.get(), -1,
        SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC | SDL_RENDERER_TARGETTEXTURE));
  }
  if (!m_renderer) {
    m_renderer.reset(
        SDL_CreateRenderer(m_window.get(), -1, SDL_RENDERER_SOFTWARE | SDL_RENDERER_TARGETTEXTURE));
  }
  if (!m_renderer) throw render::SdlError("SDL_CreateRenderer");
  const bool turned =
      m_rotation == config::Rotation::quarter || m_rotation == config::Rotation::three_quarters;
  m_logical = turned ? ui::Size{m_panel.height, m_panel.width} : m_panel;
  if (m_rotation != config::Rotation::none) {
    m_target.reset(SDL_CreateTexture(m_renderer.get(), SDL_PIXELFORMAT_ARGB8888,
                                     SDL_TEXTUREACCESS_TARGET, m_logical.width, m_logical.height));
    if (!m_target) throw render::SdlError("SDL_CreateTexture (rotation target)");
  }
}

std::string KioskWindow::renderer_name() const {
  SDL_RendererInfo info{};
  SDL_GetRendererInfo(m_renderer.get(), &info);
  return info.name != nullptr ? info.name : "?";
}

void KioskWindow::begin_frame() {
  if (m_target) SDL_SetRenderTarget(m_renderer.get(), m_target.get());
}

void KioskWindow::end_frame(bool present) {
  if (m_target) {
    SDL_SetRenderTarget(m_renderer.get(), nullptr);
    SDL_SetRenderDrawColor(m_renderer.get(), 0, 0, 0, 255);
    SDL_RenderClear(m_renderer.get());
    const SDL_Rect dst{(m_panel.width - m_logical.width) / 2,
                       (m_panel.height - m_logical.height) / 2, m_logical.width, m_logical.height};
    SDL_RenderCopyEx(m_renderer.get(), m_target.get(), nullptr, &dst,
                     ui::rotation_degrees(m_rotation), nullptr, SDL_FLIP_NONE);
  }
  if (present) SDL_RenderPresent(m_renderer.get());
}

}  // namespace tinxa::kiosk::sdl
