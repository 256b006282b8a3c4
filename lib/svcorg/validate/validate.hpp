// Cross-record validation (SPEC 4.2): every rule that needs more than one document.
// Schema-level checks happen while converting (model/convert); this module runs on the
// typed records of all inputs together.
#pragma once

#include <optional>
#include <string>

#include "svcorg/diag/diagnostic.hpp"
#include "svcorg/ledger/window.hpp"
#include "svcorg/model/records.hpp"
#include "svcorg/rules/rules.hpp"
#include "svcorg/util/date.hpp"

namespace svcorg::validate {

// Resolve --year/--as-of as SPEC 5 says. `today` is injected (the command line reads
// SVCORG_TODAY, for tests and reproducible runs) and kept in the result.
ledger::Window resolve_dates(std::optional<int> year, std::optional<util::Date> as_of, util::Date today);

// The rules about one need that read nothing else (relay-target, declined-reason,
// event-order, status-transition, status-mismatch, date-order, future-date); `file` is
// its display path. validate::run applies them to the needs kept whole
// (RecordSet::needs); a load that keeps only the needs' cores applies them as it loads
// (load::NeedChecks).
void check_need(const model::Need& need, const std::string& file, const ledger::Window& options, diag::Sink& sink);
// check_need in two parts: the rules that read nothing but the need (all but
// future-date), whose findings the parse cache keeps with the file's records, and the
// one that reads the run's date (future-date), which finds nothing in a need whose
// model::latest_date is on or before it.
void check_need_content(const model::Need& need, const std::string& file, diag::Sink& sink);
void check_need_dates(const model::Need& need, const std::string& file, const ledger::Window& options,
                      diag::Sink& sink);

// Runs every cross-record rule, and check_need on the needs kept whole, adding findings
// to `sink`. With `threads` >= 2 the needs' checks run beside the others; the findings
// are the same, in the same order. A finding that only follows from what an unusable
// file or document would define (RecordSet::unusable) is not added: it is counted in
// the message of that file's or document's own error, which `sink` holds already (the
// load's findings); when it holds none, the finding is added as it is.
void run(const model::RecordSet& records, const rules::Rules& rules, const ledger::Window& options, diag::Sink& sink,
         unsigned threads = 1);

}  // namespace svcorg::validate
