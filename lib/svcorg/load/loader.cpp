#include "svcorg/load/loader.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <sstream>

#include "svcorg/cache/cache.hpp"
#include "svcorg/check/need.hpp"
#include "svcorg/load/discover.hpp"
#include "svcorg/load/unusable.hpp"
#include "svcorg/model/convert.hpp"
#include "svcorg/util/file.hpp"
#include "svcorg/util/parallel.hpp"
#include "svcorg/yaml/parse.hpp"

namespace svcorg::load {

namespace {

// Converts one document (convert_document); when that adds a finding, notes what a
// document it drops (or keeps without its id) would define. A valid document costs one
// comparison more.
void convert(const yaml::Node& node, uint32_t file, uint32_t doc, model::RecordSet& set, diag::Sink& sink) {
  const size_t findings = sink.items().size();
  const detail::Counts before = detail::counts(set);
  model::convert_document(node, file, doc, set, sink);
  if (sink.items().size() != findings) detail::note_document(node, file, doc, set, before, sink, findings);
}

}  // namespace

void load_bytes(const std::string& name, std::string_view bytes, model::RecordSet& set, diag::Sink& sink,
                const Limits& limits) {
  const auto file = static_cast<uint32_t>(set.files.size());
  set.files.push_back(name);
  std::vector<yaml::ParseIssue> issues;
  uint32_t doc = 0;
  yaml::ParseLimits parse_limits;
  parse_limits.max_depth = limits.max_depth;
  parse_limits.max_documents = limits.max_records;
  yaml::parse_stream(
      bytes, [&](yaml::Node&& node) { convert(node, file, doc++, set, sink); }, issues, parse_limits);
  if (!issues.empty() || doc == 0) detail::note_file(name, bytes, file, doc, issues, set);
  for (auto& issue : issues) {
    diag::Diagnostic d;
    d.file = name;
    d.pos = issue.pos;
    d.rule = issue.rule;
    d.message = std::move(issue.message);
    if (issue.related.known()) {
      d.has_related = true;
      d.related = {name, issue.related};
    }
    sink.add(std::move(d));
  }
  set.add_cores();
}

util::Result<std::string> read_file(const std::string& path, uint64_t max, struct stat* seen) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return util::fail(i18n::Message("load.cannot-open", {{"path", path}, {"error", std::strerror(errno)}}));
  const util::Fd closer(fd);
  std::string out;
  switch (util::read_regular(fd, max, out, seen)) {
    case util::ReadResult::Ok:
      return out;
    case util::ReadResult::NotRegular:
      return util::fail(i18n::Message("load.not-regular", {{"path", path}}));
    case util::ReadResult::TooBig:
      return util::fail(i18n::Message("load.too-big", {{"path", path}, {"max", max}}));
    case util::ReadResult::Error:
      break;
  }
  return util::fail(i18n::Message("load.cannot-read", {{"path", path}, {"error", std::strerror(errno)}}));
}

namespace {

// Standard input, at most `max` bytes.
util::Result<std::string> read_stream(std::istream& in, uint64_t max) {
  std::string out;
  char buf[65536];
  while (in) {
    in.read(buf, sizeof buf);
    const auto n = static_cast<size_t>(in.gcount());
    if (out.size() + n > max) return util::fail(i18n::Message("load.stdin-too-big", {{"max", max}}));
    out.append(buf, n);
  }
  return out;
}

}  // namespace

void append(model::RecordSet& into, model::RecordSet&& part) {
  const auto offset = static_cast<uint32_t>(into.files.size());
  for (auto& f : part.files) into.files.push_back(std::move(f));
  auto move_all = [offset](auto& to, auto& from) {
    if (offset != 0)
      for (auto& r : from) r.file += offset;
    to.append(std::move(from));  // splices the parts: no record moves
  };
  model::for_each_list(into, part, move_all);
  for (auto& pool : part.pools)
    if (std::find(into.pools.begin(), into.pools.end(), pool) == into.pools.end())
      into.pools.push_back(std::move(pool));
  part.pools.clear();
}

