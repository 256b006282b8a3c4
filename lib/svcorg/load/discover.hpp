// Finding the input files (SPEC 2.1): paths are files or directories searched
// recursively for *.yaml / *.yml, hidden entries skipped; `-` is standard input.
#pragma once

#include <string>
#include <vector>

namespace svcorg::load {

struct Source {
  std::string display;  // the path shown in findings (relative as given, no leading ./)
  std::string path;     // the path to open ("" for standard input)
  bool is_stdin = false;
};

struct DiscoverResult {
  std::vector<Source> sources;      // sorted by display path, no repeats
  std::vector<std::string> errors;  // paths that do not exist or cannot be listed (exit 2)
};

// No paths means the current directory.
DiscoverResult discover(const std::vector<std::string>& paths);

// "./a/b.yaml" -> "a/b.yaml"; "a//b" -> "a/b".
std::string display_path(const std::string& path);

}  // namespace svcorg::load
