#include "svcorg/validate/validate.hpp"

#include "svcorg/validate/checks.hpp"

namespace svcorg::validate {

// SPEC 5: Y defaults to the as-of date's year; A defaults to today, or to Dec 31 of Y
// when Y is a past year. A future Y keeps A = today (nothing of Y has happened yet).
Options resolve_dates(std::optional<int> year, std::optional<util::Date> as_of, util::Date today) {
  Options o;
  if (as_of) {
    o.as_of = *as_of;
    o.year = year ? *year : as_of->year();
    return o;
  }
  o.year = year ? *year : today.year();
  o.as_of = o.year < today.year() ? util::Date::from_ymd(o.year, 12, 31) : today;
  return o;
}

void run(const model::RecordSet& records, const rules::Rules& rules, const Options& options, diag::Sink& sink) {
  detail::Context c(records, rules, options, sink);
  detail::check_identity(c);
  detail::check_references(c);
  detail::check_branches(c);
  detail::check_needs(c);
  detail::check_plans(c);
  detail::check_platforms(c);
}

}  // namespace svcorg::validate
