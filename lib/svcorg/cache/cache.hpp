// The parse cache: what loading one file produced (its typed records with their
// positions, its findings and its inline waivers), stored under a key that is the
// XXH3-128 of the file's bytes, its display path, a format number and the build of
// svcorg itself. Cross-record validation and scoring always run on the full set; only
// the per-file work (YAML parsing and conversion) is skipped for unchanged files.
//
// One entry per file under the cache folder (`<32 hex>.svc`): a header (magic, format,
// key, and each section's length and checksum), then two sections. The first holds all
// but the whole needs: the other records, the needs' cores, the findings, the waivers,
// and the findings of the rules about each need alone that do not read the as-of date
// (check::need_content). The second holds the whole needs. The commands that keep
// only the needs' cores (validate, score, compare) read the first section alone, a sixth
// of a ledger file's entry; they read the second too when some need is dated after their
// as-of date (future-date must then see the need). Entries are written to a temporary
// file and renamed, so concurrent runs never see half an entry; an entry that is
// truncated, corrupt or foreign fails its header or a checksum and is ignored (the file
// is parsed again and the entry rewritten). When the folder grows over the size bound,
// the least recently used entries go: the oldest mtime (a hit sets it to now when it is
// over an hour old).
//
// The status index: reading and hashing every input is most of a warm run. So each run
// also records, per input file, its status (device, inode, size, mtime, ctime) and the
// key its bytes had, in one index file per set of inputs (`<32 hex>.svi`: the build, the
// options, the working directory and the paths named). A later run finds a file whose
// status is unchanged by that status alone, as git's index does: ctime cannot be set
// back by any user call, so an edited file always looks changed. A file changed within
// `settle` before the run (2 s) is not recorded: a change in the same clock tick as the
// recorded status would otherwise go unseen. The entry a status leads to is checked like
// any other; if it is missing or damaged the file is read and hashed as usual.
#pragma once

#include <sys/stat.h>

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "svcorg/diag/diagnostic.hpp"
#include "svcorg/model/record_set.hpp"
#include "svcorg/waive/waive.hpp"

namespace svcorg::cache {

constexpr uint64_t kDefaultMaxBytes = 512ull << 20;

// $XDG_CACHE_HOME/svcorg, else $HOME/.cache/svcorg; "" when neither is set.
std::string default_dir();

// What the status index compares (see above).
struct FileStatus {
  uint64_t dev = 0, ino = 0, size = 0;
  int64_t mtime_s = 0, mtime_ns = 0, ctime_s = 0, ctime_ns = 0;
  static FileStatus of(const struct ::stat& st);
  friend bool operator==(const FileStatus& a, const FileStatus& b);
};

// What loading one file produced.
struct Entry {
  model::RecordSet records;  // files = {display path}; the needs whole (unless read without) and their cores
  std::vector<diag::Diagnostic> findings;  // of loading it: parsing, schema, waiver comments
  std::vector<waive::Waiver> waivers;
  // The findings of check::need_content on each need, when it was run.
  std::optional<std::vector<diag::Diagnostic>> need_findings;
  std::optional<util::Date> latest;  // the latest model::latest_date of its needs
};

// What a hit must give: the whole needs, or only their cores. A hit gives the whole
// needs anyway when the cores alone cannot stand for them: the entry has no need
// findings, or a need is dated after `today` (future-date must see it).
struct Want {
  bool needs = true;
  util::Date today;
};

// Serialization (exposed for tests): an entry's two sections, and back. decode() reads
// the first (RecordSet::needs stays empty), decode_needs() then the second. Each is
// false when its bytes are not well formed (decode_needs then leaves no need).
struct Sections {
  std::string cores, needs;
};
Sections encode(const Entry& entry);
bool decode(std::string_view cores, Entry& out);
bool decode_needs(std::string_view needs, Entry& out);

class Store {
 public:
  // `dir` is created when the first entry is written. `options` names whatever else
  // changes what loading produces (the parse limits): it is part of every key.
  Store(std::string dir, uint64_t max_bytes = kDefaultMaxBytes, std::string options = "");
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // The entry of the file `name` with these `bytes`: on a hit, fills `out` (see Want)
  // and returns true; on a miss, returns false (the loader parses the file and calls
  // store()). Thread-safe: one Store serves every loader thread. `out` must start empty
  // but for its records' pools, where the cores of a hit keep their texts. `status` is
  // the file's status before its bytes were read: with it, the file's key is recorded in
  // the status index (unless the file changed within `settle`).
  bool find(const std::string& name, std::string_view bytes, const Want& want, Entry& out,
            const FileStatus* status = nullptr);
  // Stores `entry`, what parsing `bytes` whole produced (the needs whole, with their
  // cores), as the entry of `name` and `bytes`, and records it as find() does. Any
  // failure only means no entry. Thread-safe.
  void store(const std::string& name, std::string_view bytes, const Entry& entry, const FileStatus* status = nullptr);

