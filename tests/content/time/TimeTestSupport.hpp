#pragma once

// Short ways to write days, times of day and UTC instants in the time tests, and Catch printers
// for the chrono types libstdc++ 12 cannot stream.

#include <chrono>
#include <string>

#include <fmt/core.h>
#include <catch2/catch.hpp>

#include "content/time/Clock.hpp"
#include "content/time/Date.hpp"
#include "content/time/LocalDateTime.hpp"

namespace tinxa::content::test {

constexpr std::chrono::year_month_day ymd(int year, unsigned month, unsigned day) {
  return {std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
}

constexpr std::chrono::seconds hms(int hours, int minutes, int seconds) {
  return std::chrono::hours{hours} + std::chrono::minutes{minutes} + std::chrono::seconds{seconds};
}

// The instant at which a UTC clock reads `day` `time_of_day`.
constexpr TimePoint utc(std::chrono::year_month_day day, std::chrono::seconds time_of_day) {
  return std::chrono::sys_days{day} + time_of_day;
}

inline std::string describe(std::chrono::year_month_day day) {
  return day.ok() ? format_iso(day) : std::string{"(invalid day)"};
}

inline std::string describe(std::chrono::seconds time_of_day) {
  const auto s = time_of_day.count();
  return fmt::format("{:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60);
}

}  // namespace tinxa::content::test

namespace Catch {

template <>
struct StringMaker<std::chrono::year_month_day> {
  static std::string convert(std::chrono::year_month_day day) {
    return tinxa::content::test::describe(day);
  }
};

template <>
struct StringMaker<tinxa::content::LocalDateTime> {
  static std::string convert(const tinxa::content::LocalDateTime& local) {
    using tinxa::content::test::describe;
    return describe(local.date) + " " + describe(local.time_of_day);
  }
};

template <>
struct StringMaker<tinxa::content::TimePoint> {
  static std::string convert(tinxa::content::TimePoint instant) {
    using tinxa::content::test::describe;
    const auto seconds = std::chrono::floor<std::chrono::seconds>(instant);
    const auto day = std::chrono::floor<std::chrono::days>(seconds);
    return describe(std::chrono::year_month_day{day}) + "T" + describe(seconds - day) + "Z";
  }
};

}  // namespace Catch
