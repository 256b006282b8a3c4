// The parse cache: what loading one file produced (its typed records with their
// positions, its findings and its inline waivers), stored under a key that is the
// XXH3-128 of the file's bytes, its display path, a format number and the build of
// svcorg itself. Cross-record validation and scoring always run on the full set; only
// the per-file work (YAML parsing and conversion) is skipped for unchanged files.
//
// One entry per file under the cache folder (`<32 hex>.svc`): a header (magic, format,
// key, payload length, payload checksum) and the payload. Entries are written to a
// temporary file and renamed, so concurrent runs never see half an entry; an entry
// that is truncated, corrupt or foreign fails its header or checksum and is ignored
// (the file is parsed again and the entry rewritten). When the folder grows over the
// size bound, the least recently used entries (oldest mtime; a hit refreshes it) go.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "svcorg/diag/diagnostic.hpp"
#include "svcorg/model/records.hpp"
#include "svcorg/waive/waive.hpp"

namespace svcorg::cache {

constexpr uint64_t kDefaultMaxBytes = 512ull << 20;

// $XDG_CACHE_HOME/svcorg, else $HOME/.cache/svcorg; "" when neither is set.
std::string default_dir();

// What loading one file produced.
struct Entry {
  model::RecordSet records;  // files = {display path}
  std::vector<diag::Diagnostic> findings;
  std::vector<waive::Waiver> waivers;
};

// Serialization (exposed for tests): the payload of an entry, and back; false when
// `bytes` is not a well-formed payload.
std::string encode(const model::RecordSet& records, const std::vector<diag::Diagnostic>& findings,
                   const std::vector<waive::Waiver>& waivers);
bool decode(std::string_view bytes, Entry& out);

class Store {
 public:
  // `dir` is created when the first entry is written. `options` names whatever else
  // changes what loading produces (the parse limits): it is part of every key.
  Store(std::string dir, uint64_t max_bytes = kDefaultMaxBytes, std::string options = "");
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Loading one file through the cache: on a hit, appends the stored records,
  // findings and waivers to `records`, `sink` and `waivers`; on a miss, runs `parse`
  // (which fills them from `bytes`) and stores what it produced. Thread-safe: one Store
  // serves every loader thread. `records`, `sink` and `waivers` must start empty.
  void load(const std::string& name, std::string_view bytes, model::RecordSet& records,
            std::vector<waive::Waiver>& waivers, diag::Sink& sink, const std::function<void()>& parse);

  // Drops the least recently used entries while the folder is over the bound, counting
  // the disk space each entry takes (what `du` shows). Run once at the end (the
  // destructor calls it when something was written).
  void evict();

  size_t hits() const { return hits_; }
  size_t writes() const { return writes_; }
  // Disk space of the entries this run wrote (their bytes rounded up to blocks, as
  // evict() counts them); over max_bytes() the bound cannot hold them and the next run
  // parses most files again.
  uint64_t written_bytes() const { return written_bytes_; }
  uint64_t max_bytes() const { return max_bytes_; }

 private:
  std::string dir_;
  uint64_t max_bytes_;
  std::string options_;
  std::atomic<size_t> hits_{0}, writes_{0};
  std::atomic<uint64_t> written_bytes_{0};
  std::atomic<bool> dir_ready_{false};
};

}  // namespace svcorg::cache
