#pragma once

// The one wrapper over the PortAudio library itself (Pa_Initialize/Pa_Terminate, device list).
// Nothing outside broadcast/audio includes <portaudio.h>.
//
// Environment: Debian's PortAudio loads libjack; set JACK_NO_START_SERVER=1 in the process before
// the first session, or libjack may try to spawn a jackd. Threading: control thread.

#include <cstddef>
#include <string>
#include <vector>

struct PaStreamCallbackTimeInfo;  // <portaudio.h>'s, for StreamCallback below

namespace tinxa::broadcast {

// While at least one session lives, PortAudio is initialised; sessions nest (PortAudio counts).
// Devices are enumerated when the first session starts: a device plugged in later is seen only
// after every session has ended and a new one began (what PortAudioSink does on reopen).
class PortAudioSession {
 public:
  // Throws AudioError with PortAudio's message if Pa_Initialize fails.
  PortAudioSession();
  PortAudioSession(const PortAudioSession&) = delete;
  PortAudioSession& operator=(const PortAudioSession&) = delete;
  ~PortAudioSession();
};

struct OutputDevice {
  std::string
      name;  // as PortAudio reports it, e.g. "zone1" or "HDA Intel PCH: ALC892 Analog (hw:0,0)"
  std::string host_api;  // "ALSA", "JACK Audio Connection Kit", "OSS"
  int max_channels = 0;
  double default_sample_rate_hz = 0.0;
  bool is_default = false;
};

// Every device with output channels. Needs a live session. Throws std::bad_alloc only.
[[nodiscard]] std::vector<OutputDevice> list_output_devices();

// The PortAudio index of `name`: an exact device name first, then a case-insensitive substring of
// "HostApi: name", then "default" for the default output. Throws AudioError listing the devices
// that exist when nothing matches. Every AudioError message here reads "<Vietnamese> / <English>",
// then PortAudio's own text (English) where there is one.
[[nodiscard]] int find_output_device(const std::string& name);

// Every device with input channels, as "name" strings. Needs a live session.
[[nodiscard]] std::vector<std::string> list_input_devices();

// find_output_device for the devices with input channels ("the input devices are: ...").
[[nodiscard]] int find_input_device(const std::string& name);

enum class StreamDirection { input, output };

// PortAudio's PaStreamCallback, spelled without <portaudio.h> (PortAudio.cpp checks they match).
using StreamCallback = int(const void* input, void* output, unsigned long frames,
                           const ::PaStreamCallbackTimeInfo* time, unsigned long status,
                           void* user_data);

struct OpenedStream {
  void* stream = nullptr;  // a PaStream*, opened and not started; the caller closes it
  int device = -1;         // its PortAudio device index
};

// Opens a stream of `channels` 32-bit float channels on `device` (found as find_input_device or
// find_output_device finds it) at `sample_rate_hz`, with `latency_seconds` as the suggested
// latency or, when <= 0, the device's default low latency; PortAudio calls `callback` with
// `user_data`. Needs a live session. Throws AudioError ("không mở được thiết bị vào 'x' 48000 Hz,
// 1 kênh / cannot open input device 'x' 48000 Hz, 1 channels: <PortAudio's text>") or what
// finding the device throws.
[[nodiscard]] OpenedStream open_stream(StreamDirection direction, const std::string& device,
                                       int sample_rate_hz, std::size_t channels,
                                       double latency_seconds, StreamCallback* callback,
                                       void* user_data);

}  // namespace tinxa::broadcast
