#include "content/time/TimeZone.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <stdexcept>
#include <string_view>
#include <system_error>
#include <utility>

#include <fmt/core.h>

#include "content/time/TimeError.hpp"

namespace tinxa::content {
namespace {

using std::chrono::seconds;

constexpr std::time_t kOneDay = 24 * 60 * 60;

// Guards the process's TZ variable and the C library's zone state it selects.
std::mutex g_zone_mutex;

// Why `name` cannot name a zone file, or an empty string if it can.
std::string_view malformation(std::string_view name) {
  if (name.empty()) {
    return "the name is empty";
  }
  if (name.front() == '/') {
    return "the name is an absolute path";
  }
  const auto allowed = [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '+' || c == '-' || c == '/';
  };
  if (!std::all_of(name.begin(), name.end(), allowed)) {
    return "the name has a character other than A-Z, a-z, 0-9, '_', '+', '-' and '/'";
  }
  if (name.back() == '/' || name.find("//") != std::string_view::npos) {
    return "the name has an empty component";
  }
  return {};
}

bool is_tzif_file(const std::filesystem::path& path) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) {
    return false;
  }
  std::ifstream file{path, std::ios::binary};
  std::array<char, 4> magic{};
  file.read(magic.data(), magic.size());
  return file && std::string_view{magic.data(), magic.size()} == "TZif";
}

// Points the C library at `tz_value`. Caller holds g_zone_mutex.
void activate(const std::string& tz_value) {
  const char* current = std::getenv("TZ");
  if (current != nullptr && tz_value == current) {
    return;
  }
  if (::setenv("TZ", tz_value.c_str(), 1) != 0) {
    throw TimeError(
        fmt::format("cannot set TZ={}: {}", tz_value, std::generic_category().message(errno)));
  }
  ::tzset();
}

// localtime_r at `t`. Caller holds g_zone_mutex with the zone active.
std::tm broken_down(std::time_t t, const std::string& zone) {
  std::tm fields{};
  if (::localtime_r(&t, &fields) == nullptr) {
    throw TimeError(fmt::format("time zone {}: cannot convert Unix time {}", zone, t));
  }
  return fields;
}

std::time_t offset_at(std::time_t t, const std::string& zone) {
  return broken_down(t, zone).tm_gmtoff;
}

}  // namespace

TimeZone::TimeZone(std::string name, std::string tz_value)
    : m_name{std::move(name)}, m_tz_value{std::move(tz_value)} {}

TimeZone TimeZone::load(std::string name) {
  if (const auto problem = malformation(name); !problem.empty()) {
    throw TimeError(fmt::format("invalid time zone name '{}': {}", name, problem));
  }
  const auto path = std::filesystem::path{kZoneInfoDir} / name;
  if (!is_tzif_file(path)) {
    throw TimeError(
        fmt::format("unknown time zone '{}': {} is not a zone file (expected an IANA name such as "
                    "Asia/Ho_Chi_Minh; is the tzdata package installed?)",
                    name, path.string()));
  }
  auto tz_value = ":" + path.string();
  return TimeZone{std::move(name), std::move(tz_value)};
}

LocalDateTime TimeZone::to_local(TimePoint instant) const {
  const auto t = std::chrono::system_clock::to_time_t(std::chrono::floor<seconds>(instant));
  std::tm fields{};
  {
    const std::lock_guard lock{g_zone_mutex};
    activate(m_tz_value);
    fields = broken_down(t, m_name);
  }
  const std::chrono::year_month_day date{
      std::chrono::year{fields.tm_year + 1900},
      std::chrono::month{static_cast<unsigned>(fields.tm_mon + 1)},
      std::chrono::day{static_cast<unsigned>(fields.tm_mday)}};
  const auto time_of_day = std::chrono::hours{fields.tm_hour} +
                           std::chrono::minutes{fields.tm_min} + seconds{fields.tm_sec};
  return {date, time_of_day};
}

std::chrono::year_month_day TimeZone::local_date(TimePoint instant) const {
  return to_local(instant).date;
}

seconds TimeZone::utc_offset(TimePoint instant) const {
  const auto t = std::chrono::system_clock::to_time_t(std::chrono::floor<seconds>(instant));
  const std::lock_guard lock{g_zone_mutex};
  activate(m_tz_value);
  return seconds{offset_at(t, m_name)};
}

TimePoint TimeZone::from_local(const LocalDateTime& local) const {
  if (!local.date.ok()) {
    throw std::invalid_argument(fmt::format("time zone {}: not a valid date", m_name));
  }
  if (local.time_of_day < seconds{0} || local.time_of_day >= std::chrono::days{1}) {
    throw std::invalid_argument(fmt::format("time zone {}: time of day {}s is outside [0, 86400)",
                                            m_name, local.time_of_day.count()));
  }
  // The reading's fields counted as if they were UTC; the instant is `wall - offset`, for
  // whichever offset (before or after a nearby transition) is in force at that instant.
  const std::time_t wall =
      std::chrono::system_clock::to_time_t(std::chrono::sys_days{local.date} + local.time_of_day);

  const std::lock_guard lock{g_zone_mutex};
  activate(m_tz_value);
  const auto before = wall - offset_at(wall - kOneDay, m_name);
  const auto after = wall - offset_at(wall + kOneDay, m_name);
  const auto reads_wall = [&](std::time_t t) { return t + offset_at(t, m_name) == wall; };
  const bool before_fits = reads_wall(before);
  const bool after_fits = reads_wall(after);

  std::time_t instant = before;  // a gap: neither fits; the pre-transition offset moves forward
  if (before_fits && after_fits) {
    instant = std::min(before, after);
  } else if (after_fits) {
    instant = after;
  }
  return std::chrono::system_clock::from_time_t(instant);
}

TimePoint TimeZone::start_of_day(std::chrono::year_month_day day) const {
  return from_local({day, seconds{0}});
}

}  // namespace tinxa::content
