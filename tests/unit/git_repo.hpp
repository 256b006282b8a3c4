// A temporary git repository for the end-to-end tests of --since and --compare.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>

#include "support.hpp"

namespace testing {

// Runs `command` with the shell in `dir`, output discarded; returns its exit status.
inline int shell(const std::filesystem::path& dir, const std::string& command) {
  const std::string line = "cd '" + dir.string() + "' && (" + command + ") >/dev/null 2>&1";
  return std::system(line.c_str());
}

// `git init` in a fresh temporary directory, with a user and no signing.
class GitRepo {
 public:
  GitRepo() {
    if (shell(dir_.path(),
              "git init -q && git config user.name svcorg-test && git config user.email test@example.org && "
              "git config commit.gpgsign false") != 0)
      throw std::runtime_error("git init failed");
  }
  const std::filesystem::path& path() const { return dir_.path(); }
  // Stages everything and commits.
  void commit(const std::string& message) {
    if (shell(path(), "git add -A && git commit -q -m '" + message + "'") != 0)
      throw std::runtime_error("git commit failed");
  }

 private:
  TempDir dir_;
};

}  // namespace testing
