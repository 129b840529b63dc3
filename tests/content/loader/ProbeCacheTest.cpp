// Loading with a ProbeCache: unchanged recordings are not decoded again, a changed file (size or
// last write time) is, cached errors read exactly like fresh ones, and loads on two threads may
// share one cache. Real files in a temporary copy of the "minimal" fixture bundle.
#include "content/media/ProbeCache.hpp"

#include "BundleCopy.hpp"
#include "config/reader/DiagnosticFormat.hpp"
#include "content/loader/BundleLoader.hpp"
#include "tests/support/ToneFile.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

namespace tinxa::content {

namespace {

std::string all_text(const config::Diagnostics& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics.items()) out += config::format_diagnostic(d);
  return out;
}

std::chrono::milliseconds duration_of(const LoadResult& result, const std::string& announcement) {
  const Announcement* a = result.bundle.find_announcement(announcement);
  REQUIRE(a != nullptr);
  return a->audio.info.duration;
}

// Mono 16-bit WAV of 2000 frames, as the fixture's tone.wav (250 ms at 8 kHz): the same byte size
// whatever the rate, so only the duration tells the files apart.
void write_wav(const std::filesystem::path& path, int sample_rate_hz) {
  tinxa::test::write_tone(path, tinxa::test::ToneFile{440.0, 0.5, sample_rate_hz, 1, 2000,
                                                      SF_FORMAT_WAV | SF_FORMAT_PCM_16});
}

LoadOptions with(ProbeCache& cache) {
  LoadOptions options;
  options.probes = &cache;
  return options;
}

}  // namespace

TEST_CASE("A second load with the same cache decodes no recording and gives the same result",
          "[content][loader][probe-cache]") {
  const test::BundleCopy bundle("minimal");
  ProbeCache cache;
  const LoadResult first = load_bundle(bundle.root(), with(cache));
  CHECK(cache.misses() == 2);  // tone.wav and chime.flac, once each although each is used twice
  CHECK(cache.hits() == 0);
  CHECK(cache.size() == 2);

  const LoadResult second = load_bundle(bundle.root(), with(cache));
  CHECK(cache.misses() == 2);
  CHECK(cache.hits() == 2);
  CHECK(second.ok());
  CHECK(all_text(second.diagnostics) == all_text(first.diagnostics));
  CHECK(duration_of(second, "ra-soat") == std::chrono::milliseconds{250});
  CHECK(second.bundle.find_announcement("quy")->audio.info ==
        first.bundle.find_announcement("quy")->audio.info);
}

TEST_CASE("A recording rewritten with another size is decoded again and its new length is used",
          "[content][loader][probe-cache]") {
  const test::BundleCopy bundle("minimal");
  ProbeCache cache;
  (void)load_bundle(bundle.root(), with(cache));
  tinxa::test::write_tone(
      bundle.root() / "media/tone.wav",
      tinxa::test::ToneFile{440.0, 0.5, 8000, 1, 4000, SF_FORMAT_WAV | SF_FORMAT_PCM_16});
  const LoadResult result = load_bundle(bundle.root(), with(cache));
  CHECK(cache.misses() == 3);
  CHECK(cache.hits() == 1);
  CHECK(duration_of(result, "ra-soat") == std::chrono::milliseconds{500});
}

TEST_CASE("A recording rewritten with the same size is decoded again when its write time changed",
          "[content][loader][probe-cache]") {
  const test::BundleCopy bundle("minimal");
  const auto tone = bundle.root() / "media/tone.wav";
  const auto size = std::filesystem::file_size(tone);
  const auto written = std::filesystem::last_write_time(tone);
  ProbeCache cache;
  REQUIRE(duration_of(load_bundle(bundle.root(), with(cache)), "ra-soat") ==
          std::chrono::milliseconds{250});

  write_wav(tone, 16000);  // 2000 frames at 16 kHz: 125 ms, same bytes count
  REQUIRE(std::filesystem::file_size(tone) == size);

  SECTION("with a new write time it is decoded again") {
    std::filesystem::last_write_time(tone, written + std::chrono::seconds{2});
    const LoadResult result = load_bundle(bundle.root(), with(cache));
    CHECK(cache.misses() == 3);
    CHECK(duration_of(result, "ra-soat") == std::chrono::milliseconds{125});
  }
  SECTION("with the old write time it is taken for the file already decoded") {
    std::filesystem::last_write_time(tone, written);
    const LoadResult result = load_bundle(bundle.root(), with(cache));
    CHECK(cache.misses() == 2);
    CHECK(duration_of(result, "ra-soat") == std::chrono::milliseconds{250});
    CHECK(duration_of(load_bundle(bundle.root()), "ra-soat") == std::chrono::milliseconds{125});
  }
}

