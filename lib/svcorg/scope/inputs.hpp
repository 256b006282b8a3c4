// Which files of a git repository are svcorg inputs, and under which display path: the
// same rules as load::discover (SPEC 2.1), applied to paths relative to the repository's
// root, so that files that no longer exist (deleted, or in an older tree) map too.
#pragma once

#include <string>
#include <vector>

namespace svcorg::scope {

// One input path as given on the command line.
struct Input {
  std::string given;  // as given (display paths derive from it)
  std::string rel;    // relative to the repository root, `/`-separated; "." for the root
  bool directory = false;
};

class InputMap {
 public:
  explicit InputMap(std::vector<Input> inputs) : inputs_(std::move(inputs)) {}
  // Builds the map from the paths given (none: the current directory) and the root
  // (absolute, canonical). Paths outside the root, and `-`, never match.
  static InputMap from_paths(const std::vector<std::string>& paths, const std::string& root);

  // The display paths `repo_path` is read under (usually one; none when it is no input):
  // a file given by name, or a *.yaml / *.yml file under a directory given, with no
  // hidden (`.`) component below that directory.
  std::vector<std::string> display_paths(const std::string& repo_path) const;

  const std::vector<Input>& inputs() const { return inputs_; }
  // Paths given that are not in the repository (`-` is not listed).
  const std::vector<std::string>& outside() const { return outside_; }

 private:
  std::vector<Input> inputs_;
  std::vector<std::string> outside_;
};

}  // namespace svcorg::scope
