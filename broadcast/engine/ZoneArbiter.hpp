#pragma once

// Who has each loudspeaker zone: the priority rules of Thông tư 39/2020/TT-BTTTT as a pure state
// machine. The engine tells it what wants to play and what ended; it answers with what to start,
// suspend, resume, restart, queue or drop in which zone. No audio, no clock, no I/O: every rule is
// tested by feeding it events.
//
// The rules, per zone (zones are independent: separate amplifiers, separate audiences):
//  - A request plays only in the zones it names; every other zone stays as it is.
//  - A free zone starts the request at once.
//  - A higher class takes the zone from a lower one. The one interrupted is suspended and later
//    resumed or restarted (its slot's on_preempt), or dropped.
//  - A request of the same or a lower class than what holds the zone waits in that zone's queue,
//    in order of class then arrival, and starts when the zone is free.
//  - When the holder ends, the most recent suspended request of the highest class returns first
//    (what was cut off finishes before what waited), then the queue, highest class first.
// Not thread-safe: owned and used by the engine's event-loop thread.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "broadcast/schedule/Schedule.hpp"

namespace tinxa::broadcast {

using RequestId = std::uint64_t;

struct PlayRequest {
  RequestId id = 0;  // unique, chosen by the engine
  Priority priority = Priority::normal;
  OnPreempt on_preempt = OnPreempt::resume;
  std::vector<std::string> zones;
};

struct ZoneDecision {
  enum class Kind {
    start,    // begin playing the request in the zone
    suspend,  // fade it out and keep its position (it will resume or restart)
    resume,   // continue from where it was suspended
    restart,  // play it again from the beginning
    drop,     // fade it out for good (preempted with on_preempt: drop)
    queue,    // it waits for the zone
  };
  Kind kind;
  RequestId request;
  std::string zone;

  friend bool operator==(const ZoneDecision&, const ZoneDecision&) = default;
};

class ZoneArbiter {
 public:
  // A new request; returns what changes in each of its zones.
  [[nodiscard]] std::vector<ZoneDecision> add(const PlayRequest& request);

  // The request that held `zone` ended there (played to its end, or failed); returns what plays
  // next in that zone. Ignored if `request` does not hold `zone`.
  [[nodiscard]] std::vector<ZoneDecision> finished(RequestId request, const std::string& zone);

  // The operator stopped `request` everywhere: it leaves every zone, holding, suspended or
  // queued; returns what plays next where it held the zone. (The engine fades it out itself.)
  [[nodiscard]] std::vector<ZoneDecision> cancel(RequestId request);

  // What holds `zone` now, if anything.
  [[nodiscard]] std::optional<RequestId> holder(const std::string& zone) const;
  // How many requests are suspended or queued in `zone`.
  [[nodiscard]] std::size_t waiting(const std::string& zone) const;

 private:
  struct Entry {
    PlayRequest request;
    std::uint64_t order = 0;  // arrival, to keep first-come order within a class
  };
  struct ZoneState {
    std::optional<Entry> holder;
    std::vector<Entry> suspended;  // most recent last
    std::vector<Entry> queued;
  };

  // Starts what should play next in a zone that just became free.
  void promote(const std::string& zone, ZoneState& state, std::vector<ZoneDecision>& out);

  std::map<std::string, ZoneState> m_zones;
  std::uint64_t m_arrivals = 0;
};

}  // namespace tinxa::broadcast
