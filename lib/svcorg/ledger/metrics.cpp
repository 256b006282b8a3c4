#include "svcorg/ledger/metrics.hpp"

#include <algorithm>
#include <cmath>

namespace svcorg::ledger {

namespace {

// n.due, else received + resolve_days[layer]; none without rules for the layer.
std::optional<util::Date> due_date(std::optional<util::Date> due, const std::string* layer,
                                   const rules::TypeRules* rules, util::Date received) {
  if (due) return *due;
  if (!rules || !layer) return std::nullopt;
  auto it = rules->resolve_days.find(*layer);
  if (it == rules->resolve_days.end()) return std::nullopt;
  return received + static_cast<int32_t>(it->second);
}

// response_on_time_rate (SPEC 5): a need with r(n) counts, on time when r(n) − received
// ≤ response_days; one without counts (late) once A − received > response_days.
// Without rules there is no deadline: a response is on time, none never late.
void judge_response(NeedFacts& f, const rules::TypeRules* rules, util::Date as_of) {
  if (!rules) {
    f.response_counted = f.response.has_value();
    f.response_on_time = f.response_counted;
    return;
  }
  const int64_t limit = rules->response_days;
  if (f.response) {
    f.response_counted = true;
    f.response_on_time = (*f.response - f.received) <= limit;
  } else {
    f.response_counted = (as_of - f.received) > limit;
  }
}

std::optional<double> rate(size_t numerator, size_t denominator) {
  if (denominator == 0) return std::nullopt;
  return static_cast<double>(numerator) / static_cast<double>(denominator);
}

// One more for `year` in counts sorted by year.
void count_year(std::vector<std::pair<int, size_t>>& counts, int year) {
  auto it = std::lower_bound(counts.begin(), counts.end(), std::make_pair(year, size_t{0}));
  if (it == counts.end() || it->first != year) it = counts.insert(it, {year, 0});
  ++it->second;
}

size_t backlog_bucket(int32_t age) {
  if (age <= 7) return 0;
  if (age <= 30) return 1;
  if (age <= 90) return 2;
  return 3;
}

// The report-only figures: percentiles, reopen rate, backlog.
void add_report_figures(Metrics& m, const std::vector<NeedFacts>& set, util::Date as_of) {
  std::vector<int32_t> response_days, resolution_days;
  size_t reopened = 0, ever_resolved = 0;
  for (const auto& f : set) {
    if (f.response && !f.carried_over) response_days.push_back(*f.response - f.received);
    if (f.resolution) resolution_days.push_back(*f.resolution - f.received);
    if (f.reopened) ++reopened;
    if (f.ever_resolved) ++ever_resolved;
    if (f.open) ++m.backlog[backlog_bucket(as_of - f.received)];
  }
  m.response_days_median = nearest_rank(response_days, 50);
  m.response_days_p90 = nearest_rank(response_days, 90);
  m.resolution_days_median = nearest_rank(resolution_days, 50);
  m.resolution_days_p90 = nearest_rank(std::move(resolution_days), 90);
  m.reopen_rate = rate(reopened, ever_resolved);
}

}  // namespace

bool in_year(const model::Need& n, const Window& w) {
  return n.received && n.received->year() == w.year && *n.received <= w.as_of;
}

bool in_year(const model::NeedCore& n, const Window& w) {
  return n.received && (*n.received).year() == w.year && *n.received <= w.as_of;
}

namespace {

// The membership of a need received on `received` (SPEC 5). `status_on_jan1(jan1)` gives
// the status on Jan 1 of Y: that of the last step dated before it, `received` if none.
// It is only asked for needs received before Y (a few steps each, no allocation).
template <class StatusOnJan1>
Membership judge_membership(util::Date received, const Window& w, StatusOnJan1 status_on_jan1) {
  if (received.year() == w.year) return received <= w.as_of ? Membership::Received : Membership::None;
  if (received.year() > w.year || w.as_of.year() < w.year) return Membership::None;
  const Status s = status_on_jan1(util::Date::from_ymd(w.year, 1, 1));
  return is_resolved(s) || s == Status::Declined ? Membership::None : Membership::CarriedOver;
}

}  // namespace

Membership membership(const model::Need& n, const Window& w) {
  if (!n.received) return Membership::None;
  return judge_membership(*n.received, w, [&](util::Date jan1) {
    Status s = Status::Received;
    if (n.events)
      for (const auto& e : *n.events)  // the history's steps: events with a valid date and status
        if (e.date && e.status && *e.date < jan1) s = *e.status;
    return s;
  });
}

Membership membership(const model::NeedCore& n, const Window& w) {
  if (!n.received) return Membership::None;
  return judge_membership(*n.received, w, [&](util::Date jan1) {
    Status s = Status::Received;
    for (const model::PackedStep* p = n.steps_begin(); p != n.steps_end(); ++p)
      if (p->date() < jan1) s = p->status();
    return s;
  });
}

namespace {

// What the facts read of a need besides its history, from a whole record or a core.
struct Fields {
  std::optional<util::Date> received, due;
  std::optional<int64_t> satisfaction;
  std::optional<util::Date> feedback_date;
};

template <class T, class V>
std::optional<T> opt(const V& v) {
  return v ? std::optional<T>(*v) : std::nullopt;
}

NeedFacts judge(NeedFacts f, const Fields& n, const std::vector<Step>& steps, const rules::TypeRules* rules,
                util::Date as_of) {
  f.received = n.received ? *n.received : (steps.empty() ? as_of : steps.front().date);
  f.status = current_status(steps).value_or(Status::Received);
  f.resolved = is_resolved(f.status);
  f.declined = f.status == Status::Declined;
  f.open = !f.resolved && !f.declined;
  const auto due = due_date(n.due, f.layer, rules, f.received);
  f.has_due = due.has_value();
  if (due) f.due = *due;
  f.response = first_response(steps);
  if (f.resolved) f.resolution = resolution_date(steps);
  f.overdue = f.open && f.has_due && f.due < as_of;
  f.reopened = reopened(steps);
  f.ever_resolved = ever_resolved(steps);
  judge_response(f, rules, as_of);
  f.resolution_counted = f.resolved || f.overdue;
  f.resolved_on_time = f.resolved && f.resolution && (!f.has_due || *f.resolution <= f.due);
  if (n.satisfaction && (!n.feedback_date || *n.feedback_date <= as_of)) f.satisfaction = *n.satisfaction;
  return f;
}

}  // namespace

NeedFacts facts(const model::Need& n, const rules::TypeRules* rules, util::Date as_of) {
  NeedFacts f;
  f.need = &n;
  if (n.category) f.category = &*n.category;
  if (n.layer) f.layer = &*n.layer;
  Fields fields{opt<util::Date>(n.received), opt<util::Date>(n.due), std::nullopt, std::nullopt};
  if (n.feedback) {
    fields.satisfaction = opt<int64_t>(n.feedback->satisfaction);
    fields.feedback_date = opt<util::Date>(n.feedback->date);
  }
  thread_local std::vector<Step> steps;  // one buffer per thread: this runs for every need
  history(n, as_of, steps);
  return judge(f, fields, steps, rules, as_of);
}

NeedFacts facts(const model::NeedCore& n, const rules::TypeRules* rules, util::Date as_of) {
  NeedFacts f;
  f.category = n.category.p;
  f.layer = n.layer;
  const Fields fields{opt<util::Date>(n.received), opt<util::Date>(n.due), opt<int64_t>(n.satisfaction),
                      opt<util::Date>(n.feedback_date)};
  thread_local std::vector<Step> steps;
  history(n, as_of, steps);
  return judge(f, fields, steps, rules, as_of);
}

namespace {
NeedFacts in_ledger(NeedFacts f, Membership m) {
  f.carried_over = m == Membership::CarriedOver;
  if (f.carried_over) f.response_counted = f.response_on_time = false;
  return f;
}
}  // namespace

NeedFacts facts(const model::Need& n, const rules::TypeRules* rules, const Window& w, Membership m) {
  return in_ledger(facts(n, rules, w.as_of), m);
}

NeedFacts facts(const model::NeedCore& n, const rules::TypeRules* rules, const Window& w, Membership m) {
  return in_ledger(facts(n, rules, w.as_of), m);
}

Metrics metrics(const std::vector<NeedFacts>& set, util::Date as_of) {
  Metrics m;
  size_t resolved_on_time = 0, resolution_counted = 0, response_on_time = 0, response_counted = 0;
  size_t satisfied = 0, with_feedback = 0;
  for (const auto& f : set) {
    ++(f.carried_over ? m.carried_over : m.received);
    if (f.carried_over) count_year(m.carried_over_by_year, f.received.year());
    if (f.declined) ++m.declined;
    if (f.resolved) ++m.resolved;
    if (f.open) ++m.open;
    if (f.overdue) ++m.overdue;
    if (f.resolution_counted) ++resolution_counted;
    if (f.resolved_on_time) ++resolved_on_time;
    if (f.response_counted) ++response_counted;
    if (f.response_on_time) ++response_on_time;
    if (f.satisfaction) ++with_feedback;
    if (f.satisfaction && *f.satisfaction >= 4) ++satisfied;
  }
  m.resolution_rate = rate(m.resolved, m.size() - m.declined);
  m.on_time_resolution_rate = rate(resolved_on_time, resolution_counted);
  m.response_on_time_rate = rate(response_on_time, response_counted);
  m.feedback_satisfied_rate = rate(satisfied, with_feedback);
  add_report_figures(m, set, as_of);
  return m;
}

std::optional<int32_t> nearest_rank(std::vector<int32_t> values, double p) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  const size_t n = values.size();
  // p × N / 100 is exact for whole p and any realistic N, so ceil never rounds up a
  // rank that is really whole.
  auto rank = static_cast<size_t>(std::ceil(p * static_cast<double>(n) / 100.0));
  rank = std::clamp<size_t>(rank, 1, n);
  return values[rank - 1];
}

}  // namespace svcorg::ledger
