#pragma once

// The real-time daemon's off-air recordings (schedule.yaml, a zone's `off_air`): every frame the
// zone's device plays, written to audio files from the zone's OffAirTap by one consumer thread
// (in the daemon OffAirThread, so that no file work delays the event loop).
//
// Files: one per zone per local day, in the folder of the zone's `off_air` path, named after it
// with the local date and time of the file's first frame:
//   off_air: /var/lib/tinxa/off-air/ap-2.flac  ->
//   /var/lib/tinxa/off-air/ap-2-2026-11-30-000000.flac
// A new file starts at each local midnight, and at each daemon start (with the start time in its
// name, so a restart never overwrites the morning). The format follows the extension: `.flac`
// (lossless; silence costs almost nothing, so a month fits on a small card), `.ogg` (Vorbis, the
// smallest) or anything else as WAV 16-bit PCM; a WAV file also starts a new part before it
// reaches 2 GiB (WAV cannot exceed 4 GiB; a 48 kHz stereo day is 16.6 GB).
// Position: a file's frame N is N / rate after the time in its name (to within one drain period,
// 0.1 s in the daemon): frames that did not reach the file, because the ring overflowed or the
// device was lost, are written as silence, so what plays at 14:32 is found at 14:32 in the file.
// After a gap longer than a minute a new file starts instead (named with its own first frame's
// time).
// Retention: when a file starts, files of the same zone (same name pattern) dated more than
// `keep_days` days before it are deleted (0: keep everything).
// Faults: a file that cannot be created or written is reported once (Event::failed); the zone's
// audio is discarded meanwhile and a new file is tried after 10 s. An overflow is reported with
// the frames lost (Event::overflow), never blocking the callback.
//
// Threading: tap() and file_for() on any thread; everything else on one consumer thread at a
// time (the taps' producer is the devices' callback).

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "broadcast/daemon/OffAirTap.hpp"
#include "broadcast/schedule/Schedule.hpp"
#include "content/media/SoundFileWriter.hpp"
#include "content/time/Clock.hpp"
#include "content/time/TimeZone.hpp"

namespace tinxa::broadcast {

class OffAirRecorder {
 public:
  struct Event {
    enum class Kind { opened, failed, overflow };
    Kind kind = Kind::opened;
    std::string zone;
    std::filesystem::path path;
    std::string message;         // failed: the library's reason
    std::int64_t frames = 0;     // overflow: frames lost since the last report
    content::TimePoint start{};  // opened: the instant of the file's first frame
  };

  // A tap and a writer for every zone of `zones` that has `off_air`. `clock` and `time_zone` must
  // outlive this. Nothing is created on disk until audio arrives. Throws std::bad_alloc.
  OffAirRecorder(const std::vector<Zone>& zones, int sample_rate_hz, const content::Clock& clock,
                 const content::TimeZone& time_zone, int keep_days);
  OffAirRecorder(const OffAirRecorder&) = delete;
  OffAirRecorder& operator=(const OffAirRecorder&) = delete;
  // Writes what is left and finishes the files (call after the devices have stopped).
  ~OffAirRecorder();

  // The tap of `zone`; null when the zone is not recorded. Valid for the recorder's life.
  [[nodiscard]] OffAirTap* tap(const std::string& zone) noexcept;

  // Writes every block waiting in the taps to the files, rotating at midnight. Never throws
  // except std::bad_alloc: faults become events.
  std::vector<Event> drain();

  // drain(), then finishes every file. The recorder may go on after (new files).
  std::vector<Event> close();

  // The file `zone` writes to now; empty when none is open.
  [[nodiscard]] std::filesystem::path current_file(const std::string& zone) const;

  // The file name for a zone recorded to `off_air` whose first frame is at local `start`.
  [[nodiscard]] static std::filesystem::path file_for(const std::filesystem::path& off_air,
                                                      const content::LocalDateTime& start);

 private:
  struct Track {
    std::string zone;
    std::filesystem::path off_air;
    std::unique_ptr<OffAirTap> tap;
    std::optional<content::SoundFileWriter> file;
    std::filesystem::path path;
    content::TimePoint file_start{};
    std::int64_t file_frames = 0;   // frames in the open file
    std::int64_t file_limit = 0;    // frames the open file may hold (midnight, WAV size)
    std::int64_t next_frame = -1;   // the tap frame expected next (-1: none yet)
    std::int64_t dropped_seen = 0;  // tap.dropped_frames() already reported
    std::optional<content::TimePoint> retry_at;  // after a fault
  };

  void write(Track& track, const OffAirTap::Block& block, std::vector<Event>& events);
  // Appends `frames` frames of `samples` (nullptr: silence), rotating as needed.
  void append(Track& track, const float* samples, std::int64_t frames, std::vector<Event>& events);
  bool open(Track& track, content::TimePoint start, std::vector<Event>& events);
  void fail(Track& track, const std::string& why, std::vector<Event>& events);
  void remove_old(const Track& track, const content::LocalDateTime& start) const;

  int m_rate;
  const content::Clock& m_clock;
  const content::TimeZone& m_time_zone;
  int m_keep_days;
  std::vector<Track> m_tracks;
  std::unique_ptr<OffAirTap::Block> m_block;  // the consumer's copy of a popped block
  std::vector<float> m_silence;
};

}  // namespace tinxa::broadcast
