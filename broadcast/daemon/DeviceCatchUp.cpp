#include "broadcast/daemon/DeviceCatchUp.hpp"

#include <algorithm>

namespace tinxa::broadcast {

namespace {

bool from_operator(const Occurrence& o) {
  return o.slot_id == "live" || o.slot_id.rfind("operator-", 0) == 0;
}

bool same(const Occurrence& a, const Occurrence& b) { return a.key == b.key && a.zones == b.zones; }

}  // namespace

void DeviceCatchUp::collect() {
  for (auto& miss : m_engine.take_device_misses()) {
    if (miss.had_played || from_operator(miss.occurrence)) continue;
    if (std::any_of(m_waiting.begin(), m_waiting.end(),
                    [&](const Occurrence& o) { return same(o, miss.occurrence); }))
      continue;
    m_waiting.push_back(std::move(miss.occurrence));
  }
  const auto now = m_clock.now();
  std::erase_if(m_waiting, [&](const Occurrence& o) { return now - o.start > m_grace; });
}

std::vector<DeviceCatchUp::Started> DeviceCatchUp::returned(const std::vector<std::string>& zones) {
  collect();
  std::vector<Started> started;
  const auto now = m_clock.now();
  std::vector<Occurrence> due;
  std::erase_if(m_waiting, [&](const Occurrence& o) {
    if (std::find(zones.begin(), zones.end(), o.zones.front()) == zones.end()) return false;
    due.push_back(o);
    return true;
  });
  for (auto& o : due) {
    if (o.play.kind == PlayKind::relay) {
      // Only what is left of the slot window, ending on the slot's end.
      const auto left =
          std::chrono::floor<std::chrono::milliseconds>(o.start + o.play.length - now);
      if (left <= std::chrono::milliseconds::zero()) continue;
      o.play.length = left;
    }
    Started s{o.zones.front(), o.key};
    if (m_engine.play_late(std::move(o)) != 0) started.push_back(std::move(s));
  }
  return started;
}

}  // namespace tinxa::broadcast
