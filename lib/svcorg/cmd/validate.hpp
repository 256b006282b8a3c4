// `svcorg validate` (SPEC 4, 8).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "svcorg/cmd/common.hpp"
#include "svcorg/diag/render.hpp"

namespace svcorg::cmd {

struct ValidateOptions {
  Common common;
  std::string format = "text";       // for standard output; one of validate_formats()
  std::vector<std::string> outputs;  // FORMAT=FILE: more reports, each written atomically
  std::optional<std::string> since;  // --since REV: findings of changed and related records only
};

// text, json, sarif, junit, github, gitlab.
const std::vector<std::string>& validate_formats();

// The findings of a checked run in `format` (one of validate_formats()), with what `report`
// adds: why the run did not complete, and the bases of paths. `color` and `quiet` (errors
// only, no summary line) apply to the line formats, text and github. Text lists the
// failures (`svcorg: error: …`) unless `failures_on_stderr` (they are there already).
std::string render_validate(const std::string& format, const Checked& checked, bool color, bool quiet,
                            const diag::Report& report = {}, bool failures_on_stderr = false);

// Where the reports' paths are relative to (diag::PathBase): the current directory, and,
// for inputs given as absolute paths outside it, the git work tree that holds them, else
// the deepest folder that does.
diag::PathBase path_base(const std::vector<std::string>& paths);

int run_validate(const ValidateOptions& o, const Io& io);

}  // namespace svcorg::cmd
