// Keeping the cache folder under its bound (--cache-size): the least recently used
// entries and indexes go first.
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "svcorg/cache/cache.hpp"

namespace svcorg::cache {

void Store::evict() {
  if (writes_ == 0) return;
  // One fstatat per entry (a folder at the default bound can hold 100,000 entries or
  // more), and each entry counts the disk space it takes (st_blocks), so that `du` of
  // the folder agrees with --cache-size: entries are small, and 4 KiB blocks made a
  // folder of many small entries take twice its bytes.
  struct Item {
    timespec mtime;
    uint64_t size;
    std::string name;
  };
  std::unique_ptr<DIR, int (*)(DIR*)> d(::opendir(dir_.c_str()), ::closedir);
  if (!d) return;
  const int fd = ::dirfd(d.get());
  std::vector<Item> items;
  uint64_t total = 0;
  while (const dirent* e = ::readdir(d.get())) {
    const std::string_view name = e->d_name;
    // Entries and status indexes.
    if (name.size() <= 4 || (name.substr(name.size() - 4) != ".svc" && name.substr(name.size() - 4) != ".svi"))
      continue;
    struct stat st {};
    if (::fstatat(fd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode)) continue;
    const uint64_t size = static_cast<uint64_t>(st.st_blocks) * 512;
    total += size;
    items.push_back({st.st_mtim, size, std::string(name)});
  }
  if (total <= max_bytes_) return;
  // Oldest first; the name breaks ties, so which entries go does not depend on the
  // order the folder lists them in.
  std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
    return std::tie(a.mtime.tv_sec, a.mtime.tv_nsec, a.name) < std::tie(b.mtime.tv_sec, b.mtime.tv_nsec, b.name);
  });
  for (const auto& it : items) {
    if (total <= max_bytes_) break;
    if (::unlinkat(fd, it.name.c_str(), 0) == 0) total -= it.size;
  }
}

}  // namespace svcorg::cache
