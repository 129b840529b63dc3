#pragma once

#include "kiosk/audio/SampleRing.hpp"
#include "kiosk/ui/Speaker.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace tinxa::kiosk::audio {

// The kiosk's "Nghe" output: one sound at a time on SDL's default audio device.
//
// A decoder thread reads the file (content::SoundFile, libsndfile), maps its channels to the
// device's, resamples it to the device rate (libsamplerate) and writes float samples into a
// lock-free ring; SDL's audio callback only copies from the ring, applies the volume (ramped over
// about 10 ms, so a change never clicks) and counts frames: it never allocates, locks or blocks.
// play(), pause(), resume() and stop() are called on the UI thread; they wait at most for the
// decoder to finish one chunk (about 20 ms of audio).
//
// When SDL's audio cannot start or no device opens (a machine with no sound card, CI), the
// speaker is unavailable: available() is false, reason() says why, and play() returns false.
// Needs SDL (the audio subsystem is started and stopped here, reference-counted by SDL); create
// and destroy it on the main thread while SDL is up.
class SdlSpeaker final : public ui::Speaker {
 public:
  struct Options {
    int sample_rate_hz = 48000;  // asked for; the device may choose another
    int channels = 2;            // asked for; the device may choose another
    int buffer_frames = 1024;    // per callback
    std::chrono::milliseconds ring{500};
    float volume = 0.8f;
  };

  SdlSpeaker();
  explicit SdlSpeaker(Options options);
  ~SdlSpeaker() override;

  bool play(const std::filesystem::path& file, const std::string& subject) override;
  void pause() override;
  void resume() override;
  void stop() override;
  void set_volume(float volume) override;
  [[nodiscard]] float volume() const override { return m_volume; }
  [[nodiscard]] State state() const override;
  [[nodiscard]] std::string subject() const override;
  [[nodiscard]] bool available() const override { return m_device != 0; }
  [[nodiscard]] std::chrono::milliseconds position() const override;
  [[nodiscard]] std::chrono::milliseconds duration() const override;

  // Why the speaker is unavailable (SDL's message); empty when available.
  [[nodiscard]] const std::string& reason() const noexcept { return m_reason; }
  // The opened device's format (0 when unavailable).
  [[nodiscard]] int device_rate_hz() const noexcept { return m_rate; }
  [[nodiscard]] int device_channels() const noexcept { return m_channels; }
  // The last decoding error of the current or last sound (the file was cut short); empty if none.
  [[nodiscard]] std::string last_error() const;

 private:
  struct Job;

  static void callback(void* self, std::uint8_t* stream, int length) noexcept;
  void fill(float* out, std::size_t samples) noexcept;
  void decode_loop();
  // Decodes one chunk of `job` into the ring, or finishes it; returns the samples written (more
  // than 0 whenever it made progress). Called with m_mutex held.
  std::size_t produce(Job& job);
  // Stops the device and the decoder and empties the ring; the caller holds m_mutex.
  void halt_locked();

  Options m_options;
  std::string m_reason;
  bool m_subsystem = false;
  std::uint32_t m_device = 0;
  int m_rate = 0;
  int m_channels = 0;
  State m_state = State::stopped;
  std::string m_subject;
  float m_volume;
  std::chrono::milliseconds m_duration{0};

  std::unique_ptr<SampleRing> m_ring;
  // Shared with the callback.
  std::atomic<float> m_target_gain{0.0f};
  std::atomic<bool> m_source_done{false};
  std::atomic<bool> m_drained{false};
  std::atomic<std::uint64_t> m_played{0};  // frames output of the current sound
  float m_gain = 0.0f;                     // callback only

  // Shared with the decoder thread, under m_mutex.
  mutable std::mutex m_mutex;
  std::condition_variable m_wake;
  std::unique_ptr<Job> m_job;
  std::string m_error;
  bool m_quit = false;
  std::thread m_decoder;
};

}  // namespace tinxa::kiosk::audio
