#pragma once

// What may still play in a zone whose output device was gone when it fell due (the rule is in
// config/README.md, "A lost device"):
//  - The engine logs such an item device_failure in that zone at its start, with the reason,
//    and hands it here (Engine::take_device_misses()).
//  - If the device returns within broadcast.yaml's catch_up_grace of the item's scheduled start,
//    the item plays in that zone at once, from its beginning (the same rule as catch-up after a
//    restart); a relay plays only what is left of its slot window and ends on its slot's end.
//  - Otherwise it stays device_failure. Never twice: an item is started late at most once per
//    zone, only if it had not sounded there before (not a resume), and operator commands
//    (play, alert, live) are not replayed: the operator sees the device state and decides.
//
// Threading: the event loop's thread only.

#include <chrono>
#include <string>
#include <vector>

#include "broadcast/engine/Engine.hpp"
#include "content/time/Clock.hpp"

namespace tinxa::broadcast {

class DeviceCatchUp {
 public:
  struct Started {
    std::string zone;
    std::string occurrence_key;
  };

  // `engine` and `clock` must outlive this.
  DeviceCatchUp(Engine& engine, const content::Clock& clock, std::chrono::milliseconds grace)
      : m_engine{engine}, m_clock{clock}, m_grace{grace} {}

  // Takes the engine's new misses and forgets those past the grace. Call every loop turn.
  void collect();

  // `zones` have a device again: plays what is still within the grace there. Returns what
  // started (for the journal). Throws what the as-run log throws.
  std::vector<Started> returned(const std::vector<std::string>& zones);

  [[nodiscard]] std::size_t waiting() const noexcept { return m_waiting.size(); }

 private:
  Engine& m_engine;
  const content::Clock& m_clock;
  std::chrono::milliseconds m_grace;
  std::vector<Occurrence> m_waiting;  // one zone each
};

}  // namespace tinxa::broadcast
