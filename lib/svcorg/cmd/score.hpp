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

}  // namespace svcorg::cmd
