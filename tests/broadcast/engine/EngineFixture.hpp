#pragma once

// A small installation written at test time for the engine and simulator tests: tone files at
// 8 kHz (so every frame position is exact), a bundle with a playlist and an alarm, two zones, an
// in-memory as-run log and a virtual clock.

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "broadcast/engine/Engine.hpp"
#include "broadcast/schedule/Occurrence.hpp"
#include "broadcast/schedule/Schedule.hpp"
#include "content/media/AudioProbe.hpp"
#include "content/model/Bundle.hpp"
#include "content/store/AsRunLog.hpp"
#include "content/store/Database.hpp"
#include "content/time/Clock.hpp"
#include "tests/broadcast/audio/AudioFixtures.hpp"

namespace tinxa::broadcast::test {

inline constexpr int kRate = 8000;
// 2026-11-30 06:00 in Asia/Ho_Chi_Minh (UTC+7).
inline const content::TimePoint kOrigin =
    std::chrono::sys_days{std::chrono::year{2026} / 11 / 29} + std::chrono::hours{23};

inline content::AudioClip write_clip(const std::filesystem::path& dir, const std::string& name,
                                     double seconds, double frequency_hz) {
  const auto path = dir / (name + ".wav");
  ToneFile tone;
  tone.frequency_hz = frequency_hz;
  tone.sample_rate_hz = kRate;
  tone.channels = 1;
  tone.frames = static_cast<std::int64_t>(seconds * kRate);
  write_tone(path, tone);
  content::AudioClip clip;
  clip.path.relative = name + ".wav";
  clip.path.absolute = path;
  clip.info = content::probe_audio(path);
  return clip;
}

struct Installation {
  std::filesystem::path dir;
  content::Bundle bundle;
  Schedule schedule;
  content::Database database = content::Database::open_memory();
  content::AsRunLog log{database};
  content::VirtualClock clock{kOrigin};

  explicit Installation(const std::string& name)
      : dir{std::filesystem::path{TINXA_BINARY_DIR} / "test-installations" / name} {
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const auto chime = write_clip(dir, "chime", 0.5, 1500);
    auto announce = [&](const std::string& id, double seconds, double hz) {
      content::Announcement a;
      a.id = id;
      a.title = content::LocalizedText{"Thông báo " + id};
      a.audio = write_clip(dir, id, seconds, hz);
      a.category = "test";
      bundle.announcements.push_back(a);
    };
    announce("a", 1.0, 500);
    announce("b", 1.5, 700);
    announce("alarm", 2.0, 1000);
    content::Playlist p;
    p.id = "p";
    p.title = content::LocalizedText{"Bản tin"};
    p.chime_before = chime;
    p.chime_after = chime;
    p.items = {"a", "b"};
    bundle.playlists.push_back(p);
    for (const char* id : {"z1", "z2"}) {
      Zone z;
      z.id = id;
      z.name = id;
      z.device = "null";
      z.channels = {1};
      schedule.zones.push_back(z);
    }
  }

  // The playlist's length at kRate: chime, a, b, chime.
  static constexpr std::int64_t kPlaylistFrames = (5 + 10 + 15 + 5) * kRate / 10;
};

// The options every engine test starts from: output at kRate, files played as they are (no
// loudness normalisation), the synchronous mode.
inline EngineOptions engine_options() {
  EngineOptions o;
  o.sample_rate_hz = kRate;
  o.target_lufs = std::nullopt;
  return o;
}

inline Occurrence occurrence(const std::string& slot, content::TimePoint start,
                             std::vector<std::string> zones, PlayItem play,
                             Priority priority = Priority::normal, int repeat = 1) {
  Occurrence o;
  o.slot_id = slot;
  o.start = start;
  o.priority = priority;
  o.zones = std::move(zones);
  o.play = std::move(play);
  o.repeat = repeat;
  o.key = slot + "@" +
          std::to_string(std::chrono::duration_cast<std::chrono::seconds>(start - kOrigin).count());
  return o;
}

// An occurrence as the expansion makes it, `after_origin` after kOrigin: `local` is the wall
// clock at its start (kOrigin is 06:00 on 2026-11-30 in Asia/Ho_Chi_Minh), which the quiet
// hours rules read.
inline Occurrence scheduled_at(const std::string& slot, std::chrono::milliseconds after_origin,
                               std::vector<std::string> zones, PlayItem play,
                               Priority priority = Priority::normal) {
  auto o = occurrence(slot, kOrigin + after_origin, std::move(zones), std::move(play), priority);
  o.local = content::LocalDateTime{
      std::chrono::year{2026} / 11 / 30,
      std::chrono::hours{6} + std::chrono::duration_cast<std::chrono::seconds>(after_origin)};
  o.scheduled = o.local;
  return o;
}

inline PlayItem playlist(const std::string& id) { return {PlayKind::playlist, id, {}, {}}; }
inline PlayItem announcement(const std::string& id) { return {PlayKind::announcement, id, {}, {}}; }

// Frames of `samples` louder than -60 dBFS: [first, last], or {-1, -1} when all silent.
inline std::pair<std::int64_t, std::int64_t> audible_span(const std::vector<float>& samples,
                                                          std::size_t from = 0,
                                                          std::size_t to = SIZE_MAX) {
  std::int64_t first = -1, last = -1;
  to = std::min(to, samples.size());
  for (std::size_t i = from; i < to; ++i)
    if (std::abs(samples[i]) > 1e-3F) {
      if (first < 0) first = static_cast<std::int64_t>(i);
      last = static_cast<std::int64_t>(i);
    }
  return {first, last};
}

// The longest run of frames under -60 dBFS within [from, to).
inline std::int64_t longest_silence(const std::vector<float>& samples, std::size_t from,
                                    std::size_t to) {
  std::int64_t run = 0, longest = 0;
  for (std::size_t i = from; i < std::min(to, samples.size()); ++i) {
    run = std::abs(samples[i]) > 1e-3F ? 0 : run + 1;
    longest = std::max(longest, run);
  }
  return longest;
}

}  // namespace tinxa::broadcast::test
