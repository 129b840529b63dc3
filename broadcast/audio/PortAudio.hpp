#pragma once

// The one wrapper over the PortAudio library itself (Pa_Initialize/Pa_Terminate, device list).
// Nothing outside broadcast/audio includes <portaudio.h>.
//
// Environment: Debian's PortAudio loads libjack; set JACK_NO_START_SERVER=1 in the process before
// the first session, or libjack may try to spawn a jackd. Threading: control thread.

#include <string>
#include <vector>

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
// that exist when nothing matches.
[[nodiscard]] int find_output_device(const std::string& name);

}  // namespace tinxa::broadcast
