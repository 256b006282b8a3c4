// The figures of report::Data computed beyond the score result (internal to report/).
#pragma once

#include <optional>

#include "svcorg/report/report.hpp"

namespace svcorg::report {

// Names, means by type, ranks' counts, what needs attention (district and street) and
// the branch card's rows, needs and meetings, on `d` built up to its improvements.
void figures(const Inputs& in, Data& d);

// The totals of year − 1 scored with the same inputs, when plans of year − 1 exist.
std::optional<Previous> previous(const Inputs& in, const Data& d);

}  // namespace svcorg::report
