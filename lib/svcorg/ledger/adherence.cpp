#include "svcorg/ledger/adherence.hpp"

#include <algorithm>
#include <cmath>

#include "svcorg/model/vocab.hpp"

namespace svcorg::ledger {

Adherence adherence(const model::Platform& p, const Window& w) {
  Adherence a;
  a.platform = &p;
  const util::Date jan1 = util::Date::from_ymd(w.year, 1, 1);
  const util::Date dec31 = util::Date::from_ymd(w.year, 12, 31);
  const util::Date from = p.established ? std::max(jan1, *p.established) : jan1;
  const util::Date to = std::min(w.as_of, dec31);
  if (to < from) return a;
  a.window_empty = false;
  a.from = from;
  a.to = to;
  a.fraction = static_cast<double>(to - from + 1) / static_cast<double>(util::days_in_year(w.year));
  const int per_year = p.cadence ? model::vocab::cadence_per_year(*p.cadence) : 0;
  a.expected = per_year * a.fraction;
  a.due = static_cast<size_t>(std::floor(a.expected + 1e-9));
  if (p.meetings)
    for (const auto& m : *p.meetings)
      if (m.date && *m.date >= from && *m.date <= to) ++a.held;
  a.value = a.expected > 0 ? std::min(static_cast<double>(a.held) / a.expected, 1.0) : 0.0;
  return a;
}

}  // namespace svcorg::ledger
