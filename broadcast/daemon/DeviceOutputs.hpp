#pragma once

// The daemon's output devices: one sink (a PortAudio stream) per device named in the schedule's
// zones, open for the daemon's whole life, each rendering a DeviceRouter that mixes the device's
// zones into their channels. The sink keeps counting frames across a reopen, so every zone's
// mixer keeps one time base (AudioSink, "Frames").
//
// Device loss: check() asks every open sink for a fault (a stream error, or a stream that
// stalled). On a fault the device's zones are set offline in the engine (Engine::set_zone_offline:
// nothing starts there; what falls due, waits or would resume is logged device_failure, see
// DeviceCatchUp for what may still play when the device returns), they end what they were
// playing with outcome device_failure (Engine::end_in_zone), the sink is closed and detached,
// and the device is opened again every `retry` until it works; then its zones are online again.
// A device that does not open at start is offline the same way. Every such event is returned
// for the journal.
// Off-air: with a recorder, each recorded zone's frames are copied into its OffAirTap by the
// router; when a lost device returns, the taps skip the time it was gone (measured on the steady
// clock from the loss being seen to the open that works, counted once however many retries
// failed), so the recording keeps its place in time.
// PortAudio lists devices when its first session starts: a hot-plugged USB device is found
// again only once every device of the process has been closed (see PortAudioSink); a device
// behind an ALSA PCM (the jack plugin, a dmix) comes back as soon as it opens.
//
// Threading: the event loop's thread only. The sinks call the routers on their own threads.

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "broadcast/audio/AudioSink.hpp"
#include "broadcast/daemon/DeviceRouter.hpp"
#include "broadcast/daemon/OffAirRecorder.hpp"
#include "broadcast/engine/Engine.hpp"

namespace tinxa::broadcast {

class DeviceOutputs {
 public:
  using SinkFactory = std::function<std::unique_ptr<AudioSink>(const std::string& device)>;
  using SteadyTime = std::chrono::steady_clock::time_point;

  struct Event {
    enum class Kind { opened, failed_to_open, lost, returned };
    Kind kind = Kind::opened;
    std::string device;
    std::vector<std::string> zones;
    std::string message;  // the library's reason (failed_to_open, lost)
  };

  struct DeviceState {
    std::string device;
    std::vector<std::string> zones;
    bool open = false;
    std::string error;  // why it is not open; empty when open
  };

  // Groups `engine`'s zones by device (in zone order) and makes one router and one sink per
  // device with `make_sink`. Nothing is opened yet. `engine` and `recorder` (may be null: no
  // off-air recording) must outlive this.
  DeviceOutputs(Engine& engine, int sample_rate_hz, SinkFactory make_sink,
                std::chrono::milliseconds retry, OffAirRecorder* recorder = nullptr);
  DeviceOutputs(const DeviceOutputs&) = delete;
  DeviceOutputs& operator=(const DeviceOutputs&) = delete;
  // close_all().
  ~DeviceOutputs();

  // Detaches the zones, closes every sink and hands the off-air taps what they hold (the
  // recorder can then finish its files). Nothing reopens after this.
  void close_all() noexcept;

  // Opens and starts every device; one that fails is retried from check(). Never throws except
  // std::bad_alloc.
  std::vector<Event> open_all(SteadyTime now);

  // Looks for faults and reopens lost devices whose retry time has come. Never throws except
  // what the as-run log throws (content::SqliteError).
  std::vector<Event> check(SteadyTime now);

  [[nodiscard]] std::vector<DeviceState> states() const;
  [[nodiscard]] bool all_open() const noexcept;

  // The sink of `device` (tests pull pulled sinks through it); null if no zone uses it.
  [[nodiscard]] AudioSink* sink(const std::string& device) noexcept;

 private:
  struct Device {
    std::string name;
    std::vector<std::string> zones;
    std::unique_ptr<DeviceRouter> router;
    std::unique_ptr<AudioSink> sink;
    bool open = false;
    std::string error;
    SteadyTime retry_at{};
    std::optional<SteadyTime> lost_at;  // when the loss was seen, until it returns
    std::int64_t skipped_frames = 0;    // frames of this outage the taps have skipped already
    std::vector<OffAirTap*> taps;       // the recorded zones' taps
  };
  void set_offline(const Device& device, const std::optional<std::string>& why);

  // Opens and starts `device`, attaching its zones; the event says how it went.
  Event open(Device& device, SteadyTime now, Event::Kind success);
  void attach(Device& device, AudioSink* sink);

  Engine& m_engine;
  int m_sample_rate_hz;
  std::chrono::milliseconds m_retry;
  std::vector<Device> m_devices;
};

}  // namespace tinxa::broadcast
