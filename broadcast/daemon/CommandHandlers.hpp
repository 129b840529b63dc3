#pragma once

// What each control command does in the real-time daemon (the protocol and its `status` fields
// are documented in broadcast/control/Request.hpp). One member per command; handle() dispatches
// a request that already passed the command table (ControlServer checks it first).
//
//  - play ITEM [ZONE...]: a playlist or announcement now, class `priority` (it takes the zones
//    from normal items, which resume after it), every zone when none is named.
//  - alert ITEM [ZONE...] [repeat=N]: the same as an emergency, N times back to back (1-10).
//  - stop [ZONE...]: ends what holds each zone (every zone when none is named), logged as
//    interrupted "stopped by the operator"; what waited there plays next. A live ends in every
//    zone it holds.
//  - skip [ZONE...]: the file sounding in each zone ends; its playlist goes on with the next.
//  - live INPUT ZONE... [for=DURATION]: goes live from an input device (Engine::start_live).
//  - reload: ScheduleReloader::reload(); a rejected edit answers ACK [5] with the first
//    error, and every error as an `error` field. The daemon does not call handle() for it: it
//    loads on its reload worker (BackgroundReload) and answers later with reload_response().
// Operator plays get the occurrence key "operator-play@<local time>" (or operator-alert@...), so
// the as-run log tells them from scheduled slots.
//
// Threading: the event loop's thread. Errors: a request that cannot be done is an ACK, never an
// exception; the as-run log's SqliteError goes through (the daemon stops).

#include <cstdint>
#include <string>

#include "broadcast/control/Request.hpp"
#include "broadcast/control/Response.hpp"
#include "broadcast/daemon/DeviceOutputs.hpp"
#include "broadcast/daemon/ScheduleReloader.hpp"
#include "broadcast/engine/Engine.hpp"
#include "content/time/Clock.hpp"

namespace tinxa::broadcast {

class CommandHandlers {
 public:
  // `devices` may be null (no device states in `status`). All must outlive the handlers.
  CommandHandlers(Engine& engine, ScheduleReloader& programme, const content::Clock& clock,
                  const DeviceOutputs* devices);

  [[nodiscard]] Response handle(const Request& request);

  // The `reload` command done on this thread (loading included): reload_response() of
  // ScheduleReloader::reload().
  [[nodiscard]] Response reload();

  // The answer to `reload` for a reload's outcome (applied or rejected): cheap, loop thread.
  [[nodiscard]] Response reload_response(const ScheduleReloader::Outcome& outcome) const;

  // The local-time text `status` uses: "2026-11-30T06:30:00+07:00".
  [[nodiscard]] std::string local_text(content::TimePoint instant) const;

 private:
  Response status();
  Response play(const Request& request, Priority priority);
  Response stop(const Request& request);
  Response skip(const Request& request);
  Response live(const Request& request);

  // The zones a request names from argument `first` on (every zone when none), or the ACK for
  // an unknown one in `refusal`.
  std::vector<std::string> zones_of(const Request& request, std::size_t first,
                                    std::optional<Response>& refusal) const;

  Engine& m_engine;
  ScheduleReloader& m_programme;
  const content::Clock& m_clock;
  const DeviceOutputs* m_devices;
  std::uint64_t m_sequence = 0;  // tells apart operator plays within one second
};

}  // namespace tinxa::broadcast
