// The Store: loading a file through the cache (a hit reads an entry's first section and,
// when wanted, its second; a miss parses and writes the entry) and writing files atomically.
#include "svcorg/cache/cache.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "svcorg/cache/frame.hpp"
#include "svcorg/util/file.hpp"

namespace svcorg::cache {

using namespace frame;

namespace {

// An entry's first read: its header and, for most files, its first section whole.
constexpr size_t kFirstRead = 16 << 10;
constexpr int64_t kTouchAfter = 3600;  // seconds: a hit refreshes an entry older than this

}  // namespace

int64_t Store::now_ns() {
  timespec now{};
  ::clock_gettime(CLOCK_REALTIME, &now);
  return int64_t{now.tv_sec} * 1'000'000'000 + now.tv_nsec;
}

std::string default_dir() {
  if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x == '/') return std::string(x) + "/svcorg";
  if (const char* h = std::getenv("HOME"); h && *h) return std::string(h) + "/.cache/svcorg";
  return "";
}

Store::Store(std::string dir, uint64_t max_bytes, std::string options)
    : dir_(std::move(dir)), max_bytes_(max_bytes), options_(std::move(options)), start_ns_(now_ns()) {}

Store::~Store() {
  try {
    save_index();
    evict();
  } catch (...) {  // a cache problem never fails a run
  }
}

bool Store::read_entry(const std::array<unsigned char, 16>& key, const std::string& name, const Want& want,
                       Entry& out) {
  const std::string path = dir_ + "/" + hex(key) + ".svc";
  const util::Fd entry(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  struct stat st {};
  if (entry.get() < 0 || ::fstat(entry.get(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
  const auto size = static_cast<uint64_t>(st.st_size);
  // The header and the first section; then the second, only when it is wanted.
  EntryBytes bytes;
  if (!bytes.read_up_to(entry.get(), static_cast<size_t>(std::min<uint64_t>(size, kFirstRead)))) return false;
  const auto h = head_of(bytes.view(), kMagic, key, 2);
  if (!h || h->total != size || !bytes.read_up_to(entry.get(), std::max<size_t>(bytes.view().size(), h->start(1))))
    return false;
  const auto cores = section(bytes.view(), *h, 0);
  Entry e;
  e.records.pools = out.records.pools;
  if (!cores || !decode(*cores, e) || e.records.files.size() != 1 || e.records.files.front() != name) return false;
  if (want.needs || !e.need_findings || (e.latest && want.today < *e.latest)) {
    if (!bytes.read_up_to(entry.get(), static_cast<size_t>(size))) return false;
    const auto needs = section(bytes.view(), *h, 1);
    if (!needs || !decode_needs(*needs, e)) return false;
    ++needs_read_;
  }
  out = std::move(e);
  // Recently used (for eviction), to the hour: touching every entry of every run wrote
  // 7,201 inodes per warm run of the 100k-need district.
  if (int64_t{st.st_mtim.tv_sec} + kTouchAfter < start_ns_ / 1'000'000'000) ::futimens(entry.get(), nullptr);
  ++hits_;
  return true;
}

bool Store::find(const std::string& name, std::string_view bytes, const Want& want, Entry& out,
                 const FileStatus* status) {
  const Key key = key_of(name, options_, bytes);
  if (!read_entry(key.bytes, name, want, out)) return false;
  record(name, status, key.bytes);
  return true;
}

void Store::store(const std::string& name, std::string_view bytes, const Entry& entry, const FileStatus* status) {
  const Key key = key_of(name, options_, bytes);
  const Sections parts = encode(entry);
  const std::string file = framed(kMagic, key.bytes, 0, {parts.cores, parts.needs});
  uint64_t disk = 0;
  if (!put(dir_ + "/" + key.hex() + ".svc", file, &disk)) return;
  ++writes_;
  written_bytes_ += disk;
  record(name, status, key.bytes);
}

bool Store::put(const std::string& path, std::string_view bytes, uint64_t* disk_bytes) {
  if (!dir_ready_) {
    std::error_code ec;
    std::filesystem::create_directories(dir_, ec);
    if (ec) return false;
    dir_ready_ = true;
  }
  // A unique temporary name per process and file, then rename: readers see the old
  // file, the new one or none, never a partial one. No fsync: an entry or index torn by
  // a crash fails its checksum and is rewritten.
  static std::atomic<uint64_t> counter{0};
  const std::string tmp = fmt::format("{}/.tmp-{}-{}", dir_, ::getpid(), counter++);
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return false;
  // What the file will take on disk, as evict() counts it: its bytes rounded up to the
  // file system's block (st_blocks may not count them yet before the data is written out).
  struct stat st {};
  const uint64_t block = ::fstat(fd, &st) == 0 && st.st_blksize > 0 ? static_cast<uint64_t>(st.st_blksize) : 4096;
  size_t done = 0;
  bool ok = true;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ok = false;
      break;
    }
    done += static_cast<size_t>(n);
  }
  ok = ::close(fd) == 0 && ok;
  if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
    ::unlink(tmp.c_str());
    return false;
  }
  if (disk_bytes) *disk_bytes = (bytes.size() + block - 1) / block * block;
  return true;
}

}  // namespace svcorg::cache
