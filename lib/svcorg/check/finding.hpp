// How a finding about a record is made: the one place that builds a Diagnostic for a rule
// past conversion, shared by the rules about one need alone (check/need.hpp) and the
// cross-record rules (validate/).
#pragma once

#include <string>

#include "svcorg/diag/diagnostic.hpp"
#include "svcorg/i18n/message.hpp"
#include "svcorg/model/records.hpp"
#include "svcorg/util/date.hpp"

namespace svcorg::check {

// A finding about a record of `kind` in `file` whose first key is at `record`: at `at`,
// or at the record when `at` is unknown.
diag::Diagnostic finding(model::Kind kind, const std::string& file, Pos record, std::string id, Pos at,
                         diag::Severity severity, const char* rule, i18n::Message message);

// future-date: `field` (its path) is `date`, after the as-of date.
i18n::Message future_date(std::string field, util::Date date, util::Date today);

// A field that was not written at all. The converter leaves an invalid value `has ==
// false` too (already reported); where it keeps the invalid value's position, that
// value does not count as missing, so its fault is not reported twice.
template <class T>
bool absent(const model::F<T>& f) {
  return !f.has && !f.pos.known();
}

// A record's id as findings show it ("" when it has none).
inline std::string id_of(const model::RecordBase& r) {
  return r.id ? *r.id : std::string();
}

}  // namespace svcorg::check
