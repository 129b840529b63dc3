#pragma once

// The decode thread: keeps every active PlaybackStream's queue topped up, and gives played blocks
// back to their pools. The real-time thread never wakes it (that would be a system call on the
// callback); while any stream is active it wakes every `refill_period`, and at once when the
// control thread adds, cancels or shuts down; with none, once a second (to give played blocks
// back). With 1024-frame blocks and a 24-block target a stream holds about 0.5 s at 48 kHz,
// 50 refill periods ahead of the mixer.
//
// Loudness: the decode thread only looks a stream's file up in the cache (one SQLite query) and
// stores what was measured. A file not in the cache is measured on the worker's measuring thread
// (MeasureThread), never on the decode thread: meanwhile that stream has no blocks (the mixer
// waits for a stream's first block before it starts it, so its start, and its as-run start, is
// its first real sample, late by the measurement) while every other stream keeps being refilled.
// Files are measured in the order of the streams' priority classes (given to add()): an
// emergency's file goes before a normal file asked for earlier, and stops its measurement in
// progress. A file asked for by several streams is measured once, at the highest class. If the
// measurement fails (the file is damaged, or gone), the stream fails with that reason and plays
// nothing: the engine logs it skipped_file when it is due. A failure is remembered for the file's
// size and modification time (as the cache keys it), so a broken file is not decoded again for
// every later stream of it (an emergency repeated); a replaced file is measured again. A cache that
// cannot be read or written only costs measurements; the decode thread never waits for it when its
// connection's busy timeout is 0 (the daemon's: the prefill thread writes the same cache on its own
// connection).
//
// Threading: the public members are for the control thread (they lock a mutex briefly).
// Errors: nothing thrown on the decode thread escapes: a stream's failure is kept in the stream.

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "broadcast/audio/BlockPool.hpp"
#include "broadcast/audio/LoudnessCache.hpp"
#include "broadcast/audio/MeasureThread.hpp"
#include "broadcast/audio/PlaybackStream.hpp"
#include "broadcast/rt/AudioBlock.hpp"

namespace tinxa::broadcast {

class DecodeWorker {
 public:
  struct Options {
    std::size_t queue_target_blocks = 24;
    std::chrono::milliseconds refill_period{10};
  };

  // What settle() waits for besides a turn.
  enum class Settle : std::uint8_t {
    measured,  // also until no stream waits for a loudness measurement any more
    turn,      // a turn only: a stream waiting for its measurement still has no blocks
  };

  // Starts the decode thread and, with a cache, the measuring thread. `cache` (may be null: no
  // normalisation) must outlive the worker; from now on the decode thread uses its database and
  // the measuring thread calls its measure(), and no other thread may use it. Throws
  // std::system_error if a thread cannot start.
  DecodeWorker(LoudnessCache* cache, Options options);
  DecodeWorker(const DecodeWorker&) = delete;
  DecodeWorker& operator=(const DecodeWorker&) = delete;
  // Stops and joins the threads (the measurement in progress is stopped, not finished); drops its
  // references to streams.
  ~DecodeWorker();

  // Reclaims `spent` into `pool` on every turn. The decode thread becomes the ring's only
  // consumer. Both must outlive the worker.
  void attach(BlockPool& pool, SpentRing& spent);

  // Starts decoding `stream` (opened on the decode thread). `priority`: the class of the item it
  // plays, which orders the measurement of its file if that is not in the cache.
  void add(std::shared_ptr<PlaybackStream> stream,
           MeasureThread::Priority priority = MeasureThread::Priority::normal);

  // Wakes the thread now (after PlaybackStream::cancel(), or to top up sooner).
  void wake();

  // Streams the worker still holds (decoding or waiting for pool blocks).
  [[nodiscard]] std::size_t active() const;

  // Wakes the thread and waits until a whole turn (reclaim, then top up every stream) that began
  // after this call has finished, at most `timeout`; with Settle::measured, a turn after every
  // measurement a stream waited for was handed to it. False on timeout. For tests and the
  // benchmark, which need every queue topped up before they render.
  [[nodiscard]] bool settle(std::chrono::milliseconds timeout, Settle until = Settle::measured);

 private:
  struct Entry {
    std::shared_ptr<PlaybackStream> stream;
    MeasureThread::Priority priority;  // of the item it plays
  };

  void run();
  // Decode thread: one stream's turn; false once the stream needs no more turns.
  bool turn(const Entry& entry);
  // Decode thread: gives the stream its file's loudness if it is known (cached, or measured
  // since the last turn) and asks the measuring thread for it otherwise (again, if a stream of a
  // higher class than the one it was asked for needs it). False while it is measured.
  bool find_loudness(const Entry& entry);
  // Decode thread: takes the measuring thread's results and stores them in the cache.
  void collect_measurements();

  struct Output {
    BlockPool* pool;
    SpentRing* spent;
  };

  LoudnessCache* m_cache;
  Options m_options;
  mutable std::mutex m_mutex;
  std::condition_variable m_wake;
  std::condition_variable m_turn_done;
  std::uint64_t m_turns_begun = 0;
  std::uint64_t m_turns_done = 0;
  bool m_woken = false;
  bool m_quit = false;
  std::vector<Output> m_outputs;
  std::vector<Entry> m_incoming;
  std::size_t m_active = 0;
  std::size_t m_measuring_published = 0;  // m_measuring.size() at the end of the last turn
  // Decode thread only: files the measuring thread was asked for and has not answered yet (with
  // the highest class asked for), and its answers of this turn (by path).
  struct Asked {
    LoudnessCache::FileKey key;
    MeasureThread::Priority priority;
  };
  std::map<std::filesystem::path, Asked> m_measuring;
  std::map<std::filesystem::path, MeasureThread::Result> m_measured;
  // Decode thread only: the measurements that failed, by path, with the key they failed for.
  struct Failure {
    LoudnessCache::FileKey key;
    std::exception_ptr error;
  };
  std::map<std::filesystem::path, Failure> m_failed;
  // With a cache. Before m_thread: joined after it, so its on_result (wake()) never finds the
  // worker gone; after the mutex and condition variables it uses.
  std::unique_ptr<MeasureThread> m_measurer;
  std::thread m_thread;  // last: starts after everything above exists
};

}  // namespace tinxa::broadcast
