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

util::Result<void> write_all(const fs::path& root, const std::vector<File>& files, const Writer& write) {
  std::vector<fs::path> made_dirs, made_files;
  auto undo = [&](util::Failure error) {
    std::error_code ec;
    for (auto it = made_files.rbegin(); it != made_files.rend(); ++it) fs::remove(*it, ec);
    for (auto it = made_dirs.rbegin(); it != made_dirs.rend(); ++it) fs::remove(*it, ec);  // only if empty
    return error;
  };
  // Creates `dir` and its missing parents, outermost first, remembering each one made.
  auto make_dirs = [&](const fs::path& dir) -> util::Result<void> {
    std::vector<fs::path> missing;
    for (fs::path p = dir; !p.empty() && !exists_at(p); p = p.parent_path()) {
      missing.push_back(p);
      if (p == p.parent_path()) break;
    }
    for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
      std::error_code ec;
      const bool made = fs::create_directory(*it, ec);
      if (ec)
        return util::fail(
            i18n::Message("cmd.init.folder", {{"folder", shown(*it)}, {"why", i18n::Message::verbatim(ec.message())}}));
      if (made) made_dirs.push_back(*it);
    }
    return util::ok();
  };
  if (util::Result<void> made = make_dirs(root); !made) return undo(std::move(made).failure());
  for (const auto& f : files) {
    const fs::path target = root / fs::path(f.path);
    if (util::Result<void> made = make_dirs(target.parent_path()); !made) return undo(std::move(made).failure());
    if (util::Result<void> written = write(target.string(), f.content); !written)
      return undo(std::move(written).failure());
    made_files.push_back(target);
  }
  return util::ok();
}

}  // namespace svcorg::init
