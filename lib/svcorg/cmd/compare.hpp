// The baseline of `score --baseline FILE.json` (a previous `score --format json`) or
// `score --compare REV` (the same inputs at a git revision, scored with the same options).
#pragma once

#include <optional>
#include <string>

#include "svcorg/cmd/common.hpp"
#include "svcorg/score/delta.hpp"
#include "svcorg/vcs/git.hpp"

namespace svcorg::cmd {

// Reads and checks a baseline file; on failure prints why (in `lang`) and returns nullopt (exit 2).
std::optional<score::Baseline> baseline_from_file(const std::string& path, const Io& io, i18n::Lang lang);

// Scores the inputs of `c` as they were at `rev`; on failure (git, inputs outside the
// repository or on standard input, errors in the inputs at `rev`) prints why and
// returns nullopt (exit 2).
std::optional<score::Baseline> baseline_at(const std::string& rev, const Common& c, const ledger::Window& dates,
                                           const Io& io, i18n::Lang lang);

}  // namespace svcorg::cmd
