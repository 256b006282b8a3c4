#include "svcorg/cmd/since.hpp"

#include <algorithm>
#include <filesystem>
#include <ostream>
#include <set>

#include "svcorg/diag/render.hpp"
#include "svcorg/load/loader.hpp"
#include "svcorg/scope/standing.hpp"

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
                                        const Io& io, std::string* commit_out) {
  const i18n::Lang lang = language(c, records);
  try {
    if (i18n::Message bad = vcs::check_revision(rev); !bad.empty()) throw vcs::Error(std::move(bad));
    const std::string dir = inputs_dir(c.paths);
    if (dir.empty()) throw vcs::Error(i18n::Message("cmd.since.stdin"));
    const auto repo = vcs::open_git(dir);
    const std::string commit = repo->resolve(rev);
    if (commit_out) *commit_out = commit;
    const scope::InputMap inputs = scope::InputMap::from_paths(c.paths, repo->root());
    scope::Scope s(records, changes_since(*repo, commit, inputs, records.files));
    if (!c.quiet)
      say(io.err, lang,
          i18n::Message("cmd.since.scope",
                        {{"rev", rev}, {"changed", s.changed_records()}, {"related", s.related_records()}}));
    return s;
  } catch (const vcs::Error& e) {
    error(io, lang, i18n::Message("cmd.since.failed", {{"rev", rev}, {"why", e.message}}));
    return std::nullopt;
  }
}

std::vector<load::Held> inputs_at(const vcs::Repository& repo, const std::string& commit, const Common& c) {
  for (const auto& p : c.paths)
    if (p == "-") throw vcs::Error(i18n::Message("cmd.revision.stdin"));
  const scope::InputMap inputs = scope::InputMap::from_paths(c.paths, repo.root());
  if (!inputs.outside().empty())
    throw vcs::Error(
        i18n::Message("cmd.revision.outside", {{"path", inputs.outside().front()}, {"root", repo.root()}}));
  std::vector<std::string> objects, paths;
  std::vector<load::Held> out;
  for (const auto& f : repo.files_at(commit)) {
    if (f.symlink) continue;  // links are not followed at a revision
    for (auto& shown : inputs.display_paths(f.path)) {
      objects.push_back(f.object);
      paths.push_back(f.path);
      out.push_back({std::move(shown), {}});
    }
  }
  auto contents = repo.read(objects);
  for (size_t i = 0; i < out.size(); ++i) {
    if (!contents[i]) throw vcs::Error(i18n::Message("cmd.revision.unreadable-file", {{"path", paths[i]}}));
    out[i].bytes = std::move(*contents[i]);
  }
  std::sort(out.begin(), out.end(), [](const load::Held& a, const load::Held& b) { return a.name < b.name; });
  return out;
}

i18n::Message score_at(const vcs::Repository& repo, const std::string& commit, const std::string& rev, const Common& c,
                       const validate::Options& dates, const Io& io,
                       const std::function<void(const score::Result&)>& take) {
  const Checked checked = check_held(inputs_at(repo, commit, c), c, dates, io);
  if (!checked.fatal.empty())
    return i18n::Message("cmd.revision.unreadable", {{"rev", rev}, {"why", checked.fatal.front()}});
  const auto summary = diag::summarize(checked.findings, checked.records.files.size(), checked.records.record_count());
  if (summary.errors > 0)
    return i18n::Message(summary.errors == 1 ? "cmd.revision.errors.one" : "cmd.revision.errors.other",
                         {{"rev", rev}, {"n", summary.errors}});
  const auto& districts = checked.records.districts;
  const score::Model model = score::effective_model(districts.empty() ? nullptr : districts.front().scoring.get());
  take(score::compute(checked.records, checked.rules, model, ledger::Window{dates.year, dates.as_of}, threads(c)));
  return i18n::Message();
}

int select_moved(const std::string& rev, const std::string& commit, const Common& c, const validate::Options& dates,
                 const score::Result& now, scope::Scope& since, const Io& io, i18n::Lang lang) {
  try {
    const std::vector<scope::Standing> shown = scope::standings(now);
    std::optional<std::vector<scope::Standing>> then;
    i18n::Message why;
    if (since.no_change()) {
      then = shown;  // the same inputs give the same scores: no need to score them again
    } else {
      const auto repo = vcs::open_git(inputs_dir(c.paths));
      why = score_at(*repo, commit, rev, c, dates, io, [&](const score::Result& r) { then = scope::standings(r); });
    }
    std::set<std::string> moved;
    if (then) {
      moved = scope::moved(shown, *then);
    } else {
      for (const auto& s : shown) moved.insert(s.id);
    }
    std::vector<std::string> more;  // shown now, and for this reason alone
    for (const auto& s : shown)
      if (moved.count(s.id) && !since.selects_branch(s.id)) more.push_back(s.id);
    since.also_select(moved);
    if (c.quiet) return kOk;
    if (!then) {
      note(io, lang, i18n::Message("cmd.since.all-shown", {{"rev", rev}, {"why", why}}));
    } else if (more.empty()) {
      say(io.err, lang, i18n::Message("cmd.since.none-moved", {{"rev", rev}}));
    } else {
      constexpr size_t kListed = 10;
      const size_t listed = std::min(more.size(), kListed);
      i18n::Arg rest;
      if (more.size() > listed) rest = i18n::Message("cmd.since.moved.more", {{"n", more.size() - listed}});
      say(io.err, lang,
          i18n::Message(more.size() == 1 ? "cmd.since.moved.one" : "cmd.since.moved.other",
                        {{"rev", rev},
                         {"n", more.size()},
                         {"branches", joined(std::vector<std::string>(
                                          more.begin(), more.begin() + static_cast<std::ptrdiff_t>(listed)))},
                         {"more", rest}}));
    }
    return kOk;
  } catch (const vcs::Error& e) {
    error(io, lang, i18n::Message("cmd.since.failed", {{"rev", rev}, {"why", e.message}}));
    return kUsage;
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
