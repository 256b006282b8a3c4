#include "svcorg/validate/validate.hpp"

#include <vector>

#include "svcorg/check/need.hpp"
#include "svcorg/util/parallel.hpp"
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

void run(const model::RecordSet& records, const rules::Rules& rules, const ledger::Window& options, diag::Sink& sink,
         unsigned threads) {
  const detail::Index index(records);
  // The work in pieces, in the one-thread order of their findings: identity, references,
  // branches, the rules about each need kept whole (in runs of files, one or more per
  // thread), need-category, plans, platforms. Each piece has its own sink and held
  // findings, appended in this order whichever thread ran it, so the findings are the
  // same for any number of threads.
  using Check = void (*)(detail::Context&);
  const auto& parts = records.needs.parts();
  const std::vector<size_t> runs = records.needs.runs(threads < 2 ? 1 : 4 * size_t{threads});
  const size_t whole = runs.size() - 1;  // pieces of whole needs, from index 3
  const Check before[] = {detail::check_identity, detail::check_references, detail::check_branches};
  const Check after[] = {detail::check_needs, detail::check_plans, detail::check_platforms};
  const size_t count = 3 + whole + 3;
  std::vector<diag::Sink> sinks(count);
  std::vector<std::vector<detail::Held>> held(count);
  auto piece = [&](size_t i) {
    if (i >= 3 && i < 3 + whole) {
      for (size_t p = runs[i - 3]; p < runs[i - 2]; ++p)
        for (const model::Need& n : parts[p]) check::need(n, records.files.at(n.file), options, sinks[i]);
      return;
    }
    detail::Context c(index, rules, options, sinks[i], held[i]);
    (i < 3 ? before[i] : after[i - 3 - whole])(c);
  };
  // The cross-record checks start first (each is one piece), the runs of whole needs
  // fill in around them.
  std::vector<size_t> order;
  for (size_t i = 0; i < count; ++i)
    if (i < 3 || i >= 3 + whole) order.push_back(i);
  for (size_t i = 3; i < 3 + whole; ++i) order.push_back(i);
  util::parallel_for(count, threads, [&](size_t k) { piece(order[k]); });
  std::vector<detail::Held> all_held;
  for (size_t i = 0; i < count; ++i) {
    for (auto& d : sinks[i].items()) sink.add(std::move(d));
    for (auto& h : held[i]) all_held.push_back(std::move(h));
  }
  detail::count_dependents(index, std::move(all_held), sink);
}

}  // namespace svcorg::validate
