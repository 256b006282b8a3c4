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
  i18n::Message why;
  auto b = score::parse_baseline(text.str(), path, why);
  if (!b) error(io, lang, i18n::Message("cmd.baseline.not-scores", {{"path", path}, {"why", std::move(why)}}));
  return b;
}

std::optional<score::Baseline> baseline_at(const std::string& rev, const Common& c, const validate::Options& dates,
                                           const Io& io, i18n::Lang lang) {
  try {
    if (i18n::Message bad = vcs::check_revision(rev); !bad.empty()) throw vcs::Error(std::move(bad));
    for (const auto& p : c.paths)
      if (p == "-") throw vcs::Error(i18n::Message("cmd.revision.stdin"));
    const auto repo = vcs::open_git(inputs_dir(c.paths));
    std::optional<score::Baseline> out;
    i18n::Message why = score_at(*repo, repo->resolve(rev), rev, c, dates, io,
                                 [&](const score::Result& r) { out = score::baseline_of(r, rev); });
    if (!out) throw vcs::Error(std::move(why));
    return out;
  } catch (const vcs::Error& e) {
    error(io, lang, i18n::Message("cmd.compare.failed", {{"rev", rev}, {"why", e.message}}));
  }
  return std::nullopt;
}

}  // namespace svcorg::cmd
