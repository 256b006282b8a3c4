// `svcorg report --format html`: the report's document (the layout the Markdown is written
// from, doc.hpp) as one self-contained HTML file (render/html.hpp) with SVG charts
// (render/svg.hpp). Formats report::Data; computes nothing.
#pragma once

#include <string>

#include "svcorg/render/labels.hpp"
#include "svcorg/render/report.hpp"
#include "svcorg/report/report.hpp"

namespace svcorg::render {

std::string report_html(const report::Data& d, const Labels& l, const ReportOptions& o = {});

}  // namespace svcorg::render
