#include "kiosk/sdl/EventLoop.hpp"

#include <algorithm>
#include <chrono>

namespace tinxa::kiosk::sdl {

bool ends_kiosk(const SDL_Event& event, bool lockdown) noexcept {
  if (event.type == SDL_QUIT) return true;
  if (event.type == SDL_WINDOWEVENT && event.window.event == SDL_WINDOWEVENT_CLOSE) {
    return !lockdown;
  }
  return false;
}

EventLoop::EventLoop(KioskWindow& window, render::SdlPainter& painter, ui::KioskUi& ui,
                     const content::Clock& clock, int slop_px)
    : m_window(window),
      m_painter(painter),
      m_ui(ui),
      m_clock(clock),
      // Fling speeds are measured on the monotonic clock, not on `clock`: the wall clock may
      // jump, and the --at clock of previews and the Xvfb tests stands still.
      m_mapper(window.panel_size(), window.rotation(), slop_px, MonotonicClock::instance()) {}

void EventLoop::draw() {
  m_window.begin_frame();
  m_ui.render(m_painter);
  m_window.end_frame();
  m_black = false;
  ++m_frames;
}

void EventLoop::draw_black() {
  SDL_Renderer* renderer = m_window.renderer();
  SDL_SetRenderTarget(renderer, nullptr);
  SDL_SetRenderDrawColor(renderer, 0, 0, 0, 255);
  SDL_RenderClear(renderer);
  SDL_RenderPresent(renderer);
  m_black = true;
  ++m_frames;
}

int EventLoop::wait_ms(std::chrono::milliseconds tick_wait) const {
  const long long tick_ms = tick_wait.count();
  if (m_night != nullptr && m_night->dark(m_clock.now())) {
    // Nothing to show: wake for the morning, a touch, or the tick (content updates).
    return static_cast<int>(std::clamp<long long>(
        std::min<long long>(m_night->until_change(m_clock.now()).count() + 5, tick_ms), 5,
        3'600'000));
  }
  if (m_ui.animating()) return 16;
  // Wake just after the next minute starts, so the clock in the bar stays right, or when the
  // UI has something timed to do.
  const auto since_epoch = m_clock.now().time_since_epoch();
  const auto into_minute =
      std::chrono::duration_cast<std::chrono::milliseconds>(since_epoch % std::chrono::minutes{1});
  const long long minute_ms = 60'000 - into_minute.count() + 20;
  const long long idle_ms = m_ui.idle_wakeup().count() + 5;
  long long wait = std::min({minute_ms, idle_ms, tick_ms});
  if (m_night != nullptr)
    wait = std::min<long long>(wait, m_night->until_change(m_clock.now()).count() + 5);
  return static_cast<int>(std::clamp<long long>(wait, 5, 60'000));
}

void EventLoop::run() {
  using Steady = std::chrono::steady_clock;
  auto last = Steady::now();
  std::chrono::milliseconds tick_wait = m_tick ? m_tick() : std::chrono::milliseconds{60'000};
  if (m_night != nullptr && m_night->dark(m_clock.now())) {
    draw_black();
  } else {
    draw();
  }
  while (!m_quit) {
    SDL_Event event;
    bool got = SDL_WaitEventTimeout(&event, wait_ms(tick_wait)) != 0;
    while (got) {
      if (ends_kiosk(event, m_lockdown)) return;
      const bool wakes = event.type == SDL_FINGERDOWN || event.type == SDL_KEYDOWN;
      if (m_night != nullptr && wakes) {
        const auto now = m_clock.now();
        const bool was_dark = m_night->dark(now);
        m_night->touched(now);
        // The touch that wakes the screen only wakes it; its finger-up finds no finger down.
        if (was_dark) {
          got = SDL_PollEvent(&event) != 0;
          continue;
        }
      }
      if (event.type == SDL_WINDOWEVENT && (event.window.event == SDL_WINDOWEVENT_EXPOSED ||
                                            event.window.event == SDL_WINDOWEVENT_RESTORED)) {
        if (m_black) {
          draw_black();
        } else {
          draw();
        }
      }
      if (!m_black) {
        for (const ui::Action& action : m_mapper.map(event)) (void)m_ui.input(action);
      }
      got = SDL_PollEvent(&event) != 0;
    }
    const auto now = Steady::now();
    m_ui.update(std::chrono::duration_cast<std::chrono::milliseconds>(now - last));
    last = now;
    if (m_tick) tick_wait = m_tick();
    if (m_night != nullptr && m_night->dark(m_clock.now())) {
      if (!m_black) draw_black();
    } else if (m_black || m_ui.needs_redraw()) {
      draw();
    }
  }
}

}  // namespace tinxa::kiosk::sdl
