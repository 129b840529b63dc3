// The last good copy of a content bundle (issue 4, item 6): written beside the old one and swapped
// in whole, unchanged files kept by hard link. Real temporary folders.
#include "content/store/LastGoodBundle.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

using tinxa::content::LastGoodBundle;
namespace fs = std::filesystem;

namespace {

void write(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary | std::ios::trunc) << text;
}

std::string read(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

ino_t inode(const fs::path& file) {
  struct stat s {};
  REQUIRE(::stat(file.c_str(), &s) == 0);
  return s.st_ino;
}

// A bundle with two YAML files and one media file larger than LastGoodBundle::kCompareBytes.
void write_bundle(const fs::path& root, const std::string& title) {
  write(root / "bundle.yaml", "id: thu\ntitle: " + title + "\n");
  write(root / "pages" / "hoc-phi.yaml", "title: Học phí\n");
  write(root / "media" / "big.wav", std::string(LastGoodBundle::kCompareBytes + 10, 'a'));
  write(root / ".git" / "HEAD", "ref: refs/heads/main\n");
}

}  // namespace

TEST_CASE("The last good copy is written when a bundle is accepted and holds its files",
          "[content][last-good]") {
  tinxa::test::TempDir dir;
  const fs::path data = dir / "data";
  fs::create_directories(data);
  write_bundle(dir / "content", "Thử");
  LastGoodBundle last_good(data);
  CHECK_FALSE(last_good.folder());

  const auto stats = last_good.save(dir / "content");
  REQUIRE(stats);
  CHECK(stats->copied == 3);
  CHECK(stats->linked == 0);
  REQUIRE(last_good.folder());
  CHECK(*last_good.folder() == data / "last-good-content");
  CHECK(read(data / "last-good-content" / "bundle.yaml") == "id: thu\ntitle: Thử\n");
  CHECK(read(data / "last-good-content" / "pages" / "hoc-phi.yaml") == "title: Học phí\n");
  CHECK(fs::file_size(data / "last-good-content" / "media" / "big.wav") ==
        LastGoodBundle::kCompareBytes + 10);
  CHECK_FALSE(fs::exists(data / "last-good-content" / ".git"));  // not content
  // Nothing is left beside it.
  CHECK(std::distance(fs::directory_iterator(data), fs::directory_iterator()) == 1);
  // Another program finds it from the data folder alone.
  CHECK(LastGoodBundle(data).folder() == last_good.folder());
}

TEST_CASE("Saving again copies only the files that changed", "[content][last-good]") {
  tinxa::test::TempDir dir;
  const fs::path data = dir / "data";
  fs::create_directories(data);
  const fs::path source = dir / "content";
  write_bundle(source, "Thử");
  LastGoodBundle last_good(data);
  REQUIRE(last_good.save(source));
  const fs::path copy = data / "last-good-content";
  const ino_t media = inode(copy / "media" / "big.wav");
  const ino_t page = inode(copy / "pages" / "hoc-phi.yaml");

  // One YAML file edited: its size stays the same, its bytes do not.
  write(source / "bundle.yaml", "id: thu\ntitle: Thủ\n");
  REQUIRE(fs::file_size(source / "bundle.yaml") == fs::file_size(copy / "bundle.yaml"));
  write(source / "pages" / "vay-von.yaml", "title: Vay vốn\n");
  auto stats = last_good.save(source);
  REQUIRE(stats);
  CHECK(stats->copied == 2);  // bundle.yaml and the new page
  CHECK(stats->linked == 2);
  CHECK(stats->bytes_copied < 100);
  CHECK(read(copy / "bundle.yaml") == "id: thu\ntitle: Thủ\n");
  CHECK(read(copy / "pages" / "vay-von.yaml") == "title: Vay vốn\n");
  CHECK(inode(copy / "media" / "big.wav") == media);  // the same file, not a copy
  CHECK(inode(copy / "pages" / "hoc-phi.yaml") == page);

  // A large file with a new modification time is copied again; a removed file goes.
  fs::last_write_time(source / "media" / "big.wav",
                      fs::last_write_time(source / "media" / "big.wav") + std::chrono::seconds{5});
  fs::remove(source / "pages" / "vay-von.yaml");
  stats = last_good.save(source);
  REQUIRE(stats);
  CHECK(stats->copied == 1);
  CHECK(inode(copy / "media" / "big.wav") != media);
  CHECK_FALSE(fs::exists(copy / "pages" / "vay-von.yaml"));
}

TEST_CASE("A half-written copy is never used and the next save clears it", "[content][last-good]") {
  tinxa::test::TempDir dir;
  const fs::path data = dir / "data";
  fs::create_directories(data);
  // A crash while the first copy was being written.
  write(data / ".last-good-content.new" / "bundle.yaml", "id: nua\n");
  LastGoodBundle last_good(data);
  CHECK_FALSE(last_good.folder());

  write_bundle(dir / "content", "Thử");
  REQUIRE(last_good.save(dir / "content"));
  REQUIRE(last_good.folder());
  CHECK(read(*last_good.folder() / "bundle.yaml") == "id: thu\ntitle: Thử\n");
  CHECK_FALSE(fs::exists(data / ".last-good-content.new"));

  // A crash while the next one was being written leaves the last whole copy in use.
  write(data / ".last-good-content.new" / "bundle.yaml", "id: nua\n");
  CHECK(*last_good.folder() == data / "last-good-content");
  CHECK(read(*last_good.folder() / "bundle.yaml") == "id: thu\ntitle: Thử\n");
}

TEST_CASE("A copy the check refuses leaves the previous one in place", "[content][last-good]") {
  tinxa::test::TempDir dir;
  const fs::path data = dir / "data";
  fs::create_directories(data);
  const fs::path source = dir / "content";
  write_bundle(source, "Thử");
  LastGoodBundle last_good(data);
  REQUIRE(last_good.save(source));

  write(source / "bundle.yaml", "id: thu\ntitle: Đang sửa\n");
  fs::path seen;
  const auto refused = last_good.save(source, [&](const fs::path& copy) {
    seen = copy;
    CHECK(read(copy / "bundle.yaml") == "id: thu\ntitle: Đang sửa\n");  // the copy as written
    return false;
  });
  CHECK_FALSE(refused);
  CHECK_FALSE(seen.empty());
  CHECK_FALSE(fs::exists(seen));
  CHECK(read(*last_good.folder() / "bundle.yaml") == "id: thu\ntitle: Thử\n");

  // A missing data folder is an error the caller sees, and nothing is half made.
  LastGoodBundle nowhere(dir / "no-data");
  CHECK_THROWS(nowhere.save(source));
  CHECK_FALSE(nowhere.folder());
}

TEST_CASE("A swap cut between its two renames still finds the whole old copy",
          "[content][last-good]") {
  tinxa::test::TempDir dir;
  const fs::path data = dir / "data";
  // Where the file system has no exchange, the old copy is renamed aside first.
  write_bundle(data / ".last-good-content.old", "Cũ");
  LastGoodBundle last_good(data);
  REQUIRE(last_good.folder());
  CHECK(read(*last_good.folder() / "bundle.yaml") == "id: thu\ntitle: Cũ\n");

  // The next save puts it back first, and links from it.
  write_bundle(dir / "content", "Cũ");
  const auto stats = last_good.save(dir / "content");
  REQUIRE(stats);
  CHECK(stats->linked == 2);  // the YAML files, the same bytes
  CHECK(stats->copied == 1);  // the media file was written again: a new modification time
  CHECK(*last_good.folder() == data / "last-good-content");
  CHECK_FALSE(fs::exists(data / ".last-good-content.old"));
}
