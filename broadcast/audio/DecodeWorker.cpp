#include "broadcast/audio/DecodeWorker.hpp"

#include <pthread.h>

#include <algorithm>
#include <utility>

namespace tinxa::broadcast {
namespace {

constexpr std::chrono::milliseconds kIdlePeriod{1000};

}  // namespace

DecodeWorker::DecodeWorker(LoudnessCache* cache, Options options)
    : m_cache{cache},
      m_options{options},
      m_measurer{cache == nullptr
                     ? nullptr
                     : std::make_unique<MeasureThread>(
                           [cache](const std::filesystem::path& path, std::stop_token stop) {
                             return cache->measure(path, std::move(stop));
                           },
                           [this] { wake(); })},
      m_thread{[this] { run(); }} {}

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

void DecodeWorker::add(std::shared_ptr<PlaybackStream> stream, MeasureThread::Priority priority) {
  {
    const std::lock_guard lock{m_mutex};
    m_incoming.push_back({std::move(stream), priority});
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

bool DecodeWorker::settle(std::chrono::milliseconds timeout, Settle until) {
  std::unique_lock lock{m_mutex};
  const std::uint64_t wanted = m_turns_begun + 1;
  m_woken = true;
  m_wake.notify_one();
  // A measurement that finishes wakes the thread, whose next turn hands it over.
  return m_turn_done.wait_for(lock, timeout, [&] {
    return m_quit ||
           (m_turns_done >= wanted && (until == Settle::turn || m_measuring_published == 0));
  });
}

void DecodeWorker::collect_measurements() {
  m_measured.clear();
  if (!m_measurer) return;
  for (auto& result : m_measurer->take()) {
    m_measuring.erase(result.path);
    if (result.loudness) {
      try {
        // Never waits: the connection's busy timeout is 0 in the daemon, so a cache locked by the
        // prefill's write drops this store (it only costs a measurement next time).
        m_cache->store(result.key, *result.loudness);
      } catch (...) {  // a cache that cannot be written only costs a measurement next time
      }
    } else {
      m_failed.insert_or_assign(result.path, Failure{result.key, result.error});
    }
    auto path = result.path;
    m_measured.insert_or_assign(std::move(path), std::move(result));
  }
}

bool DecodeWorker::find_loudness(const Entry& entry) {
  PlaybackStream& stream = *entry.stream;
  const auto& path = stream.path();
  if (const auto measured = m_measured.find(path); measured != m_measured.end()) {
    if (measured->second.loudness)
      stream.set_loudness(*measured->second.loudness);
    else
      stream.loudness_failed(measured->second.error);
    return true;
  }
  if (const auto asked = m_measuring.find(path); asked != m_measuring.end()) {
    if (entry.priority > asked->second.priority) {  // moves up
      asked->second.priority = entry.priority;
      m_measurer->submit(path, asked->second.key, entry.priority);
    }
    return false;
  }
  LoudnessCache::FileKey key;
  try {
    key = LoudnessCache::key_of(path);
  } catch (...) {  // gone since its header was read
    stream.loudness_failed(std::current_exception());
    return true;
  }
  if (const auto failed = m_failed.find(path); failed != m_failed.end()) {
    const auto& known = failed->second.key;
    if (known.path == key.path && known.size_bytes == key.size_bytes &&
        known.mtime_ns == key.mtime_ns) {
      stream.loudness_failed(failed->second.error);
      return true;
    }
    m_failed.erase(failed);  // replaced or edited since: measured again
  }
  try {
    if (const auto cached = m_cache->find(key)) {
      stream.set_loudness(*cached);
      return true;
    }
  } catch (...) {  // a cache that cannot be read is a miss
  }
  m_measurer->submit(path, key, entry.priority);
  m_measuring.emplace(path, Asked{std::move(key), entry.priority});
  return false;
}

bool DecodeWorker::turn(const Entry& entry) {
  if (m_measurer && entry.stream->needs_loudness() && !find_loudness(entry)) return true;
  return entry.stream->top_up(m_cache, m_options.queue_target_blocks);
}

void DecodeWorker::run() {
  // Named for top, ps -L and the benchmark's per-thread CPU (15 characters at most).
  pthread_setname_np(pthread_self(), "tinxa-decode");
  std::vector<Entry> streams;
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
    collect_measurements();
    std::erase_if(streams, [this](const Entry& entry) { return !turn(entry); });
    {
      const std::lock_guard lock{m_mutex};
      m_active = streams.size();
      m_measuring_published = m_measuring.size();
      ++m_turns_done;
    }
    m_turn_done.notify_all();
  }
}

}  // namespace tinxa::broadcast
