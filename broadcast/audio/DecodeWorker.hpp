#pragma once

// The decode thread: keeps every active PlaybackStream's queue topped up, and gives played blocks
// back to their pools. The real-time thread never wakes it (that would be a system call on the
// callback); while any stream is active it wakes every `refill_period`, and at once when the
// control thread adds, cancels or shuts down; with none, once a second (to give played blocks
// back). With 1024-frame blocks and a 24-block target a stream holds about 0.5 s at 48 kHz,
// 50 refill periods ahead of the mixer.
//
// Threading: the public members are for the control thread (they lock a mutex briefly).
// Errors: nothing thrown on the decode thread escapes: a stream's failure is kept in the stream.

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "broadcast/audio/BlockPool.hpp"
#include "broadcast/audio/LoudnessCache.hpp"
#include "broadcast/audio/PlaybackStream.hpp"
#include "broadcast/rt/AudioBlock.hpp"

namespace tinxa::broadcast {

class DecodeWorker {
 public:
  struct Options {
    std::size_t queue_target_blocks = 24;
    std::chrono::milliseconds refill_period{10};
  };

  // Starts the thread. `cache` (may be null: no normalisation) is used on the decode thread only
  // from now on. Throws std::system_error if the thread cannot start.
  explicit DecodeWorker(std::unique_ptr<LoudnessCache> cache, Options options);
  // The same with a cache the caller owns (may be null); it must outlive the worker, and no other
  // thread may use it while the worker runs.
  DecodeWorker(LoudnessCache* cache, Options options);
  // No normalisation.
  DecodeWorker(std::nullptr_t, Options options)
      : DecodeWorker{static_cast<LoudnessCache*>(nullptr), options} {}
  DecodeWorker(const DecodeWorker&) = delete;
  DecodeWorker& operator=(const DecodeWorker&) = delete;
  // Stops and joins the thread; drops its references to streams.
  ~DecodeWorker();

  // Reclaims `spent` into `pool` on every turn. The decode thread becomes the ring's only
  // consumer. Both must outlive the worker.
  void attach(BlockPool& pool, SpentRing& spent);

  // Starts decoding `stream` (opened on the decode thread).
  void add(std::shared_ptr<PlaybackStream> stream);

  // Wakes the thread now (after PlaybackStream::cancel(), or to top up sooner).
  void wake();

  // Streams the worker still holds (decoding or waiting for pool blocks).
  [[nodiscard]] std::size_t active() const;

  // Wakes the thread and waits until a whole turn (reclaim, then top up every stream) that began
  // after this call has finished, at most `timeout`. False on timeout. For tests and the
  // benchmark, which need every queue topped up before they render.
  [[nodiscard]] bool settle(std::chrono::milliseconds timeout);

 private:
  void run();

  struct Output {
    BlockPool* pool;
    SpentRing* spent;
  };

  std::unique_ptr<LoudnessCache> m_owned_cache;
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
  std::vector<std::shared_ptr<PlaybackStream>> m_incoming;
  std::size_t m_active = 0;
  std::thread m_thread;  // last: starts after everything above exists
};

}  // namespace tinxa::broadcast
