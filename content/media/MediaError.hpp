#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace tinxa::content {

// An audio file that cannot be used. what() reads "<path>: <what failed>: <reason>", e.g.
// "media/chime.wav: cannot open audio file: Format not recognised."
class MediaError : public std::runtime_error {
 public:
  MediaError(std::string_view what_failed, std::filesystem::path path, std::string reason);

  // What was being done, with where in the audio when decoding: "cannot open audio file",
  // "cannot decode audio after 12.480 s", "no audio".
  [[nodiscard]] const std::string& what_failed() const noexcept { return m_what_failed; }

  // The file concerned.
  [[nodiscard]] const std::filesystem::path& path() const noexcept { return m_path; }

  // Why, in libsndfile's words (sf_strerror), or tinxa's where the check is its own ("the file
  // holds no audio (0 frames)").
  [[nodiscard]] const std::string& reason() const noexcept { return m_reason; }

 private:
  std::string m_what_failed;
  std::filesystem::path m_path;
  std::string m_reason;
};

}  // namespace tinxa::content
