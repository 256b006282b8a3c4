// Loading records: bytes to typed records (no disk here), and the whole input set.
#pragma once

#include <sys/stat.h>

#include <cstdint>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "svcorg/diag/diagnostic.hpp"
#include "svcorg/ledger/window.hpp"
#include "svcorg/model/record_set.hpp"
#include "svcorg/util/result.hpp"
#include "svcorg/waive/waive.hpp"

namespace svcorg::cache {
class Store;
}

namespace svcorg::load {

// What svcorg accepts at most, so that no input can exhaust time or memory
// (docs/RELIABILITY.md). Each is a command-line option.
struct Limits {
  uint64_t max_file_size = uint64_t{256} << 20;  // bytes of one input file (or stdin): --max-file-size
  size_t max_depth = 1000;                       // nesting of lists and mappings: --max-depth
  size_t max_records = 10'000'000;               // records (documents) in all inputs: --max-records
};

// Parses one file's bytes (`name` is its display path) and appends its records (and
// the needs' cores) to `set` and its findings (yaml-syntax, duplicate-key, header,
// schema) to `sink`. Each document becomes a record as soon as it is parsed; its tree is
// dropped right after.
void load_bytes(const std::string& name, std::string_view bytes, model::RecordSet& set, diag::Sink& sink,
                const Limits& limits = {});

struct LoadResult {
  model::RecordSet records;
  std::vector<waive::Waiver> waivers;  // inline `# svcorg-ignore` comments, in path order
  std::vector<i18n::Message> fatal;    // unreadable or missing paths, limits exceeded (exit 2)
};

// What a load keeps of the needs. Whole: every need, as a whole record, not checked here
// (validate::run checks them). Cores only (`whole` false): each need is checked alone
// (check::need, against `dates`) right after its file is loaded, on the thread that
// loaded it, and then dropped; the result keeps the needs' cores (RecordSet::needs is
// empty), for the commands that read nothing else of a need.
struct Needs {
  bool whole = true;
  ledger::Window dates;  // what the dated rule (future-date) reads; cores only
};

// Discovers and loads every input (SPEC 2.1). `stdin_stream` is read for the path `-`.
// Files are parsed by `jobs` threads (0: one per core); the records and findings are
// merged in display-path order, so the result is the same for any number of jobs.
// With a `cache`, unchanged files are not parsed again (standard input never is cached);
// keeping cores only, a cache hit reads only the needs' cores and the findings of
// check::need_content (unless some need's dates are after `needs.dates.today`).
LoadResult load_paths(const std::vector<std::string>& paths, diag::Sink& sink, std::istream& stdin_stream,
                      unsigned jobs = 1, cache::Store* cache = nullptr, const Limits& limits = {},
                      const Needs& needs = {});

// A regular file read whole (util::read_regular), of at most `max` bytes; fails with
// load.cannot-open, not-regular, too-big or cannot-read. `seen`, when given, receives the
// file's status before the read.
util::Result<std::string> read_file(const std::string& path, uint64_t max, struct ::stat* seen = nullptr);

// A file held in memory (a blob of a git revision): its display path and bytes.
struct Held {
  std::string name;
  std::string bytes;
};

// Loads files held in memory as load_paths loads files from disk (same checks, limits,
// threads and merge order, in the order given); through `cache` by their bytes and name,
// so a file whose bytes and display path are those of a file already loaded is a hit.
LoadResult load_held(const std::vector<Held>& files, diag::Sink& sink, unsigned jobs = 1, cache::Store* cache = nullptr,
                     const Limits& limits = {}, const Needs& needs = {});

// Appends `part` (records of other files) to `into`, renumbering its files.
void append(model::RecordSet& into, model::RecordSet&& part);

}  // namespace svcorg::load
