#pragma once

#include "config/reader/Value.hpp"
#include "content/loader/LoadContext.hpp"
#include "content/model/Media.hpp"

#include <optional>

namespace tinxa::content::loader {

// Resolves a path written in the bundle to a file inside it. Reports, at `value`: an empty or
// absolute path, a path that leaves the bundle (by ".." or through a symbolic link), and a file
// that does not exist (with the closest file name in that folder as a suggestion).
[[nodiscard]] std::optional<MediaPath> resolve_media(const config::Value& value,
                                                     LoadContext& context);

// A recording: resolved, then decoded once per file with libsndfile; a file the library cannot
// read is reported with its path and the library's reason.
[[nodiscard]] std::optional<AudioClip> resolve_audio(const config::Value& value,
                                                     LoadContext& context);

// A PNG or JPEG image, recognised by its first bytes.
[[nodiscard]] std::optional<ImageFile> resolve_image(const config::Value& value,
                                                     LoadContext& context);

}  // namespace tinxa::content::loader
