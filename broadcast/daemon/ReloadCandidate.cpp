#include "broadcast/daemon/ReloadCandidate.hpp"

#include <fstream>
#include <iterator>
#include <sstream>
#include <system_error>

#include "broadcast/schedule/ScheduleReader.hpp"
#include "config/reader/Document.hpp"
#include "content/loader/BundleLoader.hpp"

namespace tinxa::broadcast {

namespace {

std::optional<std::string> read_all(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(text).str();
}

// load_checked_schedule() on bytes already read.
std::optional<Schedule> checked_schedule(const std::string& text, const ProgrammeFiles& files,
                                         const content::Bundle& bundle,
                                         config::Diagnostics& diagnostics) {
  config::Diagnostics found;
  std::optional<Schedule> schedule;
  if (auto document = config::Document::parse(text, files.schedule_file.string(), found))
    schedule = read_schedule(document->root(), files.schedule_folder);
  if (schedule) check_references(*schedule, bundle, found);
  const bool ok = schedule && !found.has_errors();
  found.sort();
  diagnostics.merge(std::move(found));
  if (!ok) return std::nullopt;
  return schedule;
}

std::uint64_t mix(std::uint64_t hash, std::string_view bytes) {
  for (const char c : bytes) hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  return hash;
}

}  // namespace

ReloadCandidate::FileTime modification_time(const std::filesystem::path& file) {
  std::error_code ec;
  const auto time = std::filesystem::last_write_time(file, ec);
  if (ec) return std::nullopt;
  return time;
}

std::uint64_t content_fingerprint(const std::filesystem::path& root) {
  namespace fs = std::filesystem;
  std::uint64_t hash = 14695981039346656037ULL;
  std::error_code ec;
  fs::recursive_directory_iterator it(root, fs::directory_options::follow_directory_symlink, ec);
  if (ec) return 0;
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) return 0;
    const std::string name = it->path().filename().string();
    if (name.empty() || name.front() == '.') {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    hash = mix(hash, it->path().lexically_relative(root).string());
    if (!it->is_regular_file(ec)) continue;
    const auto size = it->file_size(ec);
    const auto time = it->last_write_time(ec).time_since_epoch().count();
    hash = mix(hash, std::string_view{reinterpret_cast<const char*>(&size), sizeof size});
    hash = mix(hash, std::string_view{reinterpret_cast<const char*>(&time), sizeof time});
  }
  return hash;
}

ReloadCandidate load_candidate(const ProgrammeFiles& files, const BundleLoad& load) {
  ReloadCandidate out;
  out.schedule_time = modification_time(files.schedule_file);
  out.origin.content_dir = files.content_dir;
  out.origin.fingerprint = content_fingerprint(files.content_dir);
  content::LoadResult loaded =
      load ? load(files.content_dir) : content::load_bundle(files.content_dir);
  // Media problems (a missing or broken recording) do not stop the bundle: the engine skips
  // those items when they fall due and logs why.
  const bool bundle_ok = loaded.usable();
  out.media_problems = loaded.diagnostics.media_error_count();
  loaded.diagnostics.sort();
  out.diagnostics.merge(std::move(loaded.diagnostics));
  if (!bundle_ok) return out;
  if (auto text = read_all(files.schedule_file)) {
    out.schedule = checked_schedule(*text, files, loaded.bundle, out.diagnostics);
    out.origin.schedule_text = std::move(*text);
  } else {
    // Reports why the file cannot be read, as `tinxa check` does.
    out.schedule = load_checked_schedule(files.schedule_file, files.schedule_file.string(),
                                         loaded.bundle, out.diagnostics);
  }
  if (out.schedule) out.bundle = std::move(loaded.bundle);
  return out;
}

}  // namespace tinxa::broadcast
