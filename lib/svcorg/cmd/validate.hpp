// `svcorg validate` (SPEC 4, 8).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "svcorg/cmd/common.hpp"

namespace svcorg::cmd {

struct ValidateOptions {
  Common common;
  std::string format = "text";       // for standard output; one of validate_formats()
  std::vector<std::string> outputs;  // FORMAT=FILE: more reports, each written atomically
  std::optional<std::string> since;  // --since REV: findings of changed and related records only
};

// text, json, sarif, junit, github, gitlab.
const std::vector<std::string>& validate_formats();

// The findings of a checked run in `format` (one of validate_formats()). `color` and
// `quiet` (errors only, no summary line) apply to the line formats, text and github.
std::string render_validate(const std::string& format, const Checked& checked, bool color, bool quiet);

int run_validate(const ValidateOptions& o, const Io& io);

}  // namespace svcorg::cmd
