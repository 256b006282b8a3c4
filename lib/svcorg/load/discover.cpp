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

// Whether `path` (canonical) is `root` (canonical) or lies under it.
bool inside(const fs::path& path, const fs::path& root) {
  auto p = path.begin();
  for (auto r = root.begin(); r != root.end(); ++r, ++p)
    if (p == path.end() || *p != *r) return false;
  return true;
}

// Walks a directory; directory symlinks are not followed (no loops, no escaping the tree).
// A file symlink is read when its target lies inside the tree (`root`, canonical); one
// that leads out of it is an error: svcorg reads only the trees it is given.
struct Tree {
  fs::path root;      // canonical
  std::string shown;  // as given on the command line
};

void walk(const fs::path& dir, const Tree& tree, std::vector<Source>& out, std::vector<std::string>& errors) {
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
      if (!is_link) walk(p, tree, out, errors);
    } else if (is_yaml_name(p.filename().string()) && it->is_regular_file(e2)) {
      if (is_link) {
        const fs::path target = fs::canonical(p, e2);
        if (e2 || !inside(target, tree.root)) {
          errors.push_back(fmt::format("{}: a symlink to {}, outside {}; svcorg reads only the trees it is "
                                       "given: name that file on the command line to read it, or remove the link",
                                       display_path(p.string()), e2 ? fs::read_symlink(p, e2).string() : target.string(),
                                       display_path(tree.shown)));
          continue;
        }
      }
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
      const fs::path root = fs::canonical(p, ec);
      if (ec)
        r.errors.push_back(fmt::format("cannot list directory {}: {}", display_path(p), ec.message()));
      else
        walk(p, Tree{root, p}, r.sources, r.errors);
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
