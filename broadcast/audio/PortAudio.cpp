#include "broadcast/audio/PortAudio.hpp"

#include <algorithm>
#include <cctype>
#include <string>

#include <portaudio.h>

#include "broadcast/audio/AudioError.hpp"

namespace tinxa::broadcast {
namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

}  // namespace

PortAudioSession::PortAudioSession() {
  if (const PaError error = Pa_Initialize(); error != paNoError) {
    throw AudioError(std::string{"cannot initialise PortAudio: "} + Pa_GetErrorText(error), error);
  }
}

PortAudioSession::~PortAudioSession() { Pa_Terminate(); }

std::vector<OutputDevice> list_output_devices() {
  std::vector<OutputDevice> devices;
  const PaDeviceIndex count = Pa_GetDeviceCount();
  const PaDeviceIndex default_device = Pa_GetDefaultOutputDevice();
  for (PaDeviceIndex i = 0; i < count; ++i) {
    const PaDeviceInfo* info = Pa_GetDeviceInfo(i);
    if (info == nullptr || info->maxOutputChannels <= 0) {
      continue;
    }
    const PaHostApiInfo* host = Pa_GetHostApiInfo(info->hostApi);
    devices.push_back({info->name, host != nullptr ? host->name : "", info->maxOutputChannels,
                       info->defaultSampleRate, i == default_device});
  }
  return devices;
}

int find_output_device(const std::string& name) {
  const PaDeviceIndex count = Pa_GetDeviceCount();
  for (PaDeviceIndex i = 0; i < count; ++i) {
    const PaDeviceInfo* info = Pa_GetDeviceInfo(i);
    if (info != nullptr && info->maxOutputChannels > 0 && name == info->name) {
      return i;
    }
  }
  const std::string wanted = lower(name);
  for (PaDeviceIndex i = 0; i < count; ++i) {
    const PaDeviceInfo* info = Pa_GetDeviceInfo(i);
    const PaHostApiInfo* host = info != nullptr ? Pa_GetHostApiInfo(info->hostApi) : nullptr;
    if (info == nullptr || host == nullptr || info->maxOutputChannels <= 0) {
      continue;
    }
    if (lower(std::string{host->name} + ": " + info->name).find(wanted) != std::string::npos) {
      return i;
    }
  }
  if (wanted == "default" && Pa_GetDefaultOutputDevice() != paNoDevice) {
    return Pa_GetDefaultOutputDevice();
  }
  std::string known;
  for (const auto& device : list_output_devices()) {
    known += (known.empty() ? "'" : ", '") + device.name + "'";
  }
  throw AudioError(
      "no output device named '" + name + "'; the devices are: " + (known.empty() ? "none" : known),
      paInvalidDevice);
}

}  // namespace tinxa::broadcast
