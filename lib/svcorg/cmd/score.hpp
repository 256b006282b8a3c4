// `svcorg score` (SPEC 6, 8).
#pragma once

#include <optional>
#include <string>

#include "svcorg/cmd/common.hpp"

namespace svcorg::cmd {

struct ScoreOptions {
  Common common;
  std::string format = "table";  // table | json | csv | xlsx (with -o); markdown with --baseline or --compare
  bool excel = false;            // --excel: CSV for Excel (a BOM; implies csv)
  std::optional<std::string> branch, type, street;
  std::optional<std::string> explain;  // branch id
  std::optional<double> fail_under;
  std::optional<std::string> output;    // -o FILE
  std::optional<std::string> since;     // --since REV: show changed and related branches only
  std::optional<std::string> baseline;  // --baseline FILE.json: deltas against a previous score
  std::optional<std::string> compare;   // --compare REV: deltas against the inputs at REV
};

int run_score(const ScoreOptions& o, const Io& io);

}  // namespace svcorg::cmd
