#include "svcorg/cmd/compare.hpp"

#include <fstream>
#include <ostream>
#include <sstream>

#include <fmt/format.h>

#include "svcorg/cmd/since.hpp"
#include "svcorg/score/score.hpp"

namespace svcorg::cmd {

std::optional<score::Baseline> baseline_from_file(const std::string& path, const Io& io) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    io.err << fmt::format("svcorg: error: --baseline {}: cannot read the file\n", path);
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  std::string why;
  auto b = score::parse_baseline(text.str(), path, why);
  if (!b)
    io.err << fmt::format("svcorg: error: --baseline {} is not the output of svcorg score --format json: {}\n", path,
                          why);
  return b;
}

std::optional<score::Baseline> baseline_at(const std::string& rev, const Common& c, const validate::Options& dates,
                                           const Io& io) {
  try {
    if (const std::string bad = vcs::check_revision(rev); !bad.empty()) throw vcs::Error(bad);
    for (const auto& p : c.paths)
      if (p == "-") throw vcs::Error("standard input has no history; give paths in a git repository");
    const auto repo = vcs::open_git(inputs_dir(c.paths));
    std::optional<score::Baseline> out;
    const std::string why = score_at(*repo, repo->resolve(rev), rev, c, dates, io,
                                     [&](const score::Result& r) { out = score::baseline_of(r, rev); });
    if (!out) throw vcs::Error(why);
    return out;
  } catch (const vcs::Error& e) {
    io.err << fmt::format("svcorg: error: --compare {}: {}\n", rev, e.what());
  }
  return std::nullopt;
}

}  // namespace svcorg::cmd
