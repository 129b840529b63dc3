#pragma once

#include "content/loader/LoadResult.hpp"

#include <filesystem>

namespace tinxa::content {

// Reads a content bundle folder (see content/README.md) into a checked model: every YAML file is
// read with strict keys, every reference (category ids, announcement ids, media paths) is
// resolved, every audio file is decoded once with libsndfile, every path is kept inside the
// folder, and all text is NFC. Every problem in every file is reported, with the file named as
// `root` joined with its path in the bundle, so it can be opened from where the person ran the
// command. Reads files only; never throws except std::bad_alloc. May be called from any thread;
// calls share nothing.
[[nodiscard]] LoadResult load_bundle(const std::filesystem::path& root);

}  // namespace tinxa::content
