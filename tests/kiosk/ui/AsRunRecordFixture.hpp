#pragma once

// An as-run record of a played (or otherwise ended) announcement, for the hear-again tests.

#include "content/store/AsRunLog.hpp"

#include <chrono>
#include <string>
#include <utility>
#include <vector>

namespace tinxa::kiosk::test {

inline content::AsRunRecord as_run_record(
    const std::string& key, const std::string& item, content::TimePoint start,
    std::vector<std::string> zones, content::AsRunOutcome outcome = content::AsRunOutcome::played) {
  content::AsRunRecord r;
  r.occurrence_key = key;
  r.slot_id = key;
  r.item_id = item;
  r.item_title = item;
  r.priority = "normal";
  r.zones = std::move(zones);
  r.scheduled = start;
  r.started = start;
  r.ended = start + std::chrono::minutes{2};
  r.outcome = outcome;
  return r;
}

}  // namespace tinxa::kiosk::test
