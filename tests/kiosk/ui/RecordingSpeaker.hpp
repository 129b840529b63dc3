#pragma once

// A Speaker for tests: SilentSpeaker's behaviour (no sound; playing until stopped, paused and
// resumed) that remembers every file it was asked to play. A file that does not exist fails to
// play and leaves it stopped, as Speaker promises; a sound "ends" when the test calls finish().

#include "kiosk/audio/SilentSpeaker.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace tinxa::kiosk::test {

class RecordingSpeaker final : public audio::SilentSpeaker {
 public:
  bool play(const std::filesystem::path& file, const std::string& subject) override {
    plays.push_back(file);
    if (SilentSpeaker::play(file, subject)) return true;
    stop();
    return false;
  }
  [[nodiscard]] bool available() const override { return has_device; }
  // The sound played to its end.
  void finish() { stop(); }

  std::vector<std::filesystem::path> plays;  // every file play() was given, in order
  bool has_device = true;                    // false: a kiosk with no sound output
};

}  // namespace tinxa::kiosk::test
