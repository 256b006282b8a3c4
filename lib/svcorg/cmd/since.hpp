// `--since REV` (validate, score): git in, a scope::Scope out.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "svcorg/cmd/common.hpp"
#include "svcorg/scope/inputs.hpp"
#include "svcorg/scope/scope.hpp"
#include "svcorg/vcs/git.hpp"

namespace svcorg::cmd {

// The directory whose git repository holds the inputs: the first path given that is not
// `-` (its parent for a file); the current directory when none is given. Empty when
// every input is standard input.
std::string inputs_dir(const std::vector<std::string>& paths);

// What changed in the inputs since `commit`: the changed input files among `loaded` (the
// display paths read now), and the records that the changed and deleted inputs held at
// `commit`.
scope::Changes changes_since(const vcs::Repository& repo, const std::string& commit, const scope::InputMap& inputs,
                             const std::vector<std::string>& loaded);

// The scope of `--since rev` for the inputs of `c`, read into `records`; on failure (not
// a repository, unknown revision, git missing) prints why on io.err and returns nullopt.
std::optional<scope::Scope> since_scope(const std::string& rev, const Common& c, const model::RecordSet& records,
                                        const Io& io);

// validate's hook: with `since` set, keeps only the findings in its scope. kOk or kUsage.
int narrow_findings(const std::optional<std::string>& since, const Common& c, Checked& checked, const Io& io);

}  // namespace svcorg::cmd
