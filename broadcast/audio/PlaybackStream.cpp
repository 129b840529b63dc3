#include "broadcast/audio/PlaybackStream.hpp"

#include <cmath>
#include <utility>

#include "broadcast/audio/Loudness.hpp"
#include "broadcast/audio/LoudnessCache.hpp"

namespace tinxa::broadcast {

PlaybackStream::PlaybackStream(StreamId id, std::filesystem::path path, BlockPool& pool,
                               DeviceFormat device, std::optional<double> target_lufs,
                               double gain_db, std::int64_t start_frame, Resampler::Quality quality)
    : m_id{id},
      m_path{std::move(path)},
      m_pool{pool},
      m_device{device},
      m_target_lufs{target_lufs},
      m_gain_db{gain_db},
      m_start_frame{start_frame},
      m_quality{quality} {}

PlaybackStream::~PlaybackStream() {
  AudioBlock* block = nullptr;
  while (m_queue.try_pop(block)) {
    m_pool.release(block);
  }
}

std::exception_ptr PlaybackStream::error() const {
  const std::lock_guard lock{m_error_mutex};
  return m_error;
}

void PlaybackStream::cancel() noexcept { m_cancel.store(true, std::memory_order_release); }

bool PlaybackStream::needs_loudness() const noexcept {
  return m_target_lufs && !m_loudness && !m_decoder &&
         m_state.load(std::memory_order_relaxed) == State::waiting &&
         !m_cancel.load(std::memory_order_acquire);
}

void PlaybackStream::set_loudness(const Loudness& loudness) noexcept { m_loudness = loudness; }

void PlaybackStream::loudness_failed(std::exception_ptr error) noexcept { fail(std::move(error)); }

void PlaybackStream::open(LoudnessCache* cache) {
  if (m_target_lufs && !m_loudness && cache != nullptr) m_loudness = cache->loudness(m_path);
  double gain_db = m_gain_db;
  if (m_target_lufs && m_loudness) gain_db += normalisation_gain_db(*m_loudness, *m_target_lufs);
  m_applied_gain_db.store(gain_db, std::memory_order_release);
  const auto linear = static_cast<float>(std::pow(10.0, gain_db / 20.0));
  if (m_file) {
    content::SoundFile file = std::move(*m_file);
    m_file.reset();
    m_decoder.emplace(std::move(file), m_device, linear, m_quality);
  } else {
    m_decoder.emplace(m_path, m_device, linear, m_quality);
  }
  m_decoder->skip(m_start_frame);
}

void PlaybackStream::fail(std::exception_ptr error) noexcept {
  {
    const std::lock_guard lock{m_error_mutex};
    m_error = std::move(error);
  }
  m_decoder.reset();
  m_file.reset();
  m_end_pending = true;
  m_state.store(State::failed, std::memory_order_release);
}

bool PlaybackStream::queue_end_mark() noexcept {
  if (m_queue.size() == BlockQueue::capacity()) {
    return false;
  }
  AudioBlock* block = m_pool.acquire();
  if (block == nullptr) {
    return false;
  }
  block->stream = m_id;
  block->end_of_stream = true;
  (void)m_queue.try_push(block);
  m_end_pending = false;
  return true;
}

bool PlaybackStream::top_up(LoudnessCache* cache, std::size_t target_blocks) noexcept {
  if (m_cancel.load(std::memory_order_acquire)) {
    m_decoder.reset();
    m_file.reset();
    m_state.store(State::cancelled, std::memory_order_release);
    return false;
  }
  const State state = m_state.load(std::memory_order_relaxed);
  if (state == State::decoded || state == State::cancelled) {
    return false;
  }
  if (state == State::failed) {
    return m_end_pending && !queue_end_mark();
  }
  try {
    if (!m_decoder) open(cache);
    const std::size_t target = std::min(target_blocks, BlockQueue::capacity());
    while (m_queue.size() < target) {
      AudioBlock* block = m_pool.acquire();
      if (block == nullptr) {
        break;
      }
      block->stream = m_id;
      bool more = false;
      try {
        more = m_decoder->fill(*block);
      } catch (...) {
        m_pool.release(block);
        throw;
      }
      if (block->frames > 0) {
        m_queued_audio.store(true, std::memory_order_release);
      }
      (void)m_queue.try_push(block);
      if (!more) {
        m_decoder.reset();
        m_state.store(State::decoded, std::memory_order_release);
        return false;
      }
    }
    m_state.store(State::ready, std::memory_order_release);
    return true;
  } catch (...) {
    fail(std::current_exception());
    return m_end_pending && !queue_end_mark();
  }
}

}  // namespace tinxa::broadcast
