#pragma once

#include "content/time/Clock.hpp"
#include "kiosk/render/SdlPainter.hpp"
#include "kiosk/sdl/EventMapper.hpp"
#include "kiosk/sdl/KioskWindow.hpp"
#include "kiosk/ui/KioskUi.hpp"
#include "kiosk/ui/NightSchedule.hpp"

#include <chrono>
#include <functional>

namespace tinxa::kiosk::sdl {

// Whether `event` ends the kiosk. SDL_QUIT does (a signal: systemd stopping the service, or
// Ctrl+C; in lock-down SDL is told not to turn a window manager's close into SDL_QUIT, see
// SdlContext). A window manager's close request (Alt+F4, the title bar's ×) ends it only outside
// lock-down. Keys never do: the only way out in lock-down is the admin panel's Exit.
[[nodiscard]] bool ends_kiosk(const SDL_Event& event, bool lockdown) noexcept;

// The interactive loop: blocks in SDL_WaitEventTimeout until an event arrives, the minute shown
// in the top bar changes, the UI has something timed to do (idle warning, ticker page, attract
// slide, long press), the tick asks, the night schedule changes, or (while something animates)
// the next frame is due, and draws only when the UI says its picture is stale. At night it draws
// one black frame and then nothing until a touch wakes it or the morning comes; the touch that
// wakes it does nothing else. Returns on quit (see ends_kiosk) or request_quit(). Main thread only.
class EventLoop {
 public:
  EventLoop(KioskWindow& window, render::SdlPainter& painter, ui::KioskUi& ui,
            const content::Clock& clock, int slop_px);

  // Called after every batch of events and every wake-up; returns how long the loop may sleep
  // before calling it again. Other threads wake the loop early with SDL_PushEvent.
  void set_tick(std::function<std::chrono::milliseconds()> tick) { m_tick = std::move(tick); }
  void set_lockdown(bool lockdown) noexcept { m_lockdown = lockdown; }
  void set_night(ui::NightSchedule* night) noexcept { m_night = night; }
  // Ends run() after the current batch of events (the admin panel's Exit).
  void request_quit() noexcept { m_quit = true; }

  void run();

  // How many frames were drawn (for the idle measurements in the docs).
  [[nodiscard]] long long frames() const noexcept { return m_frames; }

 private:
  void draw();
  void draw_black();
  [[nodiscard]] int wait_ms(std::chrono::milliseconds tick_wait) const;

  KioskWindow& m_window;
  render::SdlPainter& m_painter;
  ui::KioskUi& m_ui;
  const content::Clock& m_clock;
  EventMapper m_mapper;
  std::function<std::chrono::milliseconds()> m_tick;
  ui::NightSchedule* m_night = nullptr;
  bool m_lockdown = false;
  bool m_quit = false;
  bool m_black = false;  // the black night frame is on the screen
  long long m_frames = 0;
};

}  // namespace tinxa::kiosk::sdl
