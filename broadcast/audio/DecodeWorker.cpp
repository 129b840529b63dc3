#include "broadcast/audio/DecodeWorker.hpp"

#include <pthread.h>

#include <algorithm>
#include <utility>

namespace tinxa::broadcast {
namespace {

constexpr std::chrono::milliseconds kIdlePeriod{1000};

}  // namespace

DecodeWorker::DecodeWorker(std::unique_ptr<LoudnessCache> cache, Options options)
    : m_owned_cache{std::move(cache)},
      m_cache{m_owned_cache.get()},
      m_options{options},
      m_thread{[this] { run(); }} {}

DecodeWorker::DecodeWorker(LoudnessCache* cache, Options options)
    : m_cache{cache}, m_options{options}, m_thread{[this] { run(); }} {}

DecodeWorker::~DecodeWorker() {
  {
    const std::lock_guard lock{m_mutex};
    m_quit = true;
  }
  m_wake.notify_one();
  m_turn_done.notify_all();
  m_thread.join();
}

void DecodeWorker::attach(BlockPool& pool, SpentRing& spent) {
  {
    const std::lock_guard lock{m_mutex};
    m_outputs.push_back({&pool, &spent});
  }
  wake();
}

void DecodeWorker::add(std::shared_ptr<PlaybackStream> stream) {
  {
    const std::lock_guard lock{m_mutex};
    m_incoming.push_back(std::move(stream));
  }
  wake();
}

void DecodeWorker::wake() {
  {
    const std::lock_guard lock{m_mutex};
    m_woken = true;
  }
  m_wake.notify_one();
}

std::size_t DecodeWorker::active() const {
  const std::lock_guard lock{m_mutex};
  return m_active + m_incoming.size();
}

bool DecodeWorker::settle(std::chrono::milliseconds timeout) {
  std::unique_lock lock{m_mutex};
  const std::uint64_t wanted = m_turns_begun + 1;
  m_woken = true;
  m_wake.notify_one();
  return m_turn_done.wait_for(lock, timeout, [&] { return m_quit || m_turns_done >= wanted; });
}

void DecodeWorker::run() {
  // Named for top, ps -L and the benchmark's per-thread CPU (15 characters at most).
  pthread_setname_np(pthread_self(), "tinxa-decode");
  std::vector<std::shared_ptr<PlaybackStream>> streams;
  std::vector<Output> outputs;
  for (;;) {
    {
      std::unique_lock lock{m_mutex};
      // With nothing to decode it wakes once a second (or when called) only to give the blocks
      // the mixer played last back to their pools: an idle daemon costs almost nothing.
      const auto period = streams.empty() ? std::max(m_options.refill_period, kIdlePeriod)
                                          : m_options.refill_period;
      m_wake.wait_for(lock, period, [this] { return m_woken || m_quit; });
      if (m_quit) {
        return;
      }
      m_woken = false;
      ++m_turns_begun;
      std::move(m_incoming.begin(), m_incoming.end(), std::back_inserter(streams));
      m_incoming.clear();
      outputs = m_outputs;
    }
    for (const Output& output : outputs) {
      output.pool->reclaim(*output.spent);
    }
    std::erase_if(streams, [this](const std::shared_ptr<PlaybackStream>& stream) {
      return !stream->top_up(m_cache, m_options.queue_target_blocks);
    });
    {
      const std::lock_guard lock{m_mutex};
      m_active = streams.size();
      ++m_turns_done;
    }
    m_turn_done.notify_all();
  }
}

}  // namespace tinxa::broadcast
