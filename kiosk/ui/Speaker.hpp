#pragma once

#include <chrono>
#include <filesystem>
#include <string>

namespace tinxa::kiosk::ui {

// What the "Nghe" (listen) controls ask of the kiosk's audio output. The SDL implementation lives
// in kiosk/audio/; tests use a recording one. One sound at a time: play() replaces whatever was
// playing. UI thread only; never blocks.
class Speaker {
 public:
  enum class State { stopped, playing, paused };

  Speaker() = default;
  Speaker(const Speaker&) = delete;
  Speaker& operator=(const Speaker&) = delete;
  virtual ~Speaker() = default;

  // Starts `file` from its beginning. `subject` names what is heard (a page id, "question:<id>",
  // "broadcast:<key>") for the anonymous listen counts. Returns false, and stays stopped, when the
  // file cannot be opened or decoded.
  virtual bool play(const std::filesystem::path& file, const std::string& subject) = 0;
  virtual void pause() = 0;
  virtual void resume() = 0;
  virtual void stop() = 0;
  // 0.0 (silent) to 1.0 (full).
  virtual void set_volume(float volume) = 0;
  [[nodiscard]] virtual float volume() const = 0;
  // Becomes stopped by itself once the sound has played to its end.
  [[nodiscard]] virtual State state() const = 0;
  // What play() was last given; empty when stopped.
  [[nodiscard]] virtual std::string subject() const = 0;

  // False when there is no sound output (no device could be opened): the controls then say that
  // listening is unavailable instead of offering a button that does nothing.
  [[nodiscard]] virtual bool available() const { return true; }
  // How far the current sound has played, and its whole length (zero when unknown or stopped).
  [[nodiscard]] virtual std::chrono::milliseconds position() const { return {}; }
  [[nodiscard]] virtual std::chrono::milliseconds duration() const { return {}; }
};

}  // namespace tinxa::kiosk::ui
