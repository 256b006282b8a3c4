#include "svcorg/load/discover.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include <fmt/format.h>

namespace svcorg::load {

namespace fs = std::filesystem;

namespace {

bool is_yaml_name(const std::string& name) {
  auto ends = [&](const char* ext) {
    const std::string e(ext);
    return name.size() > e.size() && name.compare(name.size() - e.size(), e.size(), e) == 0;
  };
  return ends(".yaml") || ends(".yml");
}

bool hidden(const fs::path& p) {
  const std::string name = p.filename().string();
  return !name.empty() && name[0] == '.' && name != "." && name != "..";
}

// Walks a directory; directory symlinks are not followed (no loops, no escaping the tree).
void walk(const fs::path& dir, std::vector<Source>& out, std::vector<std::string>& errors) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec), end;
  if (ec) {
    errors.push_back(fmt::format("cannot list directory {}: {}", display_path(dir.string()), ec.message()));
    return;
  }
  for (; it != end; it.increment(ec)) {
    if (ec) {
      errors.push_back(fmt::format("cannot list directory {}: {}", display_path(dir.string()), ec.message()));
      return;
    }
    const fs::path& p = it->path();
    if (hidden(p)) continue;
    std::error_code e2;
    const bool is_link = it->is_symlink(e2);
    if (it->is_directory(e2)) {
      if (!is_link) walk(p, out, errors);
    } else if (is_yaml_name(p.filename().string()) && it->is_regular_file(e2)) {
      out.push_back({display_path(p.string()), p.string(), false});
    }
  }
}

}  // namespace

std::string display_path(const std::string& path) {
  std::string s = fs::path(path).lexically_normal().generic_string();
  while (s.size() > 2 && s.compare(0, 2, "./") == 0) s.erase(0, 2);
  return s.empty() ? "." : s;
}

DiscoverResult discover(const std::vector<std::string>& given) {
  DiscoverResult r;
  const std::vector<std::string> paths = given.empty() ? std::vector<std::string>{"."} : given;
  for (const auto& p : paths) {
    if (p == "-") {
      r.sources.push_back({"<stdin>", "", true});
      continue;
    }
    std::error_code ec;
    const auto st = fs::status(p, ec);
    if (ec || !fs::exists(st)) {
      r.errors.push_back(fmt::format("{}: no such file or directory", p));
    } else if (fs::is_directory(st)) {
      walk(p, r.sources, r.errors);
    } else {
      r.sources.push_back({display_path(p), p, false});
    }
  }
  std::sort(r.sources.begin(), r.sources.end(), [](const Source& a, const Source& b) { return a.display < b.display; });
  r.sources.erase(std::unique(r.sources.begin(), r.sources.end(),
                              [](const Source& a, const Source& b) { return a.display == b.display; }),
                  r.sources.end());
  return r;
}

}  // namespace svcorg::load
