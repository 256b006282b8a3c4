// What the commands that edit the records repository in place share (`need add`, `move`,
// `feedback`, `import needs`): reading the repository into memory, the file a branch's new
// needs of a year go to, and writing changed files only when validating the repository as
// it would be after the change adds no error, each file atomically (docs/FORMAT.md,
// "Editing commands").
#pragma once

#include <map>
#include <string>
#include <vector>

#include "svcorg/cmd/common.hpp"

namespace svcorg::cmd {

// The repository's files held in memory, by display path, with the paths to write.
struct Repository {
  std::string root;
  std::vector<load::Held> files;
  std::map<std::string, std::string> paths;  // display path -> path
  std::vector<i18n::Message> errors;
};

// The repository of `c.paths` (its first path, default .), read as validate reads it.
Repository read_repository(const Common& c);

// A file's new text.
struct Change {
  std::string display, path, text;
};

// Where new needs of `branch` received in `year` go: the file of the branch's last need
// of that year, else needs/YEAR/BRANCH.yaml under the repository (a new file starts with
// the schema line the repository's needs files have). `text` is the file's text now.
Change needs_file(Repository& repo, const Checked& before, const std::string& branch, int year);

// Validates `repo` with `changes` in place, and writes them (util::write_files: all
// temporary files first, then the renames) only when that adds no error to `before`; else
// prints the new errors and `refused`. With `write` false (a dry run) it only checks.
// Returns the exit code.
int write_checked(const Repository& repo, const Checked& before, const std::vector<Change>& changes,
                  const i18n::Message& refused, const Common& common, const ledger::Window& dates, const Io& io,
                  bool write = true);

}  // namespace svcorg::cmd
