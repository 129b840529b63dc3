#include "kiosk/audio/SdlSpeaker.hpp"

#include "content/media/MediaError.hpp"
#include "content/media/SoundFile.hpp"

#include <SDL.h>
#include <samplerate.h>

#include <algorithm>
#include <cmath>
#include <iostream>
#include <vector>

namespace tinxa::kiosk::audio {
namespace {

constexpr std::size_t kChunkFrames = 1024;  // decoded per step of the decoder thread
constexpr double kRampSeconds = 0.010;      // a volume change takes this long
constexpr auto kRingFullWait = std::chrono::milliseconds{10};

struct ResamplerDeleter {
  void operator()(SRC_STATE* state) const noexcept { src_delete(state); }
};

// Maps `frames` interleaved frames of `from` channels onto `to` channels: mono is copied to
// every channel, many channels become mono by their mean, otherwise channel c takes c mod from.
void map_channels(const float* in, std::size_t frames, int from, int to, float* out) {
  const auto f = static_cast<std::size_t>(from);
  const auto t = static_cast<std::size_t>(to);
  for (std::size_t i = 0; i < frames; ++i) {
    const float* src = in + i * f;
    float* dst = out + i * t;
    if (from == to) {
      std::copy(src, src + f, dst);
    } else if (to == 1) {
      float sum = 0.0f;
      for (std::size_t c = 0; c < f; ++c) sum += src[c];
      dst[0] = sum / static_cast<float>(from);
    } else {
      for (std::size_t c = 0; c < t; ++c) dst[c] = src[c % f];
    }
  }
}

}  // namespace

struct SdlSpeaker::Job {
  explicit Job(content::SoundFile f) : file(std::move(f)) {}

  content::SoundFile file;
  std::unique_ptr<SRC_STATE, ResamplerDeleter> resampler;  // null when the rates are equal
  double ratio = 1.0;
  std::vector<float> decoded;  // file channels
  std::vector<float> mapped;   // device channels
  std::vector<float> out;      // device channels at the device rate, waiting for the ring
  std::size_t out_offset = 0;
  bool end_of_file = false;
  bool flushed = false;  // everything is in `out` (or already in the ring)
};

SdlSpeaker::SdlSpeaker() : SdlSpeaker(Options{}) {}

SdlSpeaker::SdlSpeaker(Options options)
    : m_options(options), m_volume(std::clamp(options.volume, 0.0f, 1.0f)) {
  m_target_gain.store(m_volume);
  m_gain = m_volume;
  if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
    m_reason = std::string("SDL audio: ") + SDL_GetError();
    return;
  }
  m_subsystem = true;
  SDL_AudioSpec want{};
  want.freq = options.sample_rate_hz;
  want.format = AUDIO_F32SYS;
  want.channels = static_cast<Uint8>(std::clamp(options.channels, 1, 8));
  want.samples = static_cast<Uint16>(std::clamp(options.buffer_frames, 64, 8192));
  want.callback = &SdlSpeaker::callback;
  want.userdata = this;
  SDL_AudioSpec have{};
  // The format stays float (SDL converts for the device); rate and channels are the device's.
  m_device = SDL_OpenAudioDevice(
      nullptr, 0, &want, &have, SDL_AUDIO_ALLOW_FREQUENCY_CHANGE | SDL_AUDIO_ALLOW_CHANNELS_CHANGE);
  if (m_device == 0) {
    m_reason = std::string("SDL_OpenAudioDevice: ") + SDL_GetError();
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
    m_subsystem = false;
    return;
  }
  m_rate = have.freq;
  m_channels = have.channels;
  const auto ring_frames = static_cast<std::size_t>(
      std::max<long long>(static_cast<long long>(kChunkFrames) * 4,
                          static_cast<long long>(m_rate) * options.ring.count() / 1000));
  m_ring = std::make_unique<SampleRing>(ring_frames * static_cast<std::size_t>(m_channels));
  m_decoder = std::thread([this] { decode_loop(); });
}

