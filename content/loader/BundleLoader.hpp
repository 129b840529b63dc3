#pragma once

#include "content/loader/LoadResult.hpp"

#include <filesystem>

namespace tinxa::content {

class ProbeCache;  // content/media/ProbeCache.hpp

// How to load a bundle, beyond its folder.
struct LoadOptions {
  // Audio probe outcomes kept between loads (content/media/ProbeCache.hpp): a recording whose
  // path, size and last write time are unchanged since an earlier load with the same cache is
  // not decoded again. After a usable() load, the cache forgets files that load did not use.
  // Null: every recording is decoded, as load_bundle(root) does. Not owned; must outlive the call.
  ProbeCache* probes = nullptr;
};

// Reads a content bundle folder (see content/README.md) into a checked model: every YAML file is
// read with strict keys, every reference (category ids, announcement ids, media paths) is
// resolved, every audio file is decoded once with libsndfile, every path is kept inside the
// folder, and all text is NFC. Every problem in every file is reported, with the file named as
// `root` joined with its path in the bundle, so it can be opened from where the person ran the
// command. Reads files only; never throws except std::bad_alloc. May be called from any thread;
// calls share nothing.
[[nodiscard]] LoadResult load_bundle(const std::filesystem::path& root);

// The same, with `options`. The result, diagnostics included (same messages, same positions), is
// what load_bundle(root) gives, whether an outcome came from options.probes or a fresh decode.
// Calls share only options.probes, which is safe to share between threads.
[[nodiscard]] LoadResult load_bundle(const std::filesystem::path& root, const LoadOptions& options);

}  // namespace tinxa::content
