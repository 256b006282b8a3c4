// The rules about one need that read nothing but the need (SPEC 4.2): relay-target,
// declined-reason, event-order, status-transition, status-mismatch, date-order and
// future-date. A pure step: the loader runs it on each need as its file is loaded when
// only the needs' cores are kept (load/loader.hpp), validate::run on the needs kept whole.
#pragma once

#include <string>

#include "svcorg/diag/diagnostic.hpp"
#include "svcorg/ledger/window.hpp"
#include "svcorg/model/records.hpp"

namespace svcorg::check {

// Every rule about the need alone; `file` is its display path. Adds findings to `sink`.
void need(const model::Need& n, const std::string& file, const ledger::Window& window, diag::Sink& sink);

// need() in the two parts the parse cache tells apart: the rules that read nothing but
// the need (all but future-date), whose findings a file's cache entry keeps, and the one
// that reads the run's date (future-date), which finds nothing in a need whose
// model::latest_date is on or before window.today.
void need_content(const model::Need& n, const std::string& file, diag::Sink& sink);
void need_dates(const model::Need& n, const std::string& file, const ledger::Window& window, diag::Sink& sink);

}  // namespace svcorg::check
