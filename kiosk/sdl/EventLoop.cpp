#include "kiosk/sdl/EventLoop.hpp"

#include <algorithm>
#include <chrono>

namespace tinxa::kiosk::sdl {

EventLoop::EventLoop(KioskWindow& window, render::SdlPainter& painter, ui::KioskUi& ui,
                     const content::Clock& clock, int slop_px)
    : m_window(window),
      m_painter(painter),
      m_ui(ui),
      m_clock(clock),
      m_mapper(window.panel_size(), window.rotation(), slop_px) {}

void EventLoop::draw() {
  m_window.begin_frame();
  m_ui.render(m_painter);
  m_window.end_frame();
}

int EventLoop::wait_ms() const {
  if (m_ui.animating()) return 16;
  // Wake just after the next minute starts, so the clock in the bar stays right, or when the
  // idle warning appears or counts down.
  const auto since_epoch = m_clock.now().time_since_epoch();
  const auto into_minute =
      std::chrono::duration_cast<std::chrono::milliseconds>(since_epoch % std::chrono::minutes{1});
  const long long minute_ms = 60'000 - into_minute.count() + 20;
  const long long idle_ms = m_ui.idle_wakeup().count() + 5;
  return static_cast<int>(std::clamp<long long>(std::min(minute_ms, idle_ms), 5, 60'000));
}

void EventLoop::run() {
  using Steady = std::chrono::steady_clock;
  auto last = Steady::now();
  draw();
  while (true) {
    SDL_Event event;
    bool got = SDL_WaitEventTimeout(&event, wait_ms()) != 0;
    while (got) {
      if (event.type == SDL_QUIT) return;
      if (event.type == SDL_WINDOWEVENT && (event.window.event == SDL_WINDOWEVENT_EXPOSED ||
                                            event.window.event == SDL_WINDOWEVENT_RESTORED)) {
        draw();
      }
      for (const ui::Action& action : m_mapper.map(event)) (void)m_ui.input(action);
      got = SDL_PollEvent(&event) != 0;
    }
    const auto now = Steady::now();
    m_ui.update(std::chrono::duration_cast<std::chrono::milliseconds>(now - last));
    last = now;
    if (m_ui.needs_redraw()) draw();
  }
}

}  // namespace tinxa::kiosk::sdl
