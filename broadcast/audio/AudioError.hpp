#pragma once

#include <stdexcept>
#include <string>

namespace tinxa::broadcast {

// A failure of an audio library call (PortAudio, libsamplerate, libebur128, libsndfile writing),
// with the library's own error code kept. what() reads "<what was attempted>: <library message>".
class AudioError : public std::runtime_error {
 public:
  AudioError(const std::string& message, int code) : std::runtime_error{message}, m_code{code} {}

  // The library's native code (PaError, libsamplerate's error number, ...); 0 when none applies.
  [[nodiscard]] int code() const noexcept { return m_code; }

 private:
  int m_code;
};

}  // namespace tinxa::broadcast
