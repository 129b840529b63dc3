#pragma once

#include <filesystem>

#include "content/media/AudioInfo.hpp"

namespace tinxa::content {

// Checks that `path` is usable audio by decoding ALL of it (a good header over corrupt data is
// caught here, not on the air), and reports what was decoded. Formats: whatever the system's
// libsndfile reads; on Debian 12 that includes WAV, FLAC, OGG Vorbis, OGG Opus and MP3.
//
// What a damaged file gives, with libsndfile 1.2:
//  - a WAV cut short: the audio that is there (libsndfile shortens the data chunk to the file),
//    so the duration is shorter than the recording was;
//  - FLAC or MP3 with corrupt or missing frames: MediaError (the decoder loses sync);
//  - OGG cut short: MediaError at open ("file is malformed").
// Throws MediaError naming the path and the reason: cannot open, unknown format, a decoding error
// (with the position it happened at), or no audio at all (zero frames). Any thread; blocks for
// the time it takes to read and decode the file.
[[nodiscard]] AudioInfo probe_audio(const std::filesystem::path& path);

}  // namespace tinxa::content
