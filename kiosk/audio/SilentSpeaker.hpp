#pragma once

#include "kiosk/ui/Speaker.hpp"

#include <system_error>

namespace tinxa::kiosk::audio {

// A speaker that plays nothing but behaves like one that does (until stop()): the screenshot
// tour uses it, so its pictures do not depend on the machine having a sound card; the kiosk tests'
// RecordingSpeaker builds on it. UI thread only.
class SilentSpeaker : public ui::Speaker {
 public:
  bool play(const std::filesystem::path& file, const std::string& subject) override {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) return false;
    m_state = State::playing;
    m_subject = subject;
    return true;
  }
  void pause() override {
    if (m_state == State::playing) m_state = State::paused;
  }
  void resume() override {
    if (m_state == State::paused) m_state = State::playing;
  }
  void stop() override {
    m_state = State::stopped;
    m_subject.clear();
  }
  void set_volume(float volume) override { m_volume = volume < 0 ? 0 : volume > 1 ? 1 : volume; }
  [[nodiscard]] float volume() const override { return m_volume; }
  [[nodiscard]] State state() const override { return m_state; }
  [[nodiscard]] std::string subject() const override { return m_subject; }

 private:
  State m_state = State::stopped;
  std::string m_subject;
  float m_volume = 0.8f;
};

}  // namespace tinxa::kiosk::audio
