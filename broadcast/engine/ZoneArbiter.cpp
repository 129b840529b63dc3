#include "broadcast/engine/ZoneArbiter.hpp"

#include <algorithm>

namespace tinxa::broadcast {

namespace {

using Kind = ZoneDecision::Kind;

bool outranks(Priority a, Priority b) { return static_cast<int>(a) > static_cast<int>(b); }

}  // namespace

std::vector<ZoneDecision> ZoneArbiter::add(const PlayRequest& request) {
  std::vector<ZoneDecision> out;
  const Entry entry{request, ++m_arrivals};
  for (const auto& zone : request.zones) {
    ZoneState& state = m_zones[zone];
    if (!state.holder) {
      state.holder = entry;
      out.push_back({Kind::start, request.id, zone});
      continue;
    }
    if (!outranks(request.priority, state.holder->request.priority)) {
      state.queued.push_back(entry);
      out.push_back({Kind::queue, request.id, zone});
      continue;
    }
    Entry interrupted = *state.holder;
    if (interrupted.request.on_preempt == OnPreempt::drop) {
      out.push_back({Kind::drop, interrupted.request.id, zone});
    } else {
      out.push_back({Kind::suspend, interrupted.request.id, zone});
      state.suspended.push_back(interrupted);
    }
    state.holder = entry;
    out.push_back({Kind::start, request.id, zone});
  }
  return out;
}

std::vector<ZoneDecision> ZoneArbiter::finished(RequestId request, const std::string& zone) {
  std::vector<ZoneDecision> out;
  const auto it = m_zones.find(zone);
  if (it == m_zones.end() || !it->second.holder || it->second.holder->request.id != request)
    return out;
  it->second.holder.reset();
  promote(zone, it->second, out);
  return out;
}

std::vector<ZoneDecision> ZoneArbiter::cancel(RequestId request) {
  std::vector<ZoneDecision> out;
  for (auto& [zone, state] : m_zones) {
    const auto same = [request](const Entry& e) { return e.request.id == request; };
    std::erase_if(state.suspended, same);
    std::erase_if(state.queued, same);
    if (state.holder && state.holder->request.id == request) {
      state.holder.reset();
      promote(zone, state, out);
    }
  }
  return out;
}

void ZoneArbiter::promote(const std::string& zone, ZoneState& state,
                          std::vector<ZoneDecision>& out) {
  // The best waiting class, suspended ones winning ties over queued ones.
  const auto best_suspended = std::max_element(
      state.suspended.begin(), state.suspended.end(), [](const Entry& a, const Entry& b) {
        if (a.request.priority != b.request.priority)
          return outranks(b.request.priority, a.request.priority);
        return a.order < b.order;  // the most recently interrupted
      });
  const auto best_queued = std::min_element(
      state.queued.begin(), state.queued.end(), [](const Entry& a, const Entry& b) {
        if (a.request.priority != b.request.priority)
          return outranks(a.request.priority, b.request.priority);
        return a.order < b.order;  // first come
      });
  const bool take_suspended =
      best_suspended != state.suspended.end() &&
      (best_queued == state.queued.end() ||
       !outranks(best_queued->request.priority, best_suspended->request.priority));
  if (take_suspended) {
    state.holder = *best_suspended;
    state.suspended.erase(best_suspended);
    const Kind kind =
        state.holder->request.on_preempt == OnPreempt::restart ? Kind::restart : Kind::resume;
    out.push_back({kind, state.holder->request.id, zone});
  } else if (best_queued != state.queued.end()) {
    state.holder = *best_queued;
    state.queued.erase(best_queued);
    out.push_back({Kind::start, state.holder->request.id, zone});
  }
}

std::optional<RequestId> ZoneArbiter::holder(const std::string& zone) const {
  const auto it = m_zones.find(zone);
  if (it == m_zones.end() || !it->second.holder) return std::nullopt;
  return it->second.holder->request.id;
}

std::size_t ZoneArbiter::waiting(const std::string& zone) const {
  const auto it = m_zones.find(zone);
  return it == m_zones.end() ? 0 : it->second.suspended.size() + it->second.queued.size();
}

}  // namespace tinxa::broadcast
