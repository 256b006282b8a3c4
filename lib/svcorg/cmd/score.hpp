// `svcorg score` (SPEC 6, 8).
#pragma once

#include <optional>
#include <string>

#include "svcorg/cmd/common.hpp"

namespace svcorg::cmd {

struct ScoreOptions {
  Common common;
  std::string format = "table";  // table | json | csv
  std::optional<std::string> branch, type, street;
  std::optional<std::string> explain;  // branch id
  std::optional<double> fail_under;
  std::optional<std::string> output;   // -o FILE
};

int run_score(const ScoreOptions& o, const Io& io);

// Shared by the commands that refuse inputs with errors: prints the findings (errors
// and, unless quiet, warnings) to io.err; returns the exit code to stop with, or 0 to go on.
int refuse_bad_inputs(const Checked& checked, const Common& c, const Io& io);

// Writes `content` to `output` atomically, or to io.out; returns 0 or kUsage.
int emit(const std::optional<std::string>& output, const std::string& content, const Io& io);

}  // namespace svcorg::cmd
