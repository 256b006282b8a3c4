// Finding the input files (SPEC 2.1): paths are files or directories searched
// recursively for *.yaml / *.yml, hidden entries skipped; `-` is standard input.
#pragma once

#include <string>
#include <vector>

#include "svcorg/i18n/message.hpp"

namespace svcorg::load {

struct Source {
  std::string display;  // the path shown in findings (relative as given, no leading ./)
  std::string path;     // the path to open ("" for standard input)
  bool is_stdin = false;
};

struct DiscoverResult {
  std::vector<Source> sources;        // sorted by display path, no repeats
  std::vector<i18n::Message> errors;  // paths that do not exist or cannot be listed (exit 2)
};

// No paths means the current directory.
DiscoverResult discover(const std::vector<std::string>& paths);

// The records repository each file lies in (SPEC 8, rev 2; docs/FORMAT.md): going up
// from the file's folder to the top of the git work tree that holds it (the nearest
// folder with a `.git` entry, file or folder; git itself is not run), the nearest folder
// that holds a District record in a *.yaml / *.yml file directly in it (not a hidden
// one). Absolute and lexically normal (links in the file's path are not resolved); ""
// when the file is in no git work tree, or no folder on the way holds a District.
std::vector<std::string> records_roots(const std::vector<std::string>& files);

// "./a/b.yaml" -> "a/b.yaml"; "a//b" -> "a/b".
std::string display_path(const std::string& path);

}  // namespace svcorg::load
