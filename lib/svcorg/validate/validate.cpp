#include "svcorg/validate/validate.hpp"

#include <thread>

#include "svcorg/validate/checks.hpp"

namespace svcorg::validate {

// SPEC 5: Y defaults to the as-of date's year; A defaults to today, or to Dec 31 of Y
// when Y is a past year. A future Y keeps A = today (nothing of Y has happened yet).
ledger::Window resolve_dates(std::optional<int> year, std::optional<util::Date> as_of, util::Date today) {
  ledger::Window o;
  o.today = today;
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
void check_whole_needs(const model::RecordSet& records, const ledger::Window& options, diag::Sink& sink) {
  for (const auto& n : records.needs) check_need(n, records.files.at(n.file), options, sink);
}

}  // namespace

void run(const model::RecordSet& records, const rules::Rules& rules, const ledger::Window& options, diag::Sink& sink,
         unsigned threads) {
  const detail::Index index(records);
  if (threads < 2) {
    std::vector<detail::Held> held;
    detail::Context c(index, rules, options, sink, held);
    detail::check_identity(c);
    detail::check_references(c);
    detail::check_branches(c);
    check_whole_needs(records, options, sink);
    detail::check_needs(c);
    detail::check_plans(c);
    detail::check_platforms(c);
    detail::count_dependents(index, std::move(held), sink);
    return;
  }
  // Two threads, in about equal halves of the work. With whole needs to check (`report`,
  // `needs`), those checks are most of it (~45 ms at 100,000 needs): they go to the
  // second thread and the rest stays here. Without them (`validate`, `score` and
  // `compare` check each need as it is loaded and keep its core), identity and the
  // references (~20 ms) go to the second thread and plans and platforms (~20 ms) stay:
  // with the first split, this thread did 90% of the work. Each part has its own sink;
  // the sinks are appended in the one-thread order, so the findings come out the same.
  const bool whole = !records.needs.empty();
  diag::Sink identity, references, branches, needs, plans_platforms;
  std::vector<detail::Held> held_here, held_there;  // by this thread and by the worker
  auto check = [&](void (*one)(detail::Context&), diag::Sink& into, std::vector<detail::Held>& held) {
    detail::Context c(index, rules, options, into, held);
    one(c);
  };
  std::thread worker([&] {
    check_whole_needs(records, options, needs);
    check(detail::check_needs, needs, held_there);
    if (!whole) {
      check(detail::check_identity, identity, held_there);
      check(detail::check_references, references, held_there);
    }
  });
  if (whole) {
    check(detail::check_identity, identity, held_here);
    check(detail::check_references, references, held_here);
  }
  check(detail::check_branches, branches, held_here);
  check(detail::check_plans, plans_platforms, held_here);
  check(detail::check_platforms, plans_platforms, held_here);
  worker.join();
  for (diag::Sink* part : {&identity, &references, &branches, &needs, &plans_platforms})
    for (auto& d : part->items()) sink.add(std::move(d));
  for (auto& h : held_there) held_here.push_back(std::move(h));
  detail::count_dependents(index, std::move(held_here), sink);
}

}  // namespace svcorg::validate
