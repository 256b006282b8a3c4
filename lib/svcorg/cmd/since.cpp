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

util::Result<scope::Changes> changes_since(const vcs::Repository& repo, const std::string& commit,
                                           const scope::InputMap& inputs, const std::vector<std::string>& loaded) {
  const util::Result<std::vector<std::string>> changed = repo.changed_since(commit);
  if (!changed) return changed.failure();
  scope::Changes out;
  std::vector<std::string> objects, names;
  for (const auto& path : *changed) {
    const std::vector<std::string> shown = inputs.display_paths(path);
    if (shown.empty()) continue;
    for (const auto& s : shown)
      if (std::find(loaded.begin(), loaded.end(), s) != loaded.end()) out.files.insert(s);
    objects.push_back(commit + ":" + path);
    names.push_back(shown.front());
  }
  const auto contents = repo.read(objects);
  if (!contents) return contents.failure();
  diag::Sink ignored;  // the old versions' own findings do not matter
  for (size_t i = 0; i < contents->size(); ++i)
    if ((*contents)[i]) load::load_bytes(names[i], *(*contents)[i], out.before, ignored);
  return out;
}

namespace {

// The scope of `--since rev`, or why git cannot give it.
util::Result<scope::Scope> scope_since(const std::string& rev, const Common& c, const model::RecordSet& records,
                                       std::string* commit_out) {
  if (util::Result<void> good = vcs::check_revision(rev); !good) return std::move(good).failure();
  const std::string dir = inputs_dir(c.paths);
  if (dir.empty()) return util::fail(i18n::Message("cmd.since.stdin"));
  const auto repo = vcs::open_git(dir);
  if (!repo) return repo.failure();
  const util::Result<std::string> commit = (*repo)->resolve(rev);
  if (!commit) return commit.failure();
  if (commit_out) *commit_out = *commit;
  const scope::InputMap inputs = scope::InputMap::from_paths(c.paths, (*repo)->root());
  util::Result<scope::Changes> changes = changes_since(**repo, *commit, inputs, records.files);
  if (!changes) return std::move(changes).failure();
  return scope::Scope(records, std::move(*changes));
}

}  // namespace

std::optional<scope::Scope> since_scope(const std::string& rev, const Common& c, const model::RecordSet& records,
                                        const Io& io, std::string* commit_out) {
  const i18n::Lang lang = language(c, records);
  util::Result<scope::Scope> s = scope_since(rev, c, records, commit_out);
  if (!s) {
    error(io, lang, i18n::Message("cmd.since.failed", {{"rev", rev}, {"why", s.error()}}));
    return std::nullopt;
  }
  if (!c.quiet)
    say(io.err, lang,
        i18n::Message("cmd.since.scope",
                      {{"rev", rev}, {"changed", s->changed_records()}, {"related", s->related_records()}}));
  return std::move(*s);
}

util::Result<std::vector<load::Held>> inputs_at(const vcs::Repository& repo, const std::string& commit,
                                                const Common& c) {
  for (const auto& p : c.paths)
    if (p == "-") return util::fail(i18n::Message("cmd.revision.stdin"));
  const scope::InputMap inputs = scope::InputMap::from_paths(c.paths, repo.root());
  if (!inputs.outside().empty())
    return util::fail(
        i18n::Message("cmd.revision.outside", {{"path", inputs.outside().front()}, {"root", repo.root()}}));
  const util::Result<std::vector<vcs::TreeFile>> tree = repo.files_at(commit);
  if (!tree) return tree.failure();
  std::vector<std::string> objects, paths;
  std::vector<load::Held> out;
  for (const auto& f : *tree) {
    if (f.symlink) continue;  // links are not followed at a revision
    for (auto& shown : inputs.display_paths(f.path)) {
      objects.push_back(f.object);
      paths.push_back(f.path);
      out.push_back({std::move(shown), {}});
    }
  }
  auto contents = repo.read(objects);
  if (!contents) return std::move(contents).failure();
  for (size_t i = 0; i < out.size(); ++i) {
    if (!(*contents)[i]) return util::fail(i18n::Message("cmd.revision.unreadable-file", {{"path", paths[i]}}));
    out[i].bytes = std::move(*(*contents)[i]);
  }
  std::sort(out.begin(), out.end(), [](const load::Held& a, const load::Held& b) { return a.name < b.name; });
  return out;
}

util::Result<void> score_at(const std::vector<load::Held>& files, const std::string& rev, const Common& c,
                            const ledger::Window& dates, const Io& io,
                            const std::function<void(const score::Result&)>& take) {
  const Checked checked = check_held(files, c, dates, io);
  if (!checked.fatal.empty())
    return util::fail(i18n::Message("cmd.revision.unreadable", {{"rev", rev}, {"why", checked.fatal.front()}}));
  const auto summary = diag::summarize(checked.findings, checked.records.files.size(), checked.records.record_count());
  if (summary.errors > 0)
    return util::fail(i18n::Message(summary.errors == 1 ? "cmd.revision.errors.one" : "cmd.revision.errors.other",
                                    {{"rev", rev}, {"n", summary.errors}}));
  const auto& districts = checked.records.districts;
  const score::Model model = score::effective_model(districts.empty() ? nullptr : districts.front().scoring.get());
  take(score::compute(checked.records, checked.rules, model, dates, threads(c)));
  return util::ok();
}

int select_moved(const std::string& rev, const std::string& commit, const Common& c, const ledger::Window& dates,
                 const score::Result& now, scope::Scope& since, const Io& io, i18n::Lang lang) {
  const std::vector<scope::Standing> shown = scope::standings(now);
  std::optional<std::vector<scope::Standing>> then;
  i18n::Message why;
  if (since.no_change()) {
    then = shown;  // the same inputs give the same scores: no need to score them again
  } else {
    const auto repo = vcs::open_git(inputs_dir(c.paths));
    util::Result<std::vector<load::Held>> files =
        repo ? inputs_at(**repo, commit, c) : util::Result<std::vector<load::Held>>(repo.failure());
    if (!files) {
      error(io, lang, i18n::Message("cmd.since.failed", {{"rev", rev}, {"why", files.error()}}));
      return kUsage;
    }
    const util::Result<void> scored =
        score_at(*files, rev, c, dates, io, [&](const score::Result& r) { then = scope::standings(r); });
    if (!scored) why = scored.error();
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
}

int narrow_findings(const std::optional<std::string>& since, const Common& c, Checked& checked, const Io& io) {
  if (!since) return kOk;
  const auto s = since_scope(*since, c, checked.records, io);
  if (!s) return kUsage;
  checked.findings = scope::narrow(checked.findings, *s);
  return kOk;
}

}  // namespace svcorg::cmd
