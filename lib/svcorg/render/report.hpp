// `svcorg report`: Markdown for a district, a street or a branch (SPEC 7), in English or
// Simplified Chinese. Formats report::Data; computes nothing.
#pragma once

#include <string>

#include "svcorg/render/labels.hpp"
#include "svcorg/report/report.hpp"

namespace svcorg::render {

std::string report_markdown(const report::Data& d, const Labels& l);

}  // namespace svcorg::render
