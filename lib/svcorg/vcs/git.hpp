// Git access for `--since` and `--compare` (the only place svcorg runs git). Behind a small
// interface, so what is built on it (scope/, cmd/since, cmd/compare) is testable without git.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "svcorg/i18n/message.hpp"
#include "svcorg/util/result.hpp"

namespace svcorg::vcs {

// Every operation can fail (not a repository, an unknown revision, git missing or
// failing): the failure's message (vcs.*) says which.

// One file of a tree at a revision.
struct TreeFile {
  std::string path;    // relative to the repository's root, `/`-separated
  std::string object;  // blob id
  bool symlink = false;
};

class Repository {
 public:
  virtual ~Repository() = default;
  // The working tree's top directory (absolute, canonical).
  virtual const std::string& root() const = 0;
  // The commit `rev` names (full id); fails for an unknown revision.
  virtual util::Result<std::string> resolve(const std::string& rev) const = 0;
  // Files that differ between `commit` and the working tree (added, modified, deleted;
  // a rename is a deletion plus an addition), and untracked files that are not ignored.
  // Paths relative to root().
  virtual util::Result<std::vector<std::string>> changed_since(const std::string& commit) const = 0;
  // Every file of the tree of `commit`.
  virtual util::Result<std::vector<TreeFile>> files_at(const std::string& commit) const = 0;
  // The contents of objects (blob ids, or `COMMIT:PATH`); nullopt for a missing one.
  virtual util::Result<std::vector<std::optional<std::string>>> read(const std::vector<std::string>& objects) const = 0;
};

// The git repository that holds `dir`; fails when there is none.
util::Result<std::unique_ptr<Repository>> open_git(const std::string& dir);

// A revision as given by a user: non-empty, not starting with `-` (it could be read as
// an option), no control characters; fails saying what is wrong.
util::Result<void> check_revision(const std::string& rev);

}  // namespace svcorg::vcs
