// The status index (cache.hpp, "The status index"): one `.svi` frame per set of inputs,
// read before loading, consulted by load_unchanged, written back by save_index.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <mutex>
#include <tuple>

#include "svcorg/cache/cache.hpp"
#include "svcorg/cache/codec.hpp"
#include "svcorg/cache/frame.hpp"
#include "svcorg/util/file.hpp"

namespace svcorg::cache {

using codec::Bad;
using codec::Reader;
using codec::Writer;
using namespace frame;

FileStatus FileStatus::of(const struct ::stat& st) {
  FileStatus f;
  f.dev = static_cast<uint64_t>(st.st_dev);
  f.ino = static_cast<uint64_t>(st.st_ino);
  f.size = static_cast<uint64_t>(st.st_size);
  f.mtime_s = st.st_mtim.tv_sec;
  f.mtime_ns = st.st_mtim.tv_nsec;
  f.ctime_s = st.st_ctim.tv_sec;
  f.ctime_ns = st.st_ctim.tv_nsec;
  return f;
}

bool operator==(const FileStatus& a, const FileStatus& b) {
  return std::tie(a.dev, a.ino, a.size, a.mtime_s, a.mtime_ns, a.ctime_s, a.ctime_ns) ==
         std::tie(b.dev, b.ino, b.size, b.mtime_s, b.mtime_ns, b.ctime_s, b.ctime_ns);
}

// The status index file: magic, format, entry count, the scope's key, the body's length
// and XXH3-64, then per entry: the name's length and bytes, the seven status fields and
// the entry key.
void Store::open_index(std::string_view scope) {
  save_index();
  recorded_.clear();
  start_ns_ = now_ns();
  const Key key = key_of("", options_, scope);  // no display path is empty
  index_key_ = key.bytes;
  index_path_ = dir_ + "/" + key.hex() + ".svi";
  use_index("", false);
  std::string file;
  const util::Fd fd(::open(index_path_.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0 || util::read_regular(fd.get(), uint64_t{1} << 30, file) != util::ReadResult::Ok) return;
  if (use_index(std::move(file), false)) ::futimens(fd.get(), nullptr);  // recently used (for eviction)
}

bool Store::use_index(std::string file, bool hit) {
  index_.clear();
  index_hit_.clear();
  index_file_ = std::move(file);  // names are views of its bytes: one allocation for the index
  uint32_t count = 0;
  const auto payload = unframe(index_file_, kIndexMagic, index_key_, &count);
  if (!payload) return false;
  Reader r(payload->data(), payload->data() + payload->size());
  std::vector<std::pair<std::string_view, Indexed>> read;
  try {
    read.reserve(std::min<size_t>(count, index_file_.size() / 80));
    for (uint32_t i = 0; i < count; ++i) {
      uint32_t n = 0;
      r(n);
      const std::string_view name(r.take(n), n);
      Indexed e;
      r(e.status, e.key);
      read.emplace_back(name, e);
    }
  } catch (const Bad&) {
    return false;
  }
  const auto by_name = [](const auto& x, const auto& y) { return x.first < y.first; };
  if (!r.done() || !std::is_sorted(read.begin(), read.end(), by_name)) return false;  // written sorted
  index_ = std::move(read);
  index_hit_.assign(index_.size(), hit ? 1 : 0);
  return true;
}

size_t Store::indexed(std::string_view name) const {
  const auto it = std::lower_bound(index_.begin(), index_.end(), name,
                                   [](const auto& e, std::string_view n) { return e.first < n; });
  return it != index_.end() && it->first == name ? static_cast<size_t>(it - index_.begin()) : index_.size();
}

bool Store::load_unchanged(const std::string& name, const FileStatus& status, const Want& want, Entry& out) {
  const size_t at = indexed(name);
  if (at == index_.size()) return false;
  const Indexed& e = index_[at].second;
  if (!(e.status == status) || !read_entry(e.key, name, want, out)) return false;
  ++status_hits_;
  index_hit_[at] = 1;  // kept as the index has it (each thread marks the files it loads)
  return true;
}

void Store::record(const std::string& name, const FileStatus* status, const std::array<unsigned char, 16>& key) {
  if (!status || index_path_.empty()) return;
  const int64_t changed =
      std::max(status->mtime_s * 1'000'000'000 + status->mtime_ns, status->ctime_s * 1'000'000'000 + status->ctime_ns);
  if (changed + settle_ns_ >= start_ns_) return;  // too recent to be told apart from a later change
  const std::lock_guard<std::mutex> lock(recorded_mutex_);
  recorded_.emplace_back(name, Indexed{*status, key});
}

void Store::save_index() {
  if (index_path_.empty()) return;
  const std::lock_guard<std::mutex> lock(recorded_mutex_);
  // Nothing new and every file of the index found by its status: the index holds.
  if (recorded_.empty() && std::all_of(index_hit_.begin(), index_hit_.end(), [](unsigned char h) { return h; })) return;
  // This run's files by name: those found by their status, as the index has them, then
  // those recorded (of a name loaded twice, the later record).
  std::vector<std::pair<std::string_view, Indexed>> r;
  r.reserve(index_.size() + recorded_.size());
  for (size_t i = 0; i < index_.size(); ++i)
    if (index_hit_[i]) r.push_back(index_[i]);
  for (const auto& [name, e] : recorded_) r.emplace_back(name, e);
  std::stable_sort(r.begin(), r.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  const auto same_name = [](const auto& a, const auto& b) { return a.first == b.first; };
  r.erase(r.begin(), std::unique(r.rbegin(), r.rend(), same_name).base());
  if (r != index_) {
    Writer body;
    for (auto& [name, e] : r) {
      std::string n(name);
      body(n, e.status, e.key);
    }
    std::string out = framed(kIndexMagic, index_key_, static_cast<uint32_t>(r.size()), {body.out});
    if (!put(index_path_, out, nullptr)) return;
    use_index(std::move(out), true);  // what is on disk now
  }
  index_hit_.assign(index_.size(), 1);  // a second save (the destructor's) has nothing to do
  recorded_.clear();
}

}  // namespace svcorg::cache
