#pragma once

// Loudness of a whole file (EBU R128 / ITU-R BS.1770) and the gain that brings it to a target.

#include <filesystem>
#include <stdexcept>
#include <stop_token>

namespace tinxa::broadcast {

struct Loudness {
  // Integrated loudness, gated, in LUFS; -infinity for silence (all blocks below the -70 LUFS
  // gate).
  double integrated_lufs = 0.0;
  // True peak (4x oversampled below 96 kHz, per BS.1770-4) in dBTP over all channels; -infinity
  // for digital silence.
  double true_peak_dbtp = 0.0;

  friend bool operator==(const Loudness&, const Loudness&) = default;
};

// The peak ceiling normalisation keeps to: -1 dBTP, EBU R128's limit for distribution, leaving
// room for the resampler's overshoot (the true peak is measured at the file's own rate).
inline constexpr double kPeakCeilingDbtp = -1.0;

// The gain in dB that brings `loudness` to `target_lufs`, lowered where needed so the TRUE peak
// stays at or below `ceiling_dbtp` (the gain never makes the file clip). Silence gets 0 dB.
// Pure; any thread.
[[nodiscard]] double normalisation_gain_db(const Loudness& loudness, double target_lufs,
                                           double ceiling_dbtp = kPeakCeilingDbtp) noexcept;

// Thrown by a measurement that saw a stop request before it finished (what it measured so far is
// dropped).
class MeasureStopped : public std::runtime_error {
 public:
  MeasureStopped() : std::runtime_error{"loudness measurement stopped"} {}
};

// Decodes all of `path` (content::SoundFile) and measures it with libebur128 in bounded memory
// (histogram mode). A mono file is measured as dual mono, since it plays on both channels.
// `stop` is checked before each decoded chunk of 8192 frames (well under a millisecond of work),
// so a stop request ends even an hour-long file at once. Throws content::MediaError if the file
// cannot be opened or decoded, AudioError if libebur128 fails, MeasureStopped once `stop` is
// requested. Any thread; takes as long as decoding the whole file.
[[nodiscard]] Loudness measure_loudness(const std::filesystem::path& path,
                                        std::stop_token stop = {});

}  // namespace tinxa::broadcast
