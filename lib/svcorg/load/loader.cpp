#include "svcorg/load/loader.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>

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

LoadResult load_paths(const std::vector<std::string>& paths, diag::Sink& sink, std::istream& stdin_stream) {
  LoadResult result;
  DiscoverResult found = discover(paths);
  result.fatal = std::move(found.errors);
  for (const auto& src : found.sources) {
    std::string bytes, error;
    if (src.is_stdin) {
      bytes.assign(std::istreambuf_iterator<char>(stdin_stream), std::istreambuf_iterator<char>());
    } else if (!read_file(src.path, bytes, error)) {
      result.fatal.push_back(error);
      continue;
    }
    load_bytes(src.display, bytes, result.records, sink);
  }
  return result;
}

}  // namespace svcorg::load