SdlSpeaker::~SdlSpeaker() {
  if (m_decoder.joinable()) {
    {
      std::lock_guard lock(m_mutex);
      m_quit = true;
    }
    m_wake.notify_all();
    m_decoder.join();
  }
  if (m_device != 0) SDL_CloseAudioDevice(m_device);
  if (m_subsystem) SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

void SdlSpeaker::callback(void* self, std::uint8_t* stream, int length) noexcept {
  static_cast<SdlSpeaker*>(self)->fill(reinterpret_cast<float*>(stream),
                                       static_cast<std::size_t>(length) / sizeof(float));
}

void SdlSpeaker::fill(float* out, std::size_t samples) noexcept {
  const std::size_t got = m_ring->read({out, samples});
  std::fill(out + got, out + samples, 0.0f);
  const auto channels = static_cast<std::size_t>(m_channels);
  const float target = m_target_gain.load(std::memory_order_relaxed);
  const float step = static_cast<float>(1.0 / (kRampSeconds * m_rate));
  for (std::size_t frame = 0; frame < samples / channels; ++frame) {
    if (m_gain < target) {
      m_gain = std::min(target, m_gain + step);
    } else if (m_gain > target) {
      m_gain = std::max(target, m_gain - step);
    }
    for (std::size_t c = 0; c < channels; ++c) out[frame * channels + c] *= m_gain;
  }
  m_played.fetch_add(got / channels, std::memory_order_relaxed);
  if (got < samples && m_source_done.load(std::memory_order_acquire) && m_ring->readable() == 0) {
    m_drained.store(true, std::memory_order_release);
  }
}

void SdlSpeaker::decode_loop() {
  std::unique_lock lock(m_mutex);
  while (!m_quit) {
    if (!m_job || m_source_done.load(std::memory_order_relaxed)) {
      m_wake.wait(lock);
      continue;
    }
    // Nothing written: the ring is full. The callback empties it without telling anyone (it
    // must not lock), so look again a little later.
    if (produce(*m_job) == 0 && !m_source_done.load(std::memory_order_relaxed)) {
      m_wake.wait_for(lock, kRingFullWait);
    }
  }
}

std::size_t SdlSpeaker::produce(Job& job) {
  std::size_t written = 0;
  // First whatever the last step could not fit.
  if (job.out_offset < job.out.size()) {
    written = m_ring->write(std::span<const float>(job.out).subspan(job.out_offset));
    job.out_offset += written;
    if (job.out_offset < job.out.size()) return written;
  }
  if (job.flushed) {
    m_source_done.store(true, std::memory_order_release);
    return written;
  }
  const auto in_channels = static_cast<std::size_t>(job.file.channels());
  const auto out_channels = static_cast<std::size_t>(m_channels);
  std::size_t frames = 0;
  if (!job.end_of_file) {
    job.decoded.resize(kChunkFrames * in_channels);
    try {
      frames = job.file.read(job.decoded);
    } catch (const std::exception& e) {
      // A corrupt or truncated file: play what was decoded, then stop.
      m_error = e.what();
      std::cerr << "tinxa-kiosk: " << e.what() << '\n';
    }
    if (frames == 0) job.end_of_file = true;
  }
  job.mapped.resize(frames * out_channels);
  map_channels(job.decoded.data(), frames, job.file.channels(), m_channels, job.mapped.data());
  job.out.clear();
  job.out_offset = 0;
  if (!job.resampler) {
    job.out = job.mapped;
    job.flushed = job.end_of_file;
  } else {
    // All of this chunk's input goes in; at the end of the file the resampler is drained.
    std::size_t used = 0;
    while (true) {
      const std::size_t room =
          static_cast<std::size_t>(std::ceil(static_cast<double>(frames - used) * job.ratio)) + 64;
      const std::size_t start = job.out.size();
      job.out.resize(start + room * out_channels);
      SRC_DATA data{};
      data.data_in = job.mapped.data() + used * out_channels;
      data.input_frames = static_cast<long>(frames - used);
      data.data_out = job.out.data() + start;
      data.output_frames = static_cast<long>(room);
      data.src_ratio = job.ratio;
      data.end_of_input = job.end_of_file ? 1 : 0;
      if (const int error = src_process(job.resampler.get(), &data); error != 0) {
        m_error = std::string("libsamplerate: ") + src_strerror(error);
        job.out.resize(start);
        job.flushed = true;
        break;
      }
      used += static_cast<std::size_t>(data.input_frames_used);
      job.out.resize(start + static_cast<std::size_t>(data.output_frames_gen) * out_channels);
      if (used < frames) continue;
      if (!job.end_of_file) break;
      if (data.output_frames_gen == 0) {
        job.flushed = true;
        break;
      }
    }
  }
  const std::size_t more = m_ring->write(job.out);
  job.out_offset += more;
  // A chunk that decoded to nothing (the resampler's start) still counts as progress.
  return written + more + (job.out.empty() ? 1 : 0);
}

void SdlSpeaker::halt_locked() {
  SDL_LockAudioDevice(m_device);
  m_job.reset();
  m_ring->reset();
  m_source_done.store(false);
  m_drained.store(false);
  m_played.store(0);
  m_gain = m_target_gain.load();  // a new sound starts at the volume, not ramping to it
  SDL_UnlockAudioDevice(m_device);
}

bool SdlSpeaker::play(const std::filesystem::path& file, const std::string& subject) {
  stop();
  if (!available()) return false;
  std::unique_ptr<Job> job;
  try {
    job = std::make_unique<Job>(content::SoundFile::open(file));
    if (job->file.channels() < 1 || job->file.sample_rate_hz() < 1) return false;
    if (job->file.sample_rate_hz() != m_rate) {
      int error = 0;
      job->resampler.reset(src_new(SRC_SINC_FASTEST, m_channels, &error));
      if (!job->resampler) {
        std::cerr << "tinxa-kiosk: libsamplerate: " << src_strerror(error) << '\n';
        return false;
      }
      job->ratio = double(m_rate) / job->file.sample_rate_hz();
    }
  } catch (const content::MediaError& e) {
    std::cerr << "tinxa-kiosk: " << e.what() << '\n';
    return false;
  }
  m_duration = std::chrono::milliseconds{job->file.declared_frames() * 1000 /
                                         std::max(1, job->file.sample_rate_hz())};
  {
    std::lock_guard lock(m_mutex);
    halt_locked();
    m_job = std::move(job);
    m_error.clear();
  }
  m_wake.notify_one();
  SDL_PauseAudioDevice(m_device, 0);
  m_state = State::playing;
  m_subject = subject;
  return true;
}

void SdlSpeaker::pause() {
  if (state() != State::playing) return;
  SDL_PauseAudioDevice(m_device, 1);
  m_state = State::paused;
}

void SdlSpeaker::resume() {
  if (state() != State::paused) return;
  SDL_PauseAudioDevice(m_device, 0);
  m_state = State::playing;
}

void SdlSpeaker::stop() {
  m_state = State::stopped;
  m_subject.clear();
  m_duration = std::chrono::milliseconds{0};
  if (!available()) return;
  SDL_PauseAudioDevice(m_device, 1);
  std::lock_guard lock(m_mutex);
  halt_locked();
}

void SdlSpeaker::set_volume(float volume) {
  m_volume = std::clamp(volume, 0.0f, 1.0f);
  m_target_gain.store(m_volume, std::memory_order_relaxed);
}

ui::Speaker::State SdlSpeaker::state() const {
  if (m_state != State::stopped && m_drained.load(std::memory_order_acquire)) {
    return State::stopped;
  }
  return m_state;
}

std::string SdlSpeaker::subject() const {
  return state() == State::stopped ? std::string{} : m_subject;
}

std::chrono::milliseconds SdlSpeaker::position() const {
  if (state() == State::stopped || m_rate == 0) return std::chrono::milliseconds{0};
  return std::chrono::milliseconds{static_cast<long long>(
      m_played.load(std::memory_order_relaxed) * 1000 / static_cast<std::uint64_t>(m_rate))};
}

std::chrono::milliseconds SdlSpeaker::duration() const {
  return state() == State::stopped ? std::chrono::milliseconds{0} : m_duration;
}

std::string SdlSpeaker::last_error() const {
  std::lock_guard lock(m_mutex);
  return m_error;
}

}  // namespace tinxa::kiosk::audio
