#pragma once

// Durations in as-run details, written as in schedule.yaml. Pure; any thread.

#include <chrono>
#include <string>

#include <fmt/format.h>

namespace tinxa::broadcast {

// "1h30min", "20min", "2min5s", "2.5s": whole seconds from 10 s on.
inline std::string duration_text(std::chrono::milliseconds d) {
  const auto ms = d.count();
  if (ms < 10000 && ms % 1000 != 0) return fmt::format("{:.1f}s", static_cast<double>(ms) / 1000.0);
  const auto s = (ms + 500) / 1000;
  std::string out;
  if (s >= 3600) out += fmt::format("{}h", s / 3600);
  if (s % 3600 >= 60) out += fmt::format("{}min", s % 3600 / 60);
  if (s % 60 != 0 || out.empty()) out += fmt::format("{}s", s % 60);
  return out;
}

}  // namespace tinxa::broadcast