TEST_CASE("A broken recording stays an error with the same message until it is fixed",
          "[content][loader][probe-cache]") {
  const test::BundleCopy bundle("minimal");
  bundle.write("media/broken.ogg", "this is not audio");
  REQUIRE(
      bundle.replace("announcements.yaml", "audio: media/chime.flac", "audio: media/broken.ogg"));
  const LoadResult uncached = load_bundle(bundle.root());
  const std::string expected = all_text(uncached.diagnostics);
  REQUIRE(expected.find("announcements.yaml:11:12: lỗi/error: announcements.quy.audio: không đọc "
                        "được tệp âm thanh: ") != std::string::npos);
  REQUIRE(expected.find("cannot read the audio file: ") != std::string::npos);

  ProbeCache cache;
  const LoadResult first = load_bundle(bundle.root(), with(cache));
  const LoadResult second = load_bundle(bundle.root(), with(cache));
  CHECK(cache.misses() == 3);  // tone.wav, broken.ogg, chime.flac (still the playlist's chime)
  CHECK(cache.hits() == 3);
  CHECK(all_text(first.diagnostics) == expected);
  CHECK(all_text(second.diagnostics) == expected);
  CHECK(second.usable());
  const Announcement* quy = second.bundle.find_announcement("quy");
  REQUIRE(quy != nullptr);
  CHECK_FALSE(quy->audio.available());
  CHECK(quy->audio.path.unavailable ==
        uncached.bundle.find_announcement("quy")->audio.path.unavailable);

  tinxa::test::write_tone(
      bundle.root() / "media/broken.ogg",
      tinxa::test::ToneFile{440.0, 0.5, 48000, 1, 24000, SF_FORMAT_OGG | SF_FORMAT_VORBIS});
  const LoadResult fixed = load_bundle(bundle.root(), with(cache));
  INFO(all_text(fixed.diagnostics));
  CHECK(fixed.ok());
  CHECK(fixed.bundle.find_announcement("quy")->audio.available());
  CHECK(duration_of(fixed, "quy") == std::chrono::milliseconds{500});
  CHECK(cache.misses() == 4);
}

TEST_CASE("A usable load makes the cache forget recordings the bundle no longer uses",
          "[content][loader][probe-cache]") {
  const test::BundleCopy bundle("minimal");
  ProbeCache cache;
  (void)load_bundle(bundle.root(), with(cache));
  REQUIRE(cache.size() == 2);
  std::filesystem::copy_file(bundle.root() / "media/tone.wav", bundle.root() / "media/other.wav");
  REQUIRE(bundle.replace("announcements.yaml", "audio: media/tone.wav", "audio: media/other.wav"));
  REQUIRE(bundle.replace("pages/bao-hiem.yaml", "narration: media/tone.wav",
                         "narration: media/other.wav"));

  SECTION("a usable load drops the file nobody names any more") {
    const LoadResult result = load_bundle(bundle.root(), with(cache));
    REQUIRE(result.usable());
    CHECK(cache.size() == 2);  // chime.flac and other.wav
    (void)load_bundle(bundle.root(), with(cache));
    CHECK(cache.misses() == 3);
  }
  SECTION("a load with structural errors drops nothing") {
    REQUIRE(bundle.replace("playlists.yaml", "items: [ra-soat, quy]", "items: [ra-soat, quyy]"));
    const LoadResult result = load_bundle(bundle.root(), with(cache));
    REQUIRE_FALSE(result.usable());
    CHECK(cache.size() == 3);
  }
}

TEST_CASE("Loads on two threads may share one cache", "[content][loader][probe-cache]") {
  const test::BundleCopy bundle("minimal");
  bundle.write("media/broken.ogg", "this is not audio");
  REQUIRE(
      bundle.replace("announcements.yaml", "audio: media/chime.flac", "audio: media/broken.ogg"));
  const std::string expected = all_text(load_bundle(bundle.root()).diagnostics);
  ProbeCache cache;
  constexpr int kLoads = 10;
  std::vector<std::string> texts[2];
  {
    std::vector<std::jthread> threads;
    for (auto& out : texts)
      threads.emplace_back([&] {
        for (int i = 0; i < kLoads; ++i)
          out.push_back(all_text(load_bundle(bundle.root(), with(cache)).diagnostics));
      });
  }
  for (const auto& out : texts) {
    REQUIRE(out.size() == kLoads);
    for (const auto& text : out) CHECK(text == expected);
  }
  CHECK(cache.hits() + cache.misses() == 2 * kLoads * 3);
  CHECK(cache.misses() <= 2 * 3);  // each file decoded at most once per thread
  CHECK(cache.size() == 3);
}

}  // namespace tinxa::content
