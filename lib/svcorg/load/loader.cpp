#include "svcorg/load/loader.hpp"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>
#include <thread>

#include <fmt/format.h>

#include "svcorg/load/discover.hpp"
#include "svcorg/model/convert.hpp"
#include "svcorg/yaml/parse.hpp"

namespace svcorg::load {

void load_bytes(const std::string& name, std::string_view bytes, model::RecordSet& set, diag::Sink& sink) {
  const auto file = static_cast<uint32_t>(set.files.size());
  set.files.push_back(name);
  std::vector<yaml::ParseIssue> issues;
  uint32_t doc = 0;
  yaml::parse_stream(
      bytes, [&](yaml::Node&& node) { model::convert_document(node, file, doc++, set, sink); }, issues);
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
}

namespace {

bool read_file(const std::string& path, std::string& out, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = fmt::format("{}: cannot open: {}", path, std::strerror(errno));
    return false;
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) {
    error = fmt::format("{}: read error", path);
    return false;
  }
  out = std::move(buf).str();
  return true;
}

}  // namespace

void append(model::RecordSet& into, model::RecordSet&& part) {
  const auto offset = static_cast<uint32_t>(into.files.size());
  for (auto& f : part.files) into.files.push_back(std::move(f));
  auto move_all = [offset](auto& to, auto& from) {
    for (auto& r : from) {
      r.file += offset;
      to.push_back(std::move(r));
    }
  };
  move_all(into.districts, part.districts);
  move_all(into.branches, part.branches);
  move_all(into.needs, part.needs);
  move_all(into.platforms, part.platforms);
  move_all(into.plans, part.plans);
}

namespace {

// One input file, read and parsed on its own.
struct FileResult {
  model::RecordSet records;
  std::vector<waive::Waiver> waivers;
  diag::Sink sink;
  std::string fatal;
  bool loaded = false;
};

void load_one(const Source& src, std::istream& stdin_stream, FileResult& out) {
  std::string bytes;
  if (src.is_stdin) {
    bytes.assign(std::istreambuf_iterator<char>(stdin_stream), std::istreambuf_iterator<char>());
  } else if (!read_file(src.path, bytes, out.fatal)) {
    return;
  }
  load_bytes(src.display, bytes, out.records, out.sink);
  std::vector<diag::Diagnostic> problems;
  out.waivers = waive::scan_inline(src.display, bytes, problems);
  for (auto& p : problems) out.sink.add(std::move(p));
  out.loaded = true;
}

}  // namespace

LoadResult load_paths(const std::vector<std::string>& paths, diag::Sink& sink, std::istream& stdin_stream,
                      unsigned jobs) {
  LoadResult result;
  DiscoverResult found = discover(paths);
  result.fatal = std::move(found.errors);
  std::vector<FileResult> files(found.sources.size());
  if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::min<size_t>(jobs, std::max<size_t>(1, files.size())));
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next++; i < files.size(); i = next++) load_one(found.sources[i], stdin_stream, files[i]);
  };
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(worker);
  worker();
  for (auto& t : threads) t.join();
  for (auto& f : files) {
    if (!f.fatal.empty()) result.fatal.push_back(std::move(f.fatal));
    if (!f.loaded) continue;
    append(result.records, std::move(f.records));
    for (auto& w : f.waivers) result.waivers.push_back(std::move(w));
    for (auto& d : f.sink.items()) sink.add(std::move(d));
  }
  return result;
}

}  // namespace svcorg::load
