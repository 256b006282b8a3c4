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

namespace {

// The rules about each need alone, for the needs that were kept whole.
void check_whole_needs(const model::RecordSet& records, const Options& options, diag::Sink& sink) {
  for (const auto& n : records.needs) check_need(n, records.files.at(n.file), options, sink);
}

}  // namespace

void run(const model::RecordSet& records, const rules::Rules& rules, const Options& options, diag::Sink& sink,
         unsigned threads) {
  const detail::Index index(records);
  if (threads < 2) {
    detail::Context c(index, rules, options, sink);
    detail::check_identity(c);
    detail::check_references(c);
    detail::check_branches(c);
    check_whole_needs(records, options, sink);
    detail::check_needs(c);
    detail::check_plans(c);
    detail::check_platforms(c);
    return;
  }
  // Two threads, in about equal halves of a large ledger's work: the needs' checks on
  // the second, the rest on this one (at 100,000 needs, ~45 ms each; with identity on
  // the second thread too it took 60 ms while this one waited half of that). Each part
  // has its own sink; the sinks are appended in the order above, so the findings come
  // out as with one thread.
  diag::Sink identity, references_branches, needs, plans_platforms;
  std::thread worker([&] {
    check_whole_needs(records, options, needs);
    detail::Context b(index, rules, options, needs);
    detail::check_needs(b);
  });
  {
    detail::Context a(index, rules, options, identity);
    detail::check_identity(a);
  }
  {
    detail::Context c(index, rules, options, references_branches);
    detail::check_references(c);
    detail::check_branches(c);
  }
  {
    detail::Context c(index, rules, options, plans_platforms);
    detail::check_plans(c);
    detail::check_platforms(c);
  }
  worker.join();
  for (diag::Sink* part : {&identity, &references_branches, &needs, &plans_platforms})
    for (auto& d : part->items()) sink.add(std::move(d));
}

}  // namespace svcorg::validate
