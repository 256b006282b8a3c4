// "What to improve first" (SPEC 7): the parts of a branch's score where the most points
// of the total are lost, each with the concrete inputs behind it.
#pragma once

#include <vector>

#include "svcorg/report/report.hpp"

namespace svcorg::report {

// Every part that lost points (base parts weighted by β, components by 1 − β), most
// points lost first (ties by part name).
// `quality_rank`: the plan's rank by quality among the peers of its type.
std::vector<Improvement> improvements(const score::BranchScore& s, const LedgerView& ledger, int quality_rank);

}  // namespace svcorg::report
