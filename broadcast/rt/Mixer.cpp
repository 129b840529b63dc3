#include "broadcast/rt/Mixer.hpp"

#include <algorithm>
#include <cmath>

namespace tinxa::broadcast {

Mixer::Mixer(int sample_rate_hz) noexcept
    : m_resume_ramp_frames{static_cast<std::uint32_t>(
          std::lround(kResumeRampSeconds * std::max(sample_rate_hz, 1)))} {}

bool Mixer::post(const MixerCommand& command) noexcept { return m_commands.try_push(command); }

bool Mixer::next_event(MixerEvent& event) noexcept { return m_events.try_pop(event); }

void Mixer::emit(MixerEvent::Kind kind, StreamId stream, std::int64_t frame) noexcept {
  if (!m_events.try_push(MixerEvent{kind, stream, frame})) {
    m_dropped_events.fetch_add(1, std::memory_order_relaxed);
  }
}

Voice* Mixer::find(StreamId stream) noexcept {
  for (auto& voice : m_voices) {
    if (voice.state != Voice::State::idle && voice.stream == stream) {
      return &voice;
    }
  }
  return nullptr;
}

void Mixer::apply(const MixerCommand& command) noexcept {
  switch (command.kind) {
    case MixerCommand::Kind::start: {
      const auto free = std::find_if(m_voices.begin(), m_voices.end(), [](const Voice& voice) {
        return voice.state == Voice::State::idle;
      });
      if (free == m_voices.end() || command.queue == nullptr || find(command.stream) != nullptr) {
        emit(MixerEvent::Kind::rejected, command.stream, m_frame);
        return;
      }
      *free = Voice{};
      free->state = Voice::State::pending;
      free->stream = command.stream;
      free->queue = command.queue;
      free->target_gain = command.gain;
      free->start_frame = command.at_frame;
      free->fade_in_frames = command.ramp_frames;
      return;
    }
    case MixerCommand::Kind::stop: {
      Voice* voice = find(command.stream);
      if (voice == nullptr) {
        emit(MixerEvent::Kind::rejected, command.stream, m_frame);
        return;
      }
      if (command.at_frame > m_frame + static_cast<std::int64_t>(command.ramp_frames) &&
          voice->state != Voice::State::stopping) {
        voice->stop_frame = command.at_frame;  // render() begins the fade on time
        voice->stop_ramp = command.ramp_frames;
        return;
      }
      if (voice->state == Voice::State::pending) {
        voice->release(m_spent);
        emit(MixerEvent::Kind::stopped, command.stream, m_frame);
        return;
      }
      voice->state = Voice::State::stopping;
      voice->ramp_to(0.0F, command.ramp_frames);
      return;
    }
    case MixerCommand::Kind::set_gain: {
      Voice* voice = find(command.stream);
      if (voice == nullptr) {
        emit(MixerEvent::Kind::rejected, command.stream, m_frame);
        return;
      }
      if (voice->state == Voice::State::pending) {
        voice->target_gain = command.gain;
      } else if (voice->state == Voice::State::playing) {
        voice->ramp_to(command.gain, command.ramp_frames);
      }
      return;
    }
  }
}

void Mixer::render(std::span<float> interleaved, std::size_t channels) noexcept {
  MixerCommand command;
  for (std::size_t i = 0; i < kCommandCapacity && m_commands.try_pop(command); ++i) {
    apply(command);
  }
  std::fill(interleaved.begin(), interleaved.end(), 0.0F);
  const auto frames = static_cast<std::int64_t>(interleaved.size() / channels);

  for (Voice& voice : m_voices) {
    if (voice.state == Voice::State::idle) {
      continue;
    }
    std::size_t from = 0;
    if (voice.state == Voice::State::pending) {
      // A start waits for its first block (see the class comment): it begins on its frame if the
      // block is there, otherwise at the start of the first render that finds one.
      const std::int64_t end = m_frame + frames;
      const std::int64_t start = std::max(voice.start_frame, m_frame);
      const bool before_stop = voice.stop_frame < 0 || start < voice.stop_frame;
      if (start >= end || !before_stop || !voice.prime(m_spent)) {
        if (voice.stop_frame >= 0 && voice.stop_frame < end) {
          // Its stop came before any of it played: it ends on the stop frame, unheard.
          emit(MixerEvent::Kind::stopped, voice.stream, std::max(voice.stop_frame, m_frame));
          voice.release(m_spent);
        }
        continue;
      }
      from = static_cast<std::size_t>(start - m_frame);
      voice.state = Voice::State::playing;
      voice.gain = 0.0F;
      voice.ramp_to(voice.target_gain, voice.fade_in_frames);
      emit(MixerEvent::Kind::started, voice.stream, start);
    }
    if (voice.stop_frame >= 0 && voice.state == Voice::State::playing) {
      // A stop due at a frame: play up to where its fade begins, then fade.
      // The fade's last step (gain 0, not played) falls on stop_frame itself.
      const std::int64_t fade_from = std::max(
          voice.stop_frame - static_cast<std::int64_t>(voice.stop_ramp) + (voice.stop_ramp > 0),
          m_frame);
      if (fade_from < m_frame + frames) {
        const auto split = static_cast<std::size_t>(fade_from - m_frame);
        if (split > from) {
          const Voice::Result head =
              voice.mix(interleaved.first(split * channels), channels, from, m_spent);
          if (head.outcome == Voice::Outcome::ended) {
            emit(MixerEvent::Kind::ended, voice.stream,
                 m_frame + static_cast<std::int64_t>(head.frame));
            voice.release(m_spent);
            continue;
          }
          if (head.outcome == Voice::Outcome::underrun) {
            m_underruns.fetch_add(1, std::memory_order_relaxed);
          }
          from = split;
        }
        const std::int64_t stop_frame = voice.stop_frame;
        voice.state = Voice::State::stopping;
        voice.stop_frame = -1;
        if (voice.block == nullptr && voice.queue->empty()) {
          // Nothing to fade (it ran dry): silent from here, and it ends on its stop frame.
          emit(MixerEvent::Kind::stopped, voice.stream, stop_frame);
          voice.release(m_spent);
          continue;
        }
        // A stream that started inside the fade (late) fades over what is left of it, so the
        // fade still ends on stop_frame.
        const std::int64_t fade_start =
            std::max(fade_from, m_frame + static_cast<std::int64_t>(from));
        voice.ramp_to(0.0F, static_cast<std::uint32_t>(std::min<std::int64_t>(
                                voice.stop_ramp, stop_frame - fade_start + (voice.stop_ramp > 0))));
      }
    }
    const Voice::Result result = voice.mix(interleaved, channels, from, m_spent);
    const std::int64_t at = m_frame + static_cast<std::int64_t>(result.frame);
    switch (result.outcome) {
      case Voice::Outcome::more:
        break;
      case Voice::Outcome::underrun:
        m_underruns.fetch_add(1, std::memory_order_relaxed);
        if (!voice.in_underrun) {
          voice.in_underrun = true;
          emit(MixerEvent::Kind::underrun, voice.stream, at);
        }
        voice.ramp_to(voice.target_gain, m_resume_ramp_frames);
        break;
      case Voice::Outcome::ended:
        emit(MixerEvent::Kind::ended, voice.stream, at);
        voice.release(m_spent);
        break;
      case Voice::Outcome::stopped:
        emit(MixerEvent::Kind::stopped, voice.stream, at);
        voice.release(m_spent);
        break;
    }
  }

  for (float& sample : interleaved) {
    sample = std::clamp(sample, -1.0F, 1.0F);
  }
  m_frame += frames;
  m_frames_rendered.store(m_frame, std::memory_order_release);
}

}  // namespace tinxa::broadcast
