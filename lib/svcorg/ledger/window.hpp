// The dates a run reads the records at: year Y, as-of date A (SPEC 5) and the run's own
// date. Validation, the ledger, scoring and the reports all take this one value
// (validate::resolve_dates makes it from --year and --as-of).
#pragma once

#include "svcorg/util/date.hpp"

namespace svcorg::ledger {

struct Window {
  Window() = default;
  // `today` may be left out where nothing reads it (the ledger and scoring read Y and A).
  Window(int y, util::Date a, util::Date t = {}) : year(y), as_of(a), today(t) {}

  int year = 0;      // SPEC 5: --year, default the as-of date's year
  util::Date as_of;  // SPEC 5: --as-of, default today (Dec 31 of Y for a past year)
  util::Date today;  // the run's date: future-date (SPEC 4.2 rev 2) compares with it
};

}  // namespace svcorg::ledger
