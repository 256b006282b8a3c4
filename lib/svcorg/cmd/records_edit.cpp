#include "svcorg/cmd/records_edit.hpp"

#include <filesystem>
#include <ostream>
#include <set>

#include "svcorg/diag/render.hpp"
#include "svcorg/l10n/catalogue.hpp"
#include "svcorg/load/discover.hpp"
#include "svcorg/util/file.hpp"

namespace svcorg::cmd {

namespace {

namespace fs = std::filesystem;

// The errors of `after` that `before` does not have (compared without their lines, which
// an edit moves).
std::vector<diag::Diagnostic> new_errors(const Checked& before, const Checked& after) {
  auto key = [](const diag::Diagnostic& d) {
    return d.file + '\0' + d.rule + '\0' + d.kind + '\0' + d.id + '\0' + l10n::render(d.message, i18n::Lang::En);
  };
  std::multiset<std::string> old;
  for (const auto& d : before.findings)
    if (d.severity == diag::Severity::Error) old.insert(key(d));
  std::vector<diag::Diagnostic> added;
  for (const auto& d : after.findings) {
    if (d.severity != diag::Severity::Error) continue;
    const auto it = old.find(key(d));
    if (it != old.end())
      old.erase(it);
    else
      added.push_back(d);
  }
  return added;
}

// The first line of a needs file of the same depth that names the need schema, for a new
// needs file.
std::string schema_line(const Repository& repo, const std::string& needs_folder) {
  for (const auto& f : repo.files) {
    const std::string& p = repo.paths.at(f.name);
    if (fs::path(p).parent_path().parent_path().lexically_normal() != fs::path(needs_folder)) continue;
    const std::string first = f.bytes.substr(0, f.bytes.find('\n'));
    if (first.rfind("# yaml-language-server: $schema=", 0) == 0 && first.find("need.schema.json") != std::string::npos)
      return first.back() == '\r' ? first.substr(0, first.size() - 1) : first;
  }
  return "";
}

}  // namespace

Repository read_repository(const Common& c) {
  Repository r;
  r.root = c.paths.empty() ? std::string(".") : c.paths.front();
  const load::DiscoverResult found = load::discover({r.root});
  r.errors = found.errors;
  for (const auto& s : found.sources) {
    // As validate reads it: --max-file-size holds, and a file that cannot be read is an
    // error, never an empty file an edit would then be checked against.
    util::Result<std::string> bytes = load::read_file(s.path, c.limits.max_file_size);
    if (!bytes) {
      r.errors.push_back(bytes.error());
      continue;
    }
    r.files.push_back({s.display, std::move(*bytes)});
    r.paths[s.display] = s.path;
  }
  return r;
}

Change needs_file(Repository& repo, const Checked& before, const std::string& branch, int year) {
  Change c;
  for (const auto& n : before.records.need_cores)
    if (n.id && n.branch && *n.branch == branch && n.received && (*n.received).year() == year)
      c.display = before.records.files[n.file];
  const std::string folder = (fs::path(repo.root) / "needs").lexically_normal().string();
  if (!c.display.empty()) {
    c.path = repo.paths.at(c.display);
  } else {
    c.path = (fs::path(folder) / std::to_string(year) / (branch + ".yaml")).string();
    c.display = load::display_path(c.path);
    if (!repo.paths.count(c.display)) repo.paths[c.display] = c.path;
  }
  for (const auto& f : repo.files)
    if (f.name == c.display) c.text = f.bytes;
  if (c.text.empty()) {
    const std::string header = schema_line(repo, folder);
    if (!header.empty()) c.text = header + "\n";
  }
  return c;
}

int write_checked(const Repository& repo, const Checked& before, const std::vector<Change>& changes,
                  const i18n::Message& refused, const Common& common, const ledger::Window& dates, const Io& io,
                  bool write) {
  std::vector<load::Held> edited = repo.files;
  for (const auto& c : changes) {
    bool replaced = false;
    for (auto& f : edited)
      if (f.name == c.display) {
        f.bytes = c.text;
        replaced = true;
      }
    if (!replaced) edited.push_back({c.display, c.text});
  }
  const Checked after = check_held(edited, common, dates, io);
  const std::vector<diag::Diagnostic> added = new_errors(before, after);
  if (!added.empty()) {
    io.err << diag::render_text(added, false, before.lang);
    error(io, before.lang, refused);
    return kFindings;
  }
  if (!write) return kOk;
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& c : changes) {
    std::error_code ec;
    fs::create_directories(fs::path(c.path).parent_path(), ec);
    files.emplace_back(c.path, c.text);
  }
  const util::WriteAll done = util::write_files(files);
  if (!done.result) {
    error(io, before.lang, done.result.error());
    if (done.written > 0)
      error(io, before.lang, i18n::Message("import.midway", {{"written", done.written}, {"files", files.size()}}));
    return kUsage;
  }
  return kOk;
}

}  // namespace svcorg::cmd
