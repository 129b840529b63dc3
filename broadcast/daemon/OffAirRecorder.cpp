#include "broadcast/daemon/OffAirRecorder.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <exception>
#include <system_error>

namespace tinxa::broadcast {

namespace {

using namespace std::chrono_literals;

constexpr auto kRetry = 10s;
constexpr std::int64_t kWavMaxBytes = std::int64_t{1} << 31;
constexpr std::size_t kSilenceFrames = 4096;
// A longer gap starts a new file instead of being written as silence (a device gone for hours
// would otherwise keep the writer busy with gigabytes of zeros while the ring fills).
constexpr auto kMaxGap = 60s;

content::AudioFileFormat format_of(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext == ".flac") return content::AudioFileFormat::flac16;
  if (ext == ".ogg" || ext == ".oga") return content::AudioFileFormat::ogg_vorbis;
  return content::AudioFileFormat::wav_pcm16;
}

// "ap-2-2026-11-30-000000.flac" for stem "ap-2", extension ".flac": the date, or nullopt.
std::optional<std::chrono::year_month_day> date_in(const std::string& name, const std::string& stem,
                                                   const std::string& extension) {
  const std::size_t stamp = 18;  // -YYYY-MM-DD-HHMMSS
  if (name.size() != stem.size() + stamp + extension.size()) return std::nullopt;
  if (name.compare(0, stem.size(), stem) != 0 ||
      name.compare(name.size() - extension.size(), extension.size(), extension) != 0)
    return std::nullopt;
  const std::string s = name.substr(stem.size(), stamp);
  const auto digits = [&](std::size_t from, std::size_t n) -> int {
    int v = 0;
    for (std::size_t i = from; i < from + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return -1;
      v = v * 10 + (s[i] - '0');
    }
    return v;
  };
  if (s[0] != '-' || s[5] != '-' || s[8] != '-' || s[11] != '-') return std::nullopt;
  const int y = digits(1, 4), m = digits(6, 2), d = digits(9, 2);
  if (y < 0 || m < 0 || d < 0 || digits(12, 6) < 0) return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year{y},
                                         std::chrono::month{static_cast<unsigned>(m)},
                                         std::chrono::day{static_cast<unsigned>(d)}};
  if (!date.ok()) return std::nullopt;
  return date;
}

}  // namespace

OffAirRecorder::OffAirRecorder(const std::vector<Zone>& zones, int sample_rate_hz,
                               const content::Clock& clock, const content::TimeZone& time_zone,
                               int keep_days)
    : m_rate{sample_rate_hz},
      m_clock{clock},
      m_time_zone{time_zone},
      m_keep_days{keep_days},
      m_block{std::make_unique<OffAirTap::Block>()} {
  std::size_t widest = 1;
  for (const auto& zone : zones) {
    if (!zone.off_air) continue;
    Track track;
    track.zone = zone.id;
    track.off_air = *zone.off_air;
    const std::size_t channels = std::max<std::size_t>(zone.channels.size(), 1);
    track.tap = std::make_unique<OffAirTap>(channels);
    widest = std::max(widest, channels);
    m_tracks.push_back(std::move(track));
  }
  m_silence.assign(kSilenceFrames * widest, 0.0F);
}

OffAirRecorder::~OffAirRecorder() {
  try {
    (void)close();
  } catch (...) {  // std::bad_alloc while finishing: the files are closed by their destructors
  }
}

OffAirTap* OffAirRecorder::tap(const std::string& zone) noexcept {
  for (auto& t : m_tracks)
    if (t.zone == zone) return t.tap.get();
  return nullptr;
}

std::filesystem::path OffAirRecorder::current_file(const std::string& zone) const {
  for (const auto& t : m_tracks)
    if (t.zone == zone && t.file) return t.path;
  return {};
}

std::filesystem::path OffAirRecorder::file_for(const std::filesystem::path& off_air,
                                               const content::LocalDateTime& start) {
  const auto seconds = start.time_of_day.count();
  const auto name =
      fmt::format("{}-{:04}-{:02}-{:02}-{:02}{:02}{:02}{}", off_air.stem().string(),
                  static_cast<int>(start.date.year()), static_cast<unsigned>(start.date.month()),
                  static_cast<unsigned>(start.date.day()), seconds / 3600, seconds / 60 % 60,
                  seconds % 60, off_air.extension().string());
  return off_air.parent_path() / name;
}

std::vector<OffAirRecorder::Event> OffAirRecorder::drain() {
  std::vector<Event> events;
  for (auto& track : m_tracks) {
    while (track.tap->pop(*m_block)) write(track, *m_block, events);
    const auto dropped = track.tap->dropped_frames();
    if (dropped > track.dropped_seen) {
      events.push_back(
          {Event::Kind::overflow, track.zone, track.path, {}, dropped - track.dropped_seen});
      track.dropped_seen = dropped;
    }
  }
  return events;
}

