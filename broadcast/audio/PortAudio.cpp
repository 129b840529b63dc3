#include "broadcast/audio/PortAudio.hpp"

#include <algorithm>
#include <cctype>
#include <string>
#include <type_traits>

#include <portaudio.h>

#include "broadcast/audio/AudioError.hpp"

namespace tinxa::broadcast {
namespace {

static_assert(std::is_same_v<StreamCallback, PaStreamCallback>);

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

bool has_channels(const PaDeviceInfo& info, StreamDirection direction) {
  return (direction == StreamDirection::input ? info.maxInputChannels : info.maxOutputChannels) > 0;
}

// An exact device name first, then a case-insensitive substring of "HostApi: name", then
// "default"; among the devices with channels in `direction`.
int find_device(const std::string& name, StreamDirection direction) {
  const PaDeviceIndex count = Pa_GetDeviceCount();
  for (PaDeviceIndex i = 0; i < count; ++i) {
    const PaDeviceInfo* info = Pa_GetDeviceInfo(i);
    if (info != nullptr && has_channels(*info, direction) && name == info->name) {
      return i;
    }
  }
  const std::string wanted = lower(name);
  for (PaDeviceIndex i = 0; i < count; ++i) {
    const PaDeviceInfo* info = Pa_GetDeviceInfo(i);
    const PaHostApiInfo* host = info != nullptr ? Pa_GetHostApiInfo(info->hostApi) : nullptr;
    if (info == nullptr || host == nullptr || !has_channels(*info, direction)) {
      continue;
    }
    if (lower(std::string{host->name} + ": " + info->name).find(wanted) != std::string::npos) {
      return i;
    }
  }
  const bool input = direction == StreamDirection::input;
  const PaDeviceIndex default_device =
      input ? Pa_GetDefaultInputDevice() : Pa_GetDefaultOutputDevice();
  if (wanted == "default" && default_device != paNoDevice) {
    return default_device;
  }
  std::string known;
  if (input) {
    for (const auto& device : list_input_devices()) {
      known += (known.empty() ? "'" : ", '") + device + "'";
    }
  } else {
    for (const auto& device : list_output_devices()) {
      known += (known.empty() ? "'" : ", '") + device.name + "'";
    }
  }
  const std::string quoted = "'" + name + "'";
  throw AudioError((input ? "không có thiết bị vào tên " : "không có thiết bị ra tên ") + quoted +
                       (input ? " / no input device named " : " / no output device named ") +
                       quoted + "; thiết bị " + (input ? "vào" : "ra") + " hiện có / the " +
                       (input ? "input " : "") +
                       "devices are: " + (known.empty() ? "không có / none" : known),
                   paInvalidDevice);
}

}  // namespace

PortAudioSession::PortAudioSession() {
  if (const PaError error = Pa_Initialize(); error != paNoError) {
    throw AudioError(std::string{"không khởi động được PortAudio / cannot initialise PortAudio: "} +
                         Pa_GetErrorText(error),
                     error);
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
  return find_device(name, StreamDirection::output);
}

std::vector<std::string> list_input_devices() {
  std::vector<std::string> devices;
  const PaDeviceIndex count = Pa_GetDeviceCount();
  for (PaDeviceIndex i = 0; i < count; ++i) {
    const PaDeviceInfo* info = Pa_GetDeviceInfo(i);
    if (info != nullptr && info->maxInputChannels > 0) {
      devices.emplace_back(info->name);
    }
  }
  return devices;
}

int find_input_device(const std::string& name) { return find_device(name, StreamDirection::input); }

OpenedStream open_stream(StreamDirection direction, const std::string& device, int sample_rate_hz,
                         std::size_t channels, double latency_seconds, StreamCallback* callback,
                         void* user_data) {
  const bool input = direction == StreamDirection::input;
  const int index = find_device(device, direction);
  const PaDeviceInfo* info = Pa_GetDeviceInfo(index);
  PaStreamParameters parameters{};
  parameters.device = index;
  parameters.channelCount = static_cast<int>(channels);
  parameters.sampleFormat = paFloat32;
  parameters.suggestedLatency = latency_seconds > 0.0 ? latency_seconds
                                                      : (input ? info->defaultLowInputLatency
                                                               : info->defaultLowOutputLatency);
  PaStream* stream = nullptr;
  if (const PaError error = Pa_OpenStream(
          &stream, input ? &parameters : nullptr, input ? nullptr : &parameters, sample_rate_hz,
          paFramesPerBufferUnspecified, paNoFlag, callback, user_data);
      error != paNoError) {
    const std::string what =
        "'" + device + "' " + std::to_string(sample_rate_hz) + " Hz, " + std::to_string(channels);
    throw AudioError((input ? "không mở được thiết bị vào " : "không mở được thiết bị ra ") + what +
                         " kênh / cannot open " + (input ? "input" : "output") + " device " + what +
                         " channels: " + Pa_GetErrorText(error),
                     error);
  }
  return {stream, index};
}

}  // namespace tinxa::broadcast
