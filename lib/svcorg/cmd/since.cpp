#include "svcorg/cmd/since.hpp"

#include <algorithm>
#include <filesystem>
#include <ostream>

#include <fmt/format.h>

#include "svcorg/load/loader.hpp"

namespace svcorg::cmd {

std::string inputs_dir(const std::vector<std::string>& paths) {
  if (paths.empty()) return ".";
  for (const auto& p : paths) {
    if (p == "-") continue;
    std::error_code ec;
    if (std::filesystem::is_directory(p, ec)) return p;
    const std::string parent = std::filesystem::path(p).parent_path().string();
    return parent.empty() ? "." : parent;
  }
  return "";
}

scope::Changes changes_since(const vcs::Repository& repo, const std::string& commit, const scope::InputMap& inputs,
                             const std::vector<std::string>& loaded) {
  scope::Changes out;
  std::vector<std::string> objects, names;
  for (const auto& path : repo.changed_since(commit)) {
    const std::vector<std::string> shown = inputs.display_paths(path);
    if (shown.empty()) continue;
    for (const auto& s : shown)
      if (std::find(loaded.begin(), loaded.end(), s) != loaded.end()) out.files.insert(s);
    objects.push_back(commit + ":" + path);
    names.push_back(shown.front());
  }
  const auto contents = repo.read(objects);
  diag::Sink ignored;  // the old versions' own findings do not matter
  for (size_t i = 0; i < contents.size(); ++i)
    if (contents[i]) load::load_bytes(names[i], *contents[i], out.before, ignored);
  return out;
}

std::optional<scope::Scope> since_scope(const std::string& rev, const Common& c, const model::RecordSet& records,
                                        const Io& io) {
  try {
    if (const std::string bad = vcs::check_revision(rev); !bad.empty()) throw vcs::Error(bad);
    const std::string dir = inputs_dir(c.paths);
    if (dir.empty()) throw vcs::Error("standard input is not in a git repository");
    const auto repo = vcs::open_git(dir);
    const std::string commit = repo->resolve(rev);
    const scope::InputMap inputs = scope::InputMap::from_paths(c.paths, repo->root());
    scope::Scope s(records, changes_since(*repo, commit, inputs, records.files));
    if (!c.quiet)
      io.err << fmt::format("svcorg: since {}: {} changed and {} related records\n", rev, s.changed_records(),
                            s.related_records());
    return s;
  } catch (const vcs::Error& e) {
    io.err << fmt::format("svcorg: error: --since {}: {}\n", rev, e.what());
    return std::nullopt;
  }
}

int narrow_findings(const std::optional<std::string>& since, const Common& c, Checked& checked, const Io& io) {
  if (!since) return kOk;
  const auto s = since_scope(*since, c, checked.records, io);
  if (!s) return kUsage;
  checked.findings = scope::narrow(checked.findings, *s);
  return kOk;
}

}  // namespace svcorg::cmd
