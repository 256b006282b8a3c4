// `svcorg report` (SPEC 7): Markdown or HTML for the district, a street or a branch.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "svcorg/cmd/common.hpp"

namespace svcorg::cmd {

struct ReportOptions {
  Common common;
  std::string scope = "district";     // district | street:ID | branch:ID
  std::string format = "markdown";    // one of report_formats()
  std::optional<std::string> output;  // -o FILE
  bool detail = false;                // --detail: every row of the long tables
  bool brief = false;                 // --brief: attention, rankings and streets only
};

// `markdown` (the default) and `html` (one self-contained file, render/report_html.hpp).
const std::vector<std::string>& report_formats();

int run_report(const ReportOptions& o, const Io& io);

}  // namespace svcorg::cmd
