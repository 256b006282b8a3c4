// Cross-record validation (SPEC 4.2): every rule that needs more than one document.
// Schema-level checks happen while converting (model/convert); this module runs on the
// typed records of all inputs together.
#pragma once

#include <optional>
#include <string>

#include "svcorg/diag/diagnostic.hpp"
#include "svcorg/ledger/window.hpp"
#include "svcorg/model/record_set.hpp"
#include "svcorg/rules/rules.hpp"
#include "svcorg/util/date.hpp"

namespace svcorg::validate {

// Resolve --year/--as-of as SPEC 5 says. `today` is injected (the command line reads
// SVCORG_TODAY, for tests and reproducible runs) and kept in the result.
ledger::Window resolve_dates(std::optional<int> year, std::optional<util::Date> as_of, util::Date today);

// Runs every cross-record rule, and check::need on the needs kept whole, adding findings
// to `sink`. With `threads` >= 2 the needs' checks run beside the others; the findings
// are the same, in the same order. A finding that only follows from what an unusable
// file or document would define (RecordSet::unusable) is not added: it is counted in
// the message of that file's or document's own error, which `sink` holds already (the
// load's findings); when it holds none, the finding is added as it is.
void run(const model::RecordSet& records, const rules::Rules& rules, const ledger::Window& options, diag::Sink& sink,
         unsigned threads = 1);

}  // namespace svcorg::validate
