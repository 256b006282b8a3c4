#include "svcorg/validate/validate.hpp"

#include <thread>

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

void run(const model::RecordSet& records, const rules::Rules& rules, const Options& options, diag::Sink& sink,
         unsigned threads) {
  const detail::Index index(records);
  if (threads < 2) {
    detail::Context c(index, rules, options, sink);
    detail::check_identity(c);
    detail::check_references(c);
    detail::check_branches(c);
    detail::check_needs(c);
    detail::check_plans(c);
    detail::check_platforms(c);
    return;
  }
  // The needs' checks (most of the work in a large ledger) on a second thread. Each
  // part has its own sink, appended in the order above, so the findings come out in
  // the same order as with one thread.
  diag::Sink before_needs, needs, after_needs;
  std::thread worker([&] {
    detail::Context c(index, rules, options, needs);
    detail::check_needs(c);
  });
  {
    detail::Context c(index, rules, options, before_needs);
    detail::check_identity(c);
    detail::check_references(c);
    detail::check_branches(c);
  }
  {
    detail::Context c(index, rules, options, after_needs);
    detail::check_plans(c);
    detail::check_platforms(c);
  }
  worker.join();
  for (diag::Sink* part : {&before_needs, &needs, &after_needs})
    for (auto& d : part->items()) sink.add(std::move(d));
}

}  // namespace svcorg::validate
