// `svcorg report`: Markdown for a district, a street or a branch (SPEC 7), in English or
// Simplified Chinese. Formats report::Data; computes nothing.
#pragma once

#include <string>

#include "svcorg/render/labels.hpp"
#include "svcorg/report/report.hpp"

namespace svcorg::render {

struct ReportOptions {
  bool detail = false;  // `--detail`: every row of the long tables, none left off
  bool brief = false;   // `--brief`: a district's or street's attention block, rankings and streets only
};

std::string report_markdown(const report::Data& d, const Labels& l, const ReportOptions& o = {});

}  // namespace svcorg::render
