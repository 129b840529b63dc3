#pragma once

#include "config/reader/Value.hpp"
#include "content/loader/LoadContext.hpp"
#include "content/model/Media.hpp"

#include <optional>

namespace tinxa::content::loader {

// Resolves a path written in the bundle to a file inside it. Reports, at `value`, and returns
// nothing for: a value that is not a path, an empty or absolute path, a path that leaves the
// bundle (by ".." or through a symbolic link). Reports as a media problem (DiagnosticKind::media)
// and returns the path marked unavailable (MediaPath::unavailable): a file that does not exist
// (with the closest file name in that folder as a suggestion) or is not a regular file.
[[nodiscard]] std::optional<MediaPath> resolve_media(const config::Value& value,
                                                     LoadContext& context);

// A recording: resolved, then decoded once per file with libsndfile; a file the library cannot
// read is reported as a media problem with its path and the library's reason, and returned
// marked unavailable. Nothing is returned only when resolve_media() returns nothing.
[[nodiscard]] std::optional<AudioClip> resolve_audio(const config::Value& value,
                                                     LoadContext& context);

// A PNG or JPEG image, recognised by its first bytes; any other file is a media problem, returned
// marked unavailable, as for resolve_audio().
[[nodiscard]] std::optional<ImageFile> resolve_image(const config::Value& value,
                                                     LoadContext& context);

}  // namespace tinxa::content::loader
