#pragma once

// One playback of one file on one output device, as the engine sees it: the StreamId the mixer
// knows it by, the queue of blocks between the decode thread and the mixer, and the decoding.
//
// Lifecycle (engine = control thread):
//  1. The engine makes it (shared_ptr) and hands it to DecodeWorker::add(); the decode thread
//     finds its loudness (cached, or measured on DecodeWorker's measuring thread, meanwhile the
//     stream has no blocks), opens the file and keeps queue() topped up from the pool.
//  2. The engine posts MixerCommand::start(id(), &queue(), ...) to the device's mixer, at once or
//     when state() is ready; the mixer consumes the queue from then on.
//  3. The mixer reports ended/stopped/rejected: from then the engine owns the consumer side, may
//     cancel(), and drops its shared_ptr. Leftover blocks go back to the pool when the last owner
//     (engine or decode thread) lets go. The engine must keep its shared_ptr until step 3.
// A file that cannot be opened, measured or decoded ends the stream early (an end-of-stream block
// is queued, so the mixer reports ended) and error() says why. A file whose loudness cannot be
// measured is not played at all (never at an unknown gain): measuring decodes the whole file, so
// it fails where the file is damaged, and playing it would stop there.

#include <atomic>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <mutex>
#include <optional>

#include "broadcast/audio/BlockPool.hpp"
#include "broadcast/audio/DecodeStream.hpp"
#include "broadcast/audio/Loudness.hpp"
#include "broadcast/rt/AudioBlock.hpp"

namespace tinxa::broadcast {

class LoudnessCache;

class PlaybackStream {
 public:
  enum class State : std::uint8_t {
    waiting,    // not opened yet
    ready,      // opened; queue() holds its first blocks (or all of a short file)
    decoded,    // every block, the end mark included, is in the queue or already played
    failed,     // error() says why; an end mark was queued
    cancelled,  // cancel() was called; nothing more is queued
  };

  // `pool` must be the pool of the device whose mixer will play the stream, and outlive this.
  // `target_lufs`: normalise to this loudness (through the worker's cache); std::nullopt plays
  // the file as it is. `gain_db` is added on top (e.g. a zone's trim). `start_frame` (device
  // rate) > 0 starts that far into the file (a resume from where it was cut). `quality`: the
  // converter for a file not at the device rate (EngineOptions::resample_quality).
  PlaybackStream(StreamId id, std::filesystem::path path, BlockPool& pool, DeviceFormat device,
                 std::optional<double> target_lufs, double gain_db = 0.0,
                 std::int64_t start_frame = 0,
                 Resampler::Quality quality = Resampler::kDefaultQuality);
  PlaybackStream(const PlaybackStream&) = delete;
  PlaybackStream& operator=(const PlaybackStream&) = delete;
  // Gives every block still queued back to the pool. Precondition: the mixer holds nothing of
  // the stream (it never started, or it reported ended/stopped/rejected).
  ~PlaybackStream();

  [[nodiscard]] StreamId id() const noexcept { return m_id; }
  [[nodiscard]] std::int64_t start_frame() const noexcept { return m_start_frame; }
  [[nodiscard]] const std::filesystem::path& path() const noexcept { return m_path; }
  [[nodiscard]] BlockQueue& queue() noexcept { return m_queue; }

  // Any thread.
  [[nodiscard]] State state() const noexcept { return m_state.load(std::memory_order_acquire); }
  // The reason for State::failed; null otherwise. Any thread, after state() returned failed.
  [[nodiscard]] std::exception_ptr error() const;
  // The gain applied, in dB (normalisation plus gain_db); valid once state() is past waiting.
  [[nodiscard]] double applied_gain_db() const noexcept {
    return m_applied_gain_db.load(std::memory_order_acquire);
  }
  // True once a block holding audio was queued. A stream that failed() without any audio is a
  // file that could not be played at all (the engine logs it as skipped). Any thread.
  [[nodiscard]] bool queued_audio() const noexcept {
    return m_queued_audio.load(std::memory_order_acquire);
  }

  // Before the stream is handed to the decode thread: use `file` (already opened from path(),
  // e.g. probed on the control thread to learn at once that it exists and is audio) instead of
  // opening path() again.
  void adopt(content::SoundFile file) { m_file.emplace(std::move(file)); }

  // Any thread: stop decoding; the decode thread lets go of the stream at its next turn.
  void cancel() noexcept;

  // Decode thread only, before the first top_up() that opens the stream. True while the stream
  // normalises (a target_lufs) and still waits for its file's loudness (neither set_loudness()
  // nor loudness_failed() came yet) and is not cancelled.
  [[nodiscard]] bool needs_loudness() const noexcept;
  // Decode thread only: the loudness of path(), measured elsewhere; the gain follows from it.
  void set_loudness(const Loudness& loudness) noexcept;
  // Decode thread only: the loudness of path() cannot be measured (`error` says why). The stream
  // fails: it plays nothing, and the next top_up() queues its end mark.
  void loudness_failed(std::exception_ptr error) noexcept;

  // Decode thread only: opens the stream on the first call, then queues blocks until the queue
  // holds `target_blocks`, the pool runs dry or the end is queued. The gain is fixed at opening,
  // so the stream plays at its normalised gain from its first sample: from set_loudness(), else,
  // if it still needs_loudness() and `cache` is not null, from cache->loudness(), measured on
  // the calling thread on a miss (the synchronous mode; DecodeWorker never lets it come to that);
  // with neither, the file plays as it is (gain_db only). Never throws: failures end the stream
  // (State::failed). Returns false once the stream needs no more turns (decoded, failed or
  // cancelled).
  bool top_up(LoudnessCache* cache, std::size_t target_blocks) noexcept;

 private:
  void open(LoudnessCache* cache);
  void fail(std::exception_ptr error) noexcept;
  bool queue_end_mark() noexcept;

  StreamId m_id;
  std::filesystem::path m_path;
  BlockPool& m_pool;
  DeviceFormat m_device;
  std::optional<double> m_target_lufs;
  double m_gain_db;
  std::int64_t m_start_frame;
  Resampler::Quality m_quality;
  BlockQueue m_queue;
  std::optional<content::SoundFile> m_file;  // adopted, until open() hands it to m_decoder
  std::optional<Loudness> m_loudness;        // of path(), once known
  std::optional<DecodeStream> m_decoder;
  bool m_end_pending = false;  // failed, but the end mark is not queued yet (pool was dry)
  std::atomic<State> m_state{State::waiting};
  std::atomic<bool> m_cancel{false};
  std::atomic<double> m_applied_gain_db{0.0};
  std::atomic<bool> m_queued_audio{false};
  mutable std::mutex m_error_mutex;
  std::exception_ptr m_error;
};

}  // namespace tinxa::broadcast
