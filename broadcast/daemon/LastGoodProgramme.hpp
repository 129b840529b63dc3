#pragma once

// The last programme (content bundle and schedule) the daemon accepted, kept so that it can start
// on it when the configured files are broken (a bad edit, a power cut during a copy).
//
// Kept in DATA_DIR/broadcast/ (site.data_dir; apart from the kiosk's copy in DATA_DIR, since the
// two programs save at their own times) by content::LastGoodBundle: the bundle folder is copied
// beside the old copy and swapped in with one rename. The schedule goes into the same new copy
// (as kScheduleName, a name the bundle loader ignores) before that rename, so the bundle and the
// schedule are only ever swapped as a pair. A bundle folder that changed after it was loaded
// (content_fingerprint()) is not kept.
//
// While the daemon plays from the copy (it started on it), an occurrence may still open files in
// it after the first accepted reload, so that reload's save() is skipped (keep_while_playing());
// the next accepted reload saves.
//
// Threading: save() is blocking file I/O, for the reload worker only (never the event loop);
// files() may be called from any thread; keep_while_playing() before the worker starts.

#include <filesystem>
#include <optional>
#include <string>

#include "broadcast/daemon/ReloadCandidate.hpp"
#include "content/store/LastGoodBundle.hpp"

namespace tinxa::broadcast {

class LastGoodProgramme {
 public:
  static constexpr const char* kScheduleName = ".tinxa-schedule.yaml";

  // Nothing is created until the first save().
  explicit LastGoodProgramme(const std::filesystem::path& data_dir);

  // Where the copy is, to be loaded like `configured` (whose schedule_folder it keeps, so that
  // relative off_air paths are the configured ones); nullopt when no whole copy was ever saved.
  [[nodiscard]] std::optional<ProgrammeFiles> files(const ProgrammeFiles& configured) const;

  // Keeps what `origin` describes as the last good copy. Returns the line to log (bilingual):
  // saved, not saved because the folder changed meanwhile, or why it failed (the previous copy
  // then stays). Never throws except std::bad_alloc.
  [[nodiscard]] std::string save(const ReloadCandidate::Origin& origin);

  // The daemon started on the copy: the next save() keeps the copy as it is (and says so).
  void keep_while_playing() noexcept { m_skip_next_save = true; }

 private:
  std::filesystem::path m_dir;  // data_dir/broadcast
  content::LastGoodBundle m_bundle;
  bool m_skip_next_save = false;
};

}  // namespace tinxa::broadcast
