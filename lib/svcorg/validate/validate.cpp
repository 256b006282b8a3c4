#include "svcorg/validate/validate.hpp"

#include <algorithm>
#include <functional>
#include <numeric>
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
  // The work in pieces, listed in the one-thread order of their findings: identity,
  // references, branches, the rules about each need kept whole (in runs of files),
  // need-category, plans, platforms. Each piece has its own sink and held findings,
  // appended in this order whichever thread ran it, so the findings are the same for any
  // number of threads. The cross-record checks (one piece each) start first; the runs of
  // whole needs fill in around them.
  struct Piece {
    std::function<void(diag::Sink&, std::vector<detail::Held>&)> run;
    bool first;
  };
  auto cross = [&](void (*check)(detail::Context&)) {
    return Piece{[&, check](diag::Sink& into, std::vector<detail::Held>& held) {
                   detail::Context c(index, rules, options, into, held);
                   check(c);
                 },
                 true};
  };
  std::vector<Piece> pieces = {cross(detail::check_identity), cross(detail::check_references),
                               cross(detail::check_branches)};
  const auto& parts = records.needs.parts();
  const std::vector<size_t> runs = records.needs.runs(util::pieces_for(threads));
  for (size_t r = 0; r + 1 < runs.size(); ++r)
    pieces.push_back({[&, from = runs[r], to = runs[r + 1]](diag::Sink& into, std::vector<detail::Held>&) {
                        for (size_t p = from; p < to; ++p)
                          for (const model::Need& n : parts[p]) check::need(n, records.files.at(n.file), options, into);
                      },
                      false});
  for (auto* check : {detail::check_needs, detail::check_plans, detail::check_platforms})
    pieces.push_back(cross(check));
  std::vector<size_t> order(pieces.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_partition(order.begin(), order.end(), [&](size_t i) { return pieces[i].first; });
  std::vector<diag::Sink> sinks(pieces.size());
  std::vector<std::vector<detail::Held>> held(pieces.size());
  util::parallel_for(order.size(), threads, [&](size_t k) { pieces[order[k]].run(sinks[order[k]], held[order[k]]); });
  std::vector<detail::Held> all_held;
  for (size_t i = 0; i < pieces.size(); ++i) {
    for (auto& d : sinks[i].items()) sink.add(std::move(d));
    for (auto& h : held[i]) all_held.push_back(std::move(h));
  }
  detail::count_dependents(index, std::move(all_held), sink);
}

}  // namespace svcorg::validate
