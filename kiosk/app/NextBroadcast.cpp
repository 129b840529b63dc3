#include "kiosk/app/NextBroadcast.hpp"

#include "broadcast/control/ControlClient.hpp"
#include "config/reader/Scalars.hpp"

#include <exception>

namespace tinxa::kiosk::app {

std::string next_broadcast_line(const broadcast::Response& status, content::TimePoint now,
                                const content::TimeZone& zone) {
  if (status.error) return {};
  std::string when;
  std::string title;
  for (const auto& [key, value] : status.fields) {
    if (key == "next") when = value;
    if (key == "next.title") title = value;
  }
  // "2026-11-30T06:00:00+07:00": the daemon writes the site's local time.
  if (when.size() < 16 || when[10] != 'T' || when[13] != ':') return {};
  const auto day = config::parse_iso_date(when.substr(0, 10));
  const auto time = config::parse_time_of_day(when.substr(11, 5));
  if (!day || !time) return {};
  std::string line = when.substr(11, 5);
  if (*day != zone.to_local(now).date) {
    line += " " + when.substr(8, 2) + "/" + when.substr(5, 2);
  }
  if (!title.empty()) line += " " + title;
  return line;
}

NextBroadcastPoller::NextBroadcastPoller(std::filesystem::path socket, const content::Clock& clock,
                                         const content::TimeZone& zone, std::function<void()> wake,
                                         std::chrono::milliseconds period)
    : m_socket(std::move(socket)),
      m_clock(clock),
      m_zone(zone),
      m_wake(std::move(wake)),
      m_period(period),
      m_thread([this] { run(); }) {}

NextBroadcastPoller::~NextBroadcastPoller() {
  {
    std::lock_guard lock(m_mutex);
    m_stop = true;
  }
  m_stop_cv.notify_all();
  m_thread.join();
}

std::string NextBroadcastPoller::latest() const {
  std::lock_guard lock(m_mutex);
  return m_line;
}

void NextBroadcastPoller::run() {
  while (true) {
    std::string line;
    try {
      auto client = broadcast::ControlClient::connect(m_socket, std::chrono::milliseconds{500});
      line = next_broadcast_line(client.send({"status", {}}), m_clock.now(), m_zone);
    } catch (const std::exception&) {
      line.clear();  // not running, not allowed, or slow: show nothing
    }
    bool changed = false;
    {
      std::unique_lock lock(m_mutex);
      changed = line != m_line;
      m_line = std::move(line);
    }
    if (changed && m_wake) m_wake();
    std::unique_lock lock(m_mutex);
    if (m_stop_cv.wait_for(lock, m_period, [this] { return m_stop; })) return;
  }
}

}  // namespace tinxa::kiosk::app
