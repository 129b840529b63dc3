// Narration through the real espeak-ng (installed by deploy/setup.sh) and libsndfile.
#include "content/speech/Narrator.hpp"

#include <catch2/catch.hpp>

#include "content/media/AudioProbe.hpp"
#include "tests/support/TempDir.hpp"

namespace tinxa::content {

TEST_CASE("A narration is spoken Vietnamese in an OGG Vorbis file", "[speech][espeak]") {
  const tinxa::test::TempDir dir;
  render_narration("Xin chào bà con. Đây là điểm thông tin của xã.", Voice{}, dir / "chao.ogg");
  const AudioInfo info = probe_audio(dir / "chao.ogg");
  CHECK(info.format.find("OGG") != std::string::npos);
  CHECK(info.channels == 1);
  CHECK(info.duration > std::chrono::seconds{2});
  CHECK(info.duration < std::chrono::seconds{10});
  CHECK_FALSE(std::filesystem::exists(dir / "chao.ogg.wav.tmp"));
}

TEST_CASE("The narration cache renders a text once and again only when it changes",
          "[speech][espeak]") {
  const tinxa::test::TempDir dir;
  const NarrationCache cache(dir.path(), Voice{});
  CHECK(cache.ensure("hoc-phi", "Miễn học phí."));
  CHECK_FALSE(cache.ensure("hoc-phi", "Miễn học phí."));
  const auto first = cache.path_for("hoc-phi", "Miễn học phí.");
  const auto second = cache.path_for("hoc-phi", "Miễn học phí từ năm học 2025.");
  CHECK(first != second);
  CHECK(cache.ensure("hoc-phi", "Miễn học phí từ năm học 2025."));
  CHECK(cache.prune({second}) == 1);
  CHECK_FALSE(std::filesystem::exists(first));
  CHECK(std::filesystem::exists(second));
}

TEST_CASE("Cache keys are stable across builds", "[speech]") {
  CHECK(stable_hash("") == 0xcbf29ce484222325ULL);
  CHECK(stable_hash("a") == 0xaf63dc4c8601ec8cULL);
  const NarrationCache cache("/narration", Voice{"vi", 140});
  CHECK(cache.path_for("p", "x") == cache.path_for("p", "x"));
  CHECK(cache.path_for("p", "x") !=
        NarrationCache("/narration", Voice{"vi", 160}).path_for("p", "x"));
}

}  // namespace tinxa::content
