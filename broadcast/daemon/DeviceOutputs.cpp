#include "broadcast/daemon/DeviceOutputs.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <exception>

namespace tinxa::broadcast {

DeviceOutputs::DeviceOutputs(Engine& engine, int sample_rate_hz, SinkFactory make_sink,
                             std::chrono::milliseconds retry, OffAirRecorder* recorder)
    : m_engine{engine}, m_sample_rate_hz{sample_rate_hz}, m_retry{retry} {
  for (const auto& output : engine.outputs()) {
    const Zone& zone = output->zone();
    auto it = std::find_if(m_devices.begin(), m_devices.end(),
                           [&](const Device& d) { return d.name == zone.device; });
    if (it == m_devices.end()) {
      Device device;
      device.name = zone.device;
      device.router = std::make_unique<DeviceRouter>();
      device.sink = make_sink(zone.device);
      m_devices.push_back(std::move(device));
      it = std::prev(m_devices.end());
    }
    it->zones.push_back(zone.id);
    OffAirTap* tap = recorder != nullptr ? recorder->tap(zone.id) : nullptr;
    if (tap != nullptr) it->taps.push_back(tap);
    it->router->add_zone(output->mixer(), zone.channels, tap);
  }
}

DeviceOutputs::~DeviceOutputs() { close_all(); }

void DeviceOutputs::close_all() noexcept {
  for (auto& device : m_devices) {
    attach(device, nullptr);
    device.sink->close();
    for (auto* tap : device.taps) tap->flush();
    device.open = false;
    device.retry_at = SteadyTime::max();
  }
}

void DeviceOutputs::set_offline(const Device& device, const std::optional<std::string>& why) {
  for (const auto& zone : device.zones) m_engine.set_zone_offline(zone, why);
}

void DeviceOutputs::attach(Device& device, AudioSink* sink) {
  for (const auto& zone : device.zones)
    if (ZoneOutput* output = m_engine.output(zone)) output->attach(sink);
}

DeviceOutputs::Event DeviceOutputs::open(Device& device, SteadyTime now, Event::Kind success) {
  Event event{success, device.name, device.zones, {}};
  try {
    if (device.lost_at) {
      // The recordings skip the outage so far less what earlier attempts skipped (the producer
      // is stopped here): over failed retries the skips add up to the whole outage, once.
      const auto gone = std::chrono::duration<double>(now - *device.lost_at).count();
      const auto frames = static_cast<std::int64_t>(std::llround(gone * m_sample_rate_hz));
      for (auto* tap : device.taps) tap->skip(frames - device.skipped_frames);
      device.skipped_frames = frames;
    }
    device.sink->open(device.name, m_sample_rate_hz, device.router->channels(), *device.router);
    try {
      device.sink->start();
    } catch (...) {
      device.sink->close();
      throw;
    }
    device.open = true;
    device.error.clear();
    device.lost_at.reset();
    device.skipped_frames = 0;
    attach(device, device.sink.get());
    set_offline(device, std::nullopt);
  } catch (const std::exception& e) {
    if (!device.lost_at) {  // a device that never opened: its outage starts now
      device.lost_at = now;
      device.skipped_frames = 0;
    }
    device.open = false;
    device.error = e.what();
    device.retry_at = now + m_retry;
    event.kind = Event::Kind::failed_to_open;
    event.message = e.what();
    set_offline(device, device.error);
  }
  return event;
}

std::vector<DeviceOutputs::Event> DeviceOutputs::open_all(SteadyTime now) {
  std::vector<Event> events;
  for (auto& device : m_devices)
    if (!device.open) events.push_back(open(device, now, Event::Kind::opened));
  return events;
}

std::vector<DeviceOutputs::Event> DeviceOutputs::check(SteadyTime now) {
  std::vector<Event> events;
  for (auto& device : m_devices) {
    if (device.open) {
      const auto fault = device.sink->poll_fault();
      if (!fault) continue;
      // Offline first: what waited in a zone must not start on the lost device either.
      set_offline(device, "mất thiết bị ra / output device lost: " + fault->message);
      for (const auto& zone : device.zones)
        m_engine.end_in_zone(zone, content::AsRunOutcome::device_failure,
                             "mất thiết bị ra / output device lost: " + fault->message);
      attach(device, nullptr);
      device.sink->close();
      for (auto* tap : device.taps) tap->flush();
      device.open = false;
      device.error = fault->message;
      device.retry_at = now + m_retry;
      device.lost_at = now;
      device.skipped_frames = 0;
      events.push_back({Event::Kind::lost, device.name, device.zones, fault->message});
    } else if (now >= device.retry_at) {
      auto event = open(device, now, Event::Kind::returned);
      // A device that is still missing is reported once, when it was lost or first refused.
      if (event.kind == Event::Kind::returned) events.push_back(std::move(event));
    }
  }
  return events;
}

std::vector<DeviceOutputs::DeviceState> DeviceOutputs::states() const {
  std::vector<DeviceState> out;
  for (const auto& d : m_devices) out.push_back({d.name, d.zones, d.open, d.error});
  return out;
}

bool DeviceOutputs::all_open() const noexcept {
  return std::all_of(m_devices.begin(), m_devices.end(), [](const Device& d) { return d.open; });
}

AudioSink* DeviceOutputs::sink(const std::string& device) noexcept {
  for (auto& d : m_devices)
    if (d.name == device) return d.sink.get();
  return nullptr;
}

}  // namespace tinxa::broadcast
