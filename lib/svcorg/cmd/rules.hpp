// `svcorg rules [TYPE] [PATH...]`: the per-type rules and the scoring model in effect,
// the built-in model merged with the District's overrides found among the inputs.
#pragma once

#include <string>
#include <vector>

#include "svcorg/cmd/common.hpp"

namespace svcorg::cmd {

struct RulesOptions {
  Common common;  // paths, --lang, -q, --jobs, the limits and the parse cache
  // TYPE, then the paths: the first word is a TYPE when it is a type id or label, or when
  // it names no file or folder and does not look like a path; docs/FORMAT.md.
  std::vector<std::string> words;
  std::string format = "text";  // text, markdown or json
  bool builtin = false;         // the built-in rules; no input is read
};

const std::vector<std::string>& rules_formats();

// Prints the rules; exit 2 for an unknown TYPE or an unreadable path, 1 when the District
// has errors (its overrides are then unknown). Errors elsewhere do not change the rules:
// they are counted in a note on io.err.
int run_rules(const RulesOptions& o, const Io& io);

}  // namespace svcorg::cmd