  // Reads the status index of this set of inputs (`scope`: whatever names it, such as
  // the working directory and the paths given), before loading any of its files. A
  // Store that loads a second set saves the first set's index first.
  void open_index(std::string_view scope);
  // A hit by status alone: when the index holds `name` with this very status and the
  // entry it names is sound, fills `out` (as load() does on a hit) and returns true,
  // without the file being read. Thread-safe.
  bool load_unchanged(const std::string& name, const FileStatus& status, const Want& want, Entry& out);
  // Writes the status index if this run's differs from the one read (the destructor
  // calls it first).
  void save_index();
  // How long before the run a file must have last changed to be recorded (tests set 0).
  void set_settle(std::chrono::nanoseconds settle) { settle_ns_ = settle.count(); }

  // Drops the least recently used entries while the folder is over the bound, counting
  // the disk space each entry takes (what `du` shows). Run once at the end (the
  // destructor calls it when something was written).
  void evict();

  size_t hits() const { return hits_; }
  size_t status_hits() const { return status_hits_; }  // hits by status alone (load_unchanged)
  size_t writes() const { return writes_; }
  size_t needs_read() const { return needs_read_; }  // hits that read the whole needs (the second section)
  // Disk space of the entries this run wrote (their bytes rounded up to blocks, as
  // evict() counts them); over max_bytes() the bound cannot hold them and the next run
  // parses most files again.
  uint64_t written_bytes() const { return written_bytes_; }
  uint64_t max_bytes() const { return max_bytes_; }

 private:
  std::string dir_;
  uint64_t max_bytes_;
  std::string options_;
  std::atomic<size_t> hits_{0}, writes_{0}, needs_read_{0};
  std::atomic<uint64_t> written_bytes_{0};
  std::atomic<bool> dir_ready_{false};

  struct Indexed {
    FileStatus status;
    std::array<unsigned char, 16> key{};
    friend bool operator==(const Indexed& a, const Indexed& b) { return a.status == b.status && a.key == b.key; }
  };
  bool read_entry(const std::array<unsigned char, 16>& key, const std::string& name, const Want& want, Entry& out);
  void record(const std::string& name, const FileStatus* status, const std::array<unsigned char, 16>& key);
  bool put(const std::string& path, std::string_view bytes, uint64_t* disk_bytes);
  std::string index_path_;  // "" : no index this run
  std::array<unsigned char, 16> index_key_{};
  // The index as read, by name (names view index_file_), not changed while loading; a
  // status hit marks its entry in index_hit_ (each loader thread its own entries).
  std::string index_file_;
  std::vector<std::pair<std::string_view, Indexed>> index_;
  std::vector<unsigned char> index_hit_;
  // Makes `file` the index (with every entry marked hit or not); false if it is not a
  // sound index of this set of inputs (the index is then empty).
  bool use_index(std::string file, bool hit);
  size_t indexed(std::string_view name) const;  // where `name` is in index_, else its size
  std::mutex recorded_mutex_;
  std::vector<std::pair<std::string, Indexed>> recorded_;  // this run's, but for status hits
  int64_t settle_ns_ = 2'000'000'000;
  int64_t start_ns_ = 0;    // wall clock when the run began (open_index)
  static int64_t now_ns();  // the wall clock, in nanoseconds since the epoch
  std::atomic<size_t> status_hits_{0};
};

}  // namespace svcorg::cache