std::vector<OffAirRecorder::Event> OffAirRecorder::close() {
  auto events = drain();
  for (auto& track : m_tracks) {
    if (!track.file) continue;
    try {
      track.file->close();
    } catch (const std::exception& e) {
      events.push_back({Event::Kind::failed, track.zone, track.path, e.what(), 0});
    }
    track.file.reset();
    track.next_frame = -1;
  }
  return events;
}

void OffAirRecorder::write(Track& track, const OffAirTap::Block& block,
                           std::vector<Event>& events) {
  if (track.file && block.frame - track.next_frame > kMaxGap.count() * m_rate) {
    try {
      track.file->close();
    } catch (const std::exception& e) {
      events.push_back({Event::Kind::failed, track.zone, track.path, e.what(), 0});
    }
    track.file.reset();
  }
  if (!track.file) {
    const auto now = m_clock.now();
    if (track.retry_at && now < *track.retry_at) return;  // discarded until the retry
    // The block's first frame was rendered (written - frame) frames before now.
    const auto behind = std::chrono::duration<double>(
        static_cast<double>(track.tap->frames_written() - block.frame) / m_rate);
    const auto start = now - std::chrono::round<content::TimePoint::duration>(behind);
    if (!open(track, start, events)) return;
    track.next_frame = block.frame;
  }
  if (block.frame > track.next_frame)
    append(track, nullptr, block.frame - track.next_frame, events);
  append(track, block.samples, block.frames, events);
  track.next_frame = block.frame + block.frames;
}

void OffAirRecorder::append(Track& track, const float* samples, std::int64_t frames,
                            std::vector<Event>& events) {
  const auto channels = static_cast<std::int64_t>(track.tap->channels());
  while (frames > 0 && track.file) {
    std::int64_t n = std::min(frames, track.file_limit - track.file_frames);
    if (samples == nullptr)
      n = std::min<std::int64_t>(n, static_cast<std::int64_t>(m_silence.size()) / channels);
    try {
      const float* from = samples != nullptr ? samples : m_silence.data();
      track.file->write({from, static_cast<std::size_t>(n * channels)});
    } catch (const std::exception& e) {
      fail(track, e.what(), events);
      return;
    }
    track.file_frames += n;
    frames -= n;
    if (samples != nullptr) samples += n * channels;
    if (track.file_frames < track.file_limit) continue;
    // Rotate: the next file starts on the frame after this one's last.
    const auto next_start =
        track.file_start +
        std::chrono::round<content::TimePoint::duration>(
            std::chrono::duration<double>(static_cast<double>(track.file_frames) / m_rate));
    try {
      track.file->close();
    } catch (const std::exception& e) {
      events.push_back({Event::Kind::failed, track.zone, track.path, e.what(), 0});
    }
    track.file.reset();
    if (!open(track, next_start, events)) return;
  }
}

bool OffAirRecorder::open(Track& track, content::TimePoint start, std::vector<Event>& events) {
  try {
    const auto local = m_time_zone.to_local(start);
    track.path = file_for(track.off_air, local);
    if (track.path.has_parent_path()) std::filesystem::create_directories(track.path.parent_path());
    const auto channels = static_cast<int>(track.tap->channels());
    const auto format = format_of(track.off_air);
    track.file.emplace(content::SoundFileWriter::create(track.path, format, m_rate, channels));
    track.file_start = start;
    track.file_frames = 0;
    // Up to the next local midnight (rounded up to a whole frame, so the next file's name is on
    // the new day), and for WAV below 2 GiB.
    const auto midnight =
        m_time_zone.start_of_day(std::chrono::sys_days{local.date} + std::chrono::days{1});
    const auto seconds = std::chrono::duration<double>(midnight - start).count();
    track.file_limit =
        std::max<std::int64_t>(1, static_cast<std::int64_t>(std::ceil(seconds * m_rate - 1e-6)));
    if (format == content::AudioFileFormat::wav_pcm16)
      track.file_limit = std::min(track.file_limit, kWavMaxBytes / (2 * channels));
    track.retry_at.reset();
    events.push_back({Event::Kind::opened, track.zone, track.path, {}, 0, start});
    remove_old(track, local);
    return true;
  } catch (const std::exception& e) {
    fail(track, e.what(), events);
    return false;
  }
}

void OffAirRecorder::fail(Track& track, const std::string& why, std::vector<Event>& events) {
  events.push_back({Event::Kind::failed, track.zone, track.path, why, 0});
  track.file.reset();
  track.next_frame = -1;
  track.retry_at = m_clock.now() + kRetry;
}

void OffAirRecorder::remove_old(const Track& track, const content::LocalDateTime& start) const {
  if (m_keep_days <= 0) return;
  const auto oldest = std::chrono::sys_days{start.date} - std::chrono::days{m_keep_days};
  const auto stem = track.off_air.stem().string();
  const auto extension = track.off_air.extension().string();
  std::error_code ec;
  const auto folder =
      track.off_air.has_parent_path() ? track.off_air.parent_path() : std::filesystem::path{"."};
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
    const auto date = date_in(entry.path().filename().string(), stem, extension);
    if (date && std::chrono::sys_days{*date} < oldest) std::filesystem::remove(entry.path(), ec);
  }
}

}  // namespace tinxa::broadcast
