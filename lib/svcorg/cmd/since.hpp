// `--since REV` (validate, score): git in, a scope::Scope out.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "svcorg/cmd/common.hpp"
#include "svcorg/load/loader.hpp"
#include "svcorg/scope/inputs.hpp"
#include "svcorg/scope/scope.hpp"
#include "svcorg/score/score.hpp"
#include "svcorg/vcs/git.hpp"

namespace svcorg::cmd {

// The directory whose git repository holds the inputs: the first path given that is not
// `-` (its parent for a file); the current directory when none is given. Empty when
// every input is standard input.
std::string inputs_dir(const std::vector<std::string>& paths);

// What changed in the inputs since `commit`: the changed input files among `loaded` (the
// display paths read now), and the records that the changed and deleted inputs held at
// `commit`.
util::Result<scope::Changes> changes_since(const vcs::Repository& repo, const std::string& commit,
                                           const scope::InputMap& inputs, const std::vector<std::string>& loaded);

// The scope of `--since rev` for the inputs of `c`, read into `records`; on failure (not
// a repository, unknown revision, git missing) prints why on io.err and returns nullopt.
// With `commit`, sets it to the commit `rev` names.
std::optional<scope::Scope> since_scope(const std::string& rev, const Common& c, const model::RecordSet& records,
                                        const Io& io, std::string* commit = nullptr);

// The files the inputs of `c` name at `commit`, each under the display path it has (or
// would have) in the working tree; links are not followed at a revision. Fails when a
// path given is standard input or not in the repository, or git fails.
util::Result<std::vector<load::Held>> inputs_at(const vcs::Repository& repo, const std::string& commit,
                                                const Common& c);

// Loads, checks and scores `files`, the inputs of `c` at a revision (inputs_at; `rev` as
// given, for messages), with the same dates and options and the District of that
// revision; calls `take` with the result (it points into records that live only during
// the call). Fails saying why they cannot be scored: errors, or unreadable files.
util::Result<void> score_at(const std::vector<load::Held>& files, const std::string& rev, const Common& c,
                            const ledger::Window& dates, const Io& io,
                            const std::function<void(const score::Result&)>& take);

// score --since: selects in `since` the branches whose total, grade or rank differs from
// what the same command gives at `commit` (`now` is this run's result). When the inputs
// at the revision cannot be scored, every branch is selected. Prints what it did on
// io.err (unless --quiet), in `lang`. kOk, or kUsage when git fails.
int select_moved(const std::string& rev, const std::string& commit, const Common& c, const ledger::Window& dates,
                 const score::Result& now, scope::Scope& since, const Io& io, i18n::Lang lang);

// validate's hook: with `since` set, keeps only the findings in its scope. kOk or kUsage.
int narrow_findings(const std::optional<std::string>& since, const Common& c, Checked& checked, const Io& io);

}  // namespace svcorg::cmd
