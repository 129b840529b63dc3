#pragma once

// Where things happened on the engine tests' virtual timeline, counted from kOrigin: the frame of
// a moment, the millisecond of an as-run record's time, and the as-run records of each slot.

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "content/store/AsRunLog.hpp"
#include "tests/broadcast/engine/EngineDriver.hpp"
#include "tests/broadcast/engine/EngineFixture.hpp"

namespace tinxa::broadcast::test {

// The frame (at kRate) that sounds `after_origin` after kOrigin.
inline std::int64_t frame(std::chrono::milliseconds after_origin) {
  return EngineDriver::frame(kOrigin + after_origin);
}

// Milliseconds from kOrigin to `t`; the test fails when the record has no such time.
inline std::int64_t ms_of(std::optional<content::TimePoint> t) {
  REQUIRE(t);
  return std::chrono::duration_cast<std::chrono::milliseconds>(*t - kOrigin).count();
}

// The records of the hour around kOrigin, by slot, each slot's in the order they were written.
inline std::map<std::string, std::vector<content::AsRunRecord>> by_slot(content::AsRunLog& log) {
  using std::chrono_literals::operator""h;
  std::map<std::string, std::vector<content::AsRunRecord>> out;
  for (auto& r : log.between(kOrigin - 1h, kOrigin + 1h)) out[r.slot_id].push_back(r);
  for (auto& [slot, records] : out)
    std::sort(
        records.begin(), records.end(),
        [](const content::AsRunRecord& a, const content::AsRunRecord& b) { return a.id < b.id; });
  return out;
}

}  // namespace tinxa::broadcast::test
