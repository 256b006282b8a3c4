// Cross-record validation (SPEC 4.2): every rule that needs more than one document.
// Schema-level checks happen while converting (model/convert); this module runs on the
// typed records of all inputs together.
#pragma once

#include <optional>

#include "svcorg/diag/diagnostic.hpp"
#include "svcorg/model/records.hpp"
#include "svcorg/rules/rules.hpp"
#include "svcorg/util/date.hpp"

namespace svcorg::validate {

struct Options {
  int year = 0;          // SPEC 5: --year, default the as-of date's year
  util::Date as_of;      // SPEC 5: --as-of, default today (Dec 31 of Y for a past year)
};

// Resolve --year/--as-of as SPEC 5 says. `today` is injected for tests.
Options resolve_dates(std::optional<int> year, std::optional<util::Date> as_of, util::Date today);

// Runs every cross-record rule, adding findings to `sink`. With `threads` >= 2 the
// needs' checks run beside the others; the findings are the same, in the same order.
void run(const model::RecordSet& records, const rules::Rules& rules, const Options& options, diag::Sink& sink,
         unsigned threads = 1);

}  // namespace svcorg::validate
