// `svcorg report` (SPEC 7): Markdown for the district, a street or a branch.
#pragma once

#include <optional>
#include <string>

#include "svcorg/cmd/common.hpp"

namespace svcorg::cmd {

struct ReportOptions {
  Common common;
  std::string scope = "district";     // district | street:ID | branch:ID
  std::optional<std::string> output;  // -o FILE
  bool detail = false;                // --detail: every row of the long tables
};

int run_report(const ReportOptions& o, const Io& io);

}  // namespace svcorg::cmd
