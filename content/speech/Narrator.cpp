#include "content/speech/Narrator.hpp"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <vector>

#include <fmt/format.h>

#include "content/media/MediaError.hpp"
#include "content/media/SoundFile.hpp"
#include "content/media/SoundFileWriter.hpp"

extern char** environ;

namespace tinxa::content {

namespace {

// Runs `arguments` (arguments[0] looked up in PATH) and waits; returns its exit status.
int run(const std::vector<std::string>& arguments) {
  std::vector<char*> argv;
  for (const auto& a : arguments) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = ::posix_spawnp(&pid, argv[0], nullptr, nullptr, argv.data(), environ);
  if (spawned == ENOENT)
    throw NarrationError(
        "chưa cài espeak-ng (deploy/setup.sh cài nó) / espeak-ng is not installed "
        "(deploy/setup.sh installs it)");
  if (spawned != 0)
    throw NarrationError(fmt::format("không chạy được espeak-ng / cannot run espeak-ng: {}",
                                     std::strerror(spawned)));
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) throw NarrationError("waitpid failed");
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

void convert_to_ogg(const std::filesystem::path& wav, const std::filesystem::path& ogg) {
  SoundFile in = SoundFile::open(wav);
  SoundFileWriter out =
      SoundFileWriter::create(ogg, AudioFileFormat::ogg_vorbis, in.sample_rate_hz(), in.channels());
  std::vector<float> buffer(4096 * static_cast<std::size_t>(in.channels()));
  std::size_t frames = 0, total = 0;
  while ((frames = in.read(buffer)) > 0) {
    out.write(
        std::span<const float>(buffer.data(), frames * static_cast<std::size_t>(in.channels())));
    total += frames;
  }
  out.close();
  if (total == 0) throw NarrationError("espeak-ng không tạo ra âm thanh / espeak-ng made no audio");
}

}  // namespace

std::uint64_t stable_hash(std::string_view text) noexcept {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

void render_narration(std::string_view text, const Voice& voice,
                      const std::filesystem::path& output) {
  const auto text_file = std::filesystem::path(output).concat(".txt.tmp");
  const auto wav_file = std::filesystem::path(output).concat(".wav.tmp");
  const auto ogg_file = std::filesystem::path(output).concat(".ogg.tmp");
  struct Cleanup {
    std::vector<std::filesystem::path> files;
    ~Cleanup() {
      std::error_code ec;
      for (const auto& f : files) std::filesystem::remove(f, ec);
    }
  } cleanup{{text_file, wav_file, ogg_file}};
  std::filesystem::create_directories(output.parent_path());
  std::ofstream(text_file, std::ios::binary) << text;
  const int status =
      run({"espeak-ng", "-v", voice.name, "-s", std::to_string(voice.words_per_minute), "-w",
           wav_file.string(), "-f", text_file.string()});
  if (status != 0)
    throw NarrationError(fmt::format("espeak-ng lỗi / espeak-ng failed (exit status {})", status));
  try {
    convert_to_ogg(wav_file, ogg_file);
  } catch (const MediaError& e) {
    throw NarrationError(
        fmt::format("không chuyển được sang OGG / cannot convert to OGG: {}", e.what()));
  }
  std::filesystem::rename(ogg_file, output);
}

NarrationCache::NarrationCache(std::filesystem::path folder, Voice voice)
    : m_folder(std::move(folder)), m_voice(std::move(voice)) {}

std::filesystem::path NarrationCache::path_for(std::string_view page_id,
                                               std::string_view text) const {
  const std::string key = fmt::format("{}\n{}\n{}", m_voice.name, m_voice.words_per_minute, text);
  return m_folder / fmt::format("{}-{:016x}.ogg", page_id, stable_hash(key));
}

bool NarrationCache::ensure(std::string_view page_id, std::string_view text) const {
  const auto path = path_for(page_id, text);
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) return false;
  render_narration(text, m_voice, path);
  return true;
}

std::size_t NarrationCache::prune(const std::vector<std::filesystem::path>& keep) const {
  std::size_t removed = 0;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(m_folder, ec)) {
    if (entry.path().extension() != ".ogg") continue;
    if (std::find(keep.begin(), keep.end(), entry.path()) != keep.end()) continue;
    if (std::filesystem::remove(entry.path(), ec)) ++removed;
  }
  return removed;
}

}  // namespace tinxa::content
