// Git access for `--since` and `--compare` (the only place svcorg runs git). Behind a small
// interface, so what is built on it (scope/, cmd/since, cmd/compare) is testable without git.
#pragma once

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "svcorg/i18n/message.hpp"

namespace svcorg::vcs {

// Not a repository, an unknown revision, git missing or failing: the message says which
// (what(): its English).
struct Error : std::runtime_error {
  explicit Error(i18n::Message m) : std::runtime_error(m.text()), message(std::move(m)) {}
  i18n::Message message;
};

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
  // The commit `rev` names (full id); throws Error for an unknown revision.
  virtual std::string resolve(const std::string& rev) const = 0;
  // Files that differ between `commit` and the working tree (added, modified, deleted;
  // a rename is a deletion plus an addition), and untracked files that are not ignored.
  // Paths relative to root().
  virtual std::vector<std::string> changed_since(const std::string& commit) const = 0;
  // Every file of the tree of `commit`.
  virtual std::vector<TreeFile> files_at(const std::string& commit) const = 0;
  // The contents of objects (blob ids, or `COMMIT:PATH`); nullopt for a missing one.
  virtual std::vector<std::optional<std::string>> read(const std::vector<std::string>& objects) const = 0;
};

// The git repository that holds `dir`; throws Error when there is none.
std::unique_ptr<Repository> open_git(const std::string& dir);

// A revision as given by a user: non-empty, not starting with `-` (it could be read as
// an option), no control characters. Returns what is wrong, or an empty message.
i18n::Message check_revision(const std::string& rev);

}  // namespace svcorg::vcs
