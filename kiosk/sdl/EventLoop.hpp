#pragma once

#include "content/time/Clock.hpp"
#include "kiosk/render/SdlPainter.hpp"
#include "kiosk/sdl/EventMapper.hpp"
#include "kiosk/sdl/KioskWindow.hpp"
#include "kiosk/ui/KioskUi.hpp"

namespace tinxa::kiosk::sdl {

// The interactive loop: blocks in SDL_WaitEventTimeout until an event arrives, the minute shown
// in the top bar changes, the idle warning is due, or (while something animates) the next frame
// is due, and draws only
// when the UI says its picture is stale. Returns when SDL_QUIT arrives. Main thread only.
class EventLoop {
 public:
  EventLoop(KioskWindow& window, render::SdlPainter& painter, ui::KioskUi& ui,
            const content::Clock& clock, int slop_px);

  void run();

 private:
  void draw();
  [[nodiscard]] int wait_ms() const;

  KioskWindow& m_window;
  render::SdlPainter& m_painter;
  ui::KioskUi& m_ui;
  const content::Clock& m_clock;
  EventMapper m_mapper;
};

}  // namespace tinxa::kiosk::sdl
