#include "svcorg/cmd/compare.hpp"

#include <fstream>
#include <ostream>
#include <sstream>

#include "svcorg/cmd/since.hpp"
#include "svcorg/score/score.hpp"

namespace svcorg::cmd {

std::optional<score::Baseline> baseline_from_file(const std::string& path, const Io& io, i18n::Lang lang) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error(io, lang, i18n::Message("cmd.baseline.unreadable", {{"path", path}}));
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  util::Result<score::Baseline> b = score::parse_baseline(text.str(), path);
  if (!b) {
    error(io, lang, i18n::Message("cmd.baseline.not-scores", {{"path", path}, {"why", b.error()}}));
    return std::nullopt;
  }
  return std::move(*b);
}

namespace {

// The scores of the inputs at `rev`, or why there are none (git, or the inputs there).
util::Result<score::Baseline> scores_at(const std::string& rev, const Common& c, const ledger::Window& dates,
                                        const Io& io) {
  if (util::Result<void> good = vcs::check_revision(rev); !good) return std::move(good).failure();
  for (const auto& p : c.paths)
    if (p == "-") return util::fail(i18n::Message("cmd.revision.stdin"));
  const auto repo = vcs::open_git(inputs_dir(c.paths));
  if (!repo) return repo.failure();
  const util::Result<std::string> commit = (*repo)->resolve(rev);
  if (!commit) return commit.failure();
  const util::Result<std::vector<load::Held>> files = inputs_at(**repo, *commit, c);
  if (!files) return files.failure();
  std::optional<score::Baseline> out;
  const util::Result<void> scored =
      score_at(*files, rev, c, dates, io, [&](const score::Result& r) { out = score::baseline_of(r, rev); });
  if (!scored) return scored.failure();
  return std::move(*out);
}

}  // namespace

std::optional<score::Baseline> baseline_at(const std::string& rev, const Common& c, const ledger::Window& dates,
                                           const Io& io, i18n::Lang lang) {
  util::Result<score::Baseline> b = scores_at(rev, c, dates, io);
  if (!b) {
    error(io, lang, i18n::Message("cmd.compare.failed", {{"rev", rev}, {"why", b.error()}}));
    return std::nullopt;
  }
  return std::move(*b);
}

}  // namespace svcorg::cmd