namespace {

// A large multi-document file parsed by `parts` threads: cut at lines that are exactly
// `---` (a document start at column 0 ends any scalar or collection in valid YAML), each
// part parsed with its first line number, the documents renumbered in file order. When a
// part has any parse issue, or the file has directives (`%` lines, which reach across
// `---`), the result is dropped and the caller parses the file whole, so findings are the
// same as with one thread in every case. Returns false when the file was not loaded here.
constexpr size_t kSplitMinBytes = size_t{2} << 20;

bool load_split(const std::string& name, std::string_view bytes, model::RecordSet& set, diag::Sink& sink,
                const Limits& limits, unsigned parts) {
  if (parts < 2 || bytes.size() < kSplitMinBytes || bytes[0] == '%' || bytes.find("\n%") != std::string_view::npos)
    return false;
  std::vector<size_t> cuts{0};
  for (unsigned i = 1; i < parts; ++i) {
    const size_t target = std::max(bytes.size() / parts * i, cuts.back());
    const size_t at = bytes.find("\n---\n", target);
    if (at == std::string_view::npos) break;
    if (at + 1 > cuts.back()) cuts.push_back(at + 1);
  }
  if (cuts.size() < 2) return false;
  cuts.push_back(bytes.size());
  struct Part {
    std::string_view text;
    uint32_t first_line = 0;  // lines before the part
    model::RecordSet set;
    diag::Sink sink;
    std::vector<yaml::ParseIssue> issues;
    uint32_t docs = 0;
  };
  std::vector<Part> out(cuts.size() - 1);
  uint32_t line = 0;
  for (size_t k = 0; k + 1 < cuts.size(); ++k) {
    out[k].text = bytes.substr(cuts[k], cuts[k + 1] - cuts[k]);
    out[k].first_line = line;
    line += static_cast<uint32_t>(std::count(out[k].text.begin(), out[k].text.end(), '\n'));
  }
  yaml::ParseLimits parse_limits;
  parse_limits.max_depth = limits.max_depth;
  parse_limits.max_documents = limits.max_records;
  auto run = [&](Part& p) {
    p.set.files.push_back(name);
    yaml::parse_stream(
        p.text, [&](yaml::Node&& node) { convert(node, 0, p.docs++, p.set, p.sink); }, p.issues, parse_limits,
        p.first_line);
  };
  util::parallel_for(out.size(), parts, [&](size_t k) { run(out[k]); });
  size_t docs = 0;
  for (const auto& p : out) {
    if (!p.issues.empty()) return false;
    docs += p.docs;
  }
  if (docs > limits.max_records) return false;
  const auto file = static_cast<uint32_t>(set.files.size());
  set.files.push_back(name);
  uint32_t doc_base = 0;
  for (auto& p : out) {
    auto move_all = [&](auto& to, auto& from) {
      for (auto& r : from) {
        r.file = file;
        r.doc += doc_base;
      }
      to.append(std::move(from));
    };
    move_all(set.districts, p.set.districts);
    move_all(set.branches, p.set.branches);
    move_all(set.needs, p.set.needs);  // their cores are made by the caller (parse_file)
    move_all(set.platforms, p.set.platforms);
    move_all(set.plans, p.set.plans);
    move_all(set.unusable, p.set.unusable);
    for (auto& d : p.sink.items()) sink.add(std::move(d));
    doc_base += p.docs;
  }
  return true;
}

// What names a set of inputs for the cache's status index: the working directory and
// the paths as given (display paths are made from them).
std::string index_scope(const std::vector<std::string>& paths) {
  std::error_code ec;
  std::string scope = std::filesystem::current_path(ec).string();
  for (const auto& p : paths) {
    scope += '\0';
    scope += p;
  }
  return scope;
}

// One input file, read and parsed on its own.
struct FileResult {
  cache::Entry entry;
  i18n::Message fatal;  // empty: none
  bool loaded = false;
};

// Parses one file whole into `e` (the needs with their cores), with what a cache entry
// keeps besides: the findings of check::need_content (when `content`: for a cache entry,
// or for a load that keeps only cores) and the needs' latest date.
void parse_file(const std::string& name, std::string_view bytes, cache::Entry& e, const Limits& limits,
                unsigned threads, bool content) {
  diag::Sink sink;
  if (!load_split(name, bytes, e.records, sink, limits, threads)) load_bytes(name, bytes, e.records, sink, limits);
  std::vector<diag::Diagnostic> problems;
  e.waivers = waive::scan_inline(name, bytes, problems);
  for (auto& p : problems) sink.add(std::move(p));
  e.findings = std::move(sink.items());
  e.records.add_cores();  // for a split parse (load_bytes makes them)
  if (content) {
    diag::Sink found;
    for (const auto& n : e.records.needs) check::need_content(n, name, found);
    e.need_findings = std::move(found.items());
  }
  for (const auto& n : e.records.needs)
    if (const auto d = model::latest_date(n); d && (!e.latest || *e.latest < *d)) e.latest = d;
}

// The file's records are kept for the whole run, in the parts made here (merging
// splices them): no room to grow. Keeping cores only, each need still here is checked
// and dropped; the findings of check::need_content come from the cache entry when it
// has them (its needs are here then only if one is dated after the as-of date).
void finish(FileResult& out, const Needs& needs) {
  cache::Entry& e = out.entry;
  model::RecordSet& rs = e.records;  // with the needs' cores: parse_file or the cache made them
  if (!needs.whole) {
    // In the same order whichever way the findings came: need_content's, then need_dates'.
    diag::Sink found;
    if (e.need_findings)
      found.items() = std::move(*e.need_findings);
    else
      for (const auto& n : rs.needs) check::need_content(n, rs.files.at(n.file), found);
    for (const auto& n : rs.needs) check::need_dates(n, rs.files.at(n.file), needs.dates, found);
    for (auto& d : found.items()) e.findings.push_back(std::move(d));
    rs.needs.clear();
  }
  e.need_findings.reset();
  rs.districts.shrink_to_fit();
  rs.branches.shrink_to_fit();
  rs.needs.shrink_to_fit();
  rs.need_cores.shrink_to_fit();
  rs.platforms.shrink_to_fit();
  rs.plans.shrink_to_fit();
  rs.unusable.shrink_to_fit();
  out.loaded = true;
}

// What a cache hit reads for a load that keeps `needs`.
cache::Want want_of(const Needs& needs) {
  return {needs.whole, needs.dates.today};
}

// A file's records from its bytes: the cache's entry when it has one, else parsed (and
// stored in the cache, with the findings of check::need_content).
void from_bytes(const std::string& name, std::string_view bytes, cache::Store* cache, const cache::FileStatus* status,
                FileResult& out, const Limits& limits, unsigned threads, const Needs& needs) {
  if (cache && cache->find(name, bytes, want_of(needs), out.entry, status)) return;
  parse_file(name, bytes, out.entry, limits, threads, cache || !needs.whole);
  if (cache) cache->store(name, bytes, out.entry, status);
}

void load_one(const Source& src, std::istream& stdin_stream, FileResult& out, cache::Store* cache, const Limits& limits,
              unsigned threads, const Needs& needs) {
  const bool cached = cache && !src.is_stdin;
  struct stat st {};
  // Unchanged since the last run, by its status alone: not even read (cache.hpp).
  if (cached && ::stat(src.path.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
      static_cast<uint64_t>(st.st_size) <= limits.max_file_size &&
      cache->load_unchanged(src.display, cache::FileStatus::of(st), want_of(needs), out.entry)) {
    finish(out, needs);
    return;
  }
  util::Result<std::string> read =
      src.is_stdin ? read_stream(stdin_stream, limits.max_file_size) : read_file(src.path, limits.max_file_size, &st);
  if (!read) {
    out.fatal = std::move(read).failure().message;
    return;
  }
  const auto status = cache::FileStatus::of(st);
  from_bytes(src.display, *read, cached ? cache : nullptr, cached ? &status : nullptr, out, limits, threads, needs);
  finish(out, needs);
}

// Bytes held in memory: through the cache (by their bytes and name; there is no status).
void load_one_held(const Held& file, FileResult& out, cache::Store* cache, const Limits& limits, unsigned threads,
                   const Needs& needs) {
  if (file.bytes.size() > limits.max_file_size) {
    out.fatal = i18n::Message("load.too-big", {{"path", file.name}, {"max", limits.max_file_size}});
    return;
  }
  from_bytes(file.name, file.bytes, cache, nullptr, out, limits, threads, needs);
  finish(out, needs);
}

// Loads `count` files with `jobs` threads (`load(i, result)` loads the i-th) and merges
// them in their order.
LoadResult load_all(size_t count, unsigned jobs, diag::Sink& sink, const Limits& limits,
                    const std::function<void(size_t, FileResult&, unsigned split)>& load) {
  LoadResult result;
  std::vector<FileResult> files(count);
  // One pool for the texts and histories of all the needs' cores (thread-safe).
  const auto pool = std::make_shared<model::CorePool>();
  for (auto& f : files) f.entry.records.pools = {pool};
  const unsigned split = util::jobs_or_cores(jobs);  // parts of one large file (see load_split)
  util::parallel_for(files.size(), jobs, [&](size_t i) { load(i, files[i], split); });
  size_t records = 0;
  for (const auto& f : files) records += f.entry.records.record_count();
  if (records > limits.max_records) {
    result.fatal.push_back(i18n::Message("load.too-many-records", {{"n", records}, {"max", limits.max_records}}));
    return result;
  }
  size_t file_count = 0;
  for (const auto& f : files) file_count += f.entry.records.files.size();
  result.records.files.reserve(file_count);
  for (auto& f : files) {
    if (!f.fatal.empty()) result.fatal.push_back(std::move(f.fatal));
    if (!f.loaded) continue;
    append(result.records, std::move(f.entry.records));
    for (auto& w : f.entry.waivers) result.waivers.push_back(std::move(w));
    for (auto& d : f.entry.findings) sink.add(std::move(d));
  }
  return result;
}

}  // namespace

LoadResult load_paths(const std::vector<std::string>& paths, diag::Sink& sink, std::istream& stdin_stream,
                      unsigned jobs, cache::Store* cache, const Limits& limits, const Needs& needs) {
  DiscoverResult found = discover(paths);
  if (cache) cache->open_index(index_scope(paths));
  LoadResult result =
      load_all(found.sources.size(), jobs, sink, limits, [&](size_t i, FileResult& out, unsigned split) {
        load_one(found.sources[i], stdin_stream, out, cache, limits, split, needs);
      });
  result.fatal.insert(result.fatal.begin(), found.errors.begin(), found.errors.end());
  return result;
}

LoadResult load_held(const std::vector<Held>& files, diag::Sink& sink, unsigned jobs, cache::Store* cache,
                     const Limits& limits, const Needs& needs) {
  return load_all(files.size(), jobs, sink, limits, [&](size_t i, FileResult& out, unsigned split) {
    load_one_held(files[i], out, cache, limits, split, needs);
  });
}

}  // namespace svcorg::load
