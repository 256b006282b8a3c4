#include "svcorg/init/repository.hpp"

#include <algorithm>
#include <system_error>

#include "svcorg/util/embedded.hpp"

namespace svcorg::init {

namespace fs = std::filesystem;

namespace {

std::string shown(const fs::path& p) {
  return p.lexically_normal().generic_string();
}

bool exists_at(const fs::path& p) {
  std::error_code ec;
  return fs::exists(fs::symlink_status(p, ec));  // a dangling symbolic link counts
}

}  // namespace

std::vector<File> repository_files() {
  std::vector<File> files;
  for (std::size_t i = 0; i < embedded::init_templates_count; ++i)
    files.push_back({embedded::init_templates[i].path, embedded::init_templates[i].bytes});
  for (std::size_t i = 0; i < embedded::schemas_count; ++i)
    files.push_back({std::string("schemas/") + embedded::schemas[i].path, embedded::schemas[i].bytes});
  std::sort(files.begin(), files.end(), [](const File& a, const File& b) { return a.path < b.path; });
  return files;
}

std::vector<std::string> conflicts(const fs::path& root, const std::vector<File>& files) {
  std::vector<std::string> out;
  auto add = [&](const fs::path& p) {
    const std::string s = shown(p);
    if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
  };
  std::error_code ec;
  if (exists_at(root) && !fs::is_directory(root, ec)) {
    add(root);
    return out;
  }
  for (const auto& f : files) {
    const fs::path rel = fs::path(f.path);
    fs::path at = root;
    bool blocked = false;
    for (auto part = rel.begin(); part != rel.end() && !blocked; ++part) {
      at /= *part;
      const bool last = std::next(part) == rel.end();
      if (!exists_at(at)) break;  // nothing further down exists either
      if (last || !fs::is_directory(at, ec)) {
        add(at);
        blocked = true;
      }
    }
  }
  return out;
}

i18n::Message write_all(const fs::path& root, const std::vector<File>& files, const Writer& write) {
  std::vector<fs::path> made_dirs, made_files;
  auto undo = [&](i18n::Message error) {
    std::error_code ec;
    for (auto it = made_files.rbegin(); it != made_files.rend(); ++it) fs::remove(*it, ec);
    for (auto it = made_dirs.rbegin(); it != made_dirs.rend(); ++it) fs::remove(*it, ec);  // only if empty
    return error;
  };
  // Creates `dir` and its missing parents, outermost first, remembering each one made.
  auto make_dirs = [&](const fs::path& dir) -> i18n::Message {
    std::vector<fs::path> missing;
    for (fs::path p = dir; !p.empty() && !exists_at(p); p = p.parent_path()) {
      missing.push_back(p);
      if (p == p.parent_path()) break;
    }
    for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
      std::error_code ec;
      const bool made = fs::create_directory(*it, ec);
      if (ec)
        return i18n::Message("cmd.init.folder",
                             {{"folder", shown(*it)}, {"why", i18n::Message::verbatim(ec.message())}});
      if (made) made_dirs.push_back(*it);
    }
    return i18n::Message();
  };
  if (i18n::Message err = make_dirs(root); !err.empty()) return undo(std::move(err));
  for (const auto& f : files) {
    const fs::path target = root / fs::path(f.path);
    if (i18n::Message err = make_dirs(target.parent_path()); !err.empty()) return undo(std::move(err));
    if (auto err = write(target.string(), f.content); !err.empty()) return undo(std::move(err));
    made_files.push_back(target);
  }
  return i18n::Message();
}

}  // namespace svcorg::init
