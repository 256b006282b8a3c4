// The rules about one need that read nothing else: relay-target, declined-reason, the
// lifecycle (event-order, status-transition, status-mismatch), date-order, future-date.
#include "svcorg/check/need.hpp"

#include <fmt/format.h>

#include "svcorg/check/finding.hpp"
#include "svcorg/ledger/lifecycle.hpp"

namespace svcorg::check {

namespace {

using model::Event;
using model::Need;

// Where the findings about one need go.
struct One {
  const std::string& file;
  const ledger::Window& options;
  diag::Sink& sink;

  void error(const Need& n, Pos at, const char* rule, i18n::Message message) {
    add(n, at, diag::Severity::Error, rule, std::move(message));
  }
  void warning(const Need& n, Pos at, const char* rule, i18n::Message message) {
    add(n, at, diag::Severity::Warning, rule, std::move(message));
  }
  void add(const Need& n, Pos at, diag::Severity sev, const char* rule, i18n::Message message) {
    sink.add(finding(model::Kind::Need, file, n.pos, id_of(n), at, sev, rule, std::move(message)));
  }
};

void required_text(One& c, const Need& n) {
  if (n.disposal && *n.disposal == "relay" && absent(n.relayed_to))
    c.error(n, n.disposal.pos, "relay-target", i18n::Message("validate.relay-target.missing"));
  if (n.status && *n.status == "declined" && absent(n.reason))
    c.error(n, n.status.pos, "declined-reason", i18n::Message("validate.declined-reason.missing"));
}

void first_event(One& c, const Need& n, const Event& e) {
  const bool bad_status = e.status && *e.status != model::NeedStatus::Received;
  const bool bad_date = e.date && n.received && *e.date != *n.received;
  if (!bad_status && !bad_date) return;
  i18n::Message want = n.received
                           ? i18n::Message("validate.event-order.want-date", {{"date", i18n::date(n.received->str())}})
                           : i18n::Message("validate.event-order.want");
  c.error(n, e.pos, "event-order",
          i18n::Message("validate.event-order.first", {{"status", e.status ? ledger::status_name(*e.status) : "?"},
                                                       {"date", e.date ? i18n::date(e.date->str()) : i18n::Arg("?")},
                                                       {"want", std::move(want)}}));
}

// Events are in date order; equal dates are allowed.
void event_dates(One& c, const Need& n, const std::vector<Event>& events) {
  const Event* prev = nullptr;
  for (const auto& e : events) {
    if (!e.date) continue;
    if (prev && *e.date < *prev->date)
      c.error(n, e.pos, "event-order",
              i18n::Message("validate.event-order.earlier",
                            {{"date", i18n::date(e.date->str())}, {"previous", i18n::date(prev->date->str())}}));
    prev = &e;
  }
}

// What may follow `from` (the lifecycle's allowed moves, SPEC 2.4).
i18n::Message next_words(ledger::Status from) {
  std::vector<std::string> names;
  for (auto s : ledger::next_statuses(from)) names.push_back(ledger::status_name(s));
  if (names.empty()) return i18n::Message("validate.status-transition.final", {{"status", ledger::status_name(from)}});
  return i18n::Message("validate.status-transition.next",
                       {{"status", ledger::status_name(from)}, {"allowed", i18n::codes(names, true)}});
}

void transitions(One& c, const Need& n, const std::vector<Event>& events) {
  std::optional<ledger::Status> cur;
  for (const auto& e : events) {
    auto next = e.status ? std::optional(*e.status) : std::nullopt;
    if (!next) continue;
    if (cur && !ledger::can_move(*cur, *next))
      c.error(n, e.pos, "status-transition",
              i18n::Message("validate.status-transition.forbidden", {{"from", ledger::status_name(*cur)},
                                                                     {"to", ledger::status_name(*next)},
                                                                     {"next", next_words(*cur)}}));
    cur = next;  // go on from where the record says it is, so one fault is reported once
  }
}

void last_status(One& c, const Need& n, const std::vector<Event>& events) {
  const Event& last = events.back();
  if (!n.status || !last.status) return;
  const char* last_name = ledger::status_name(*last.status);
  if (*n.status == last_name) return;
  c.error(n, n.status.pos, "status-mismatch",
          i18n::Message("validate.status-mismatch.last-event", {{"status", *n.status}, {"last", last_name}}));
}

void lifecycle(One& c, const Need& n) {
  if (!n.events || n.events->empty()) return;
  const auto& events = *n.events;
  first_event(c, n, events.front());
  event_dates(c, n, events);
  transitions(c, n, events);
  last_status(c, n, events);
}

void date_order(One& c, const Need& n) {
  if (n.due && n.received && *n.due < *n.received)
    c.error(n, n.due.pos, "date-order",
            i18n::Message("validate.date-order.due",
                          {{"due", i18n::date(n.due->str())}, {"received", i18n::date(n.received->str())}}));
  if (!n.feedback || !n.feedback->date) return;
  thread_local std::vector<ledger::Step> steps;  // one buffer per thread: this runs for every need
  ledger::history(n, std::nullopt, steps);
  const auto resolved = ledger::resolution_date(steps);
  if (resolved && *n.feedback->date < *resolved)
    c.error(n, n.feedback.pos, "date-order",
            i18n::Message("validate.date-order.feedback",
                          {{"date", i18n::date(n.feedback->date->str())}, {"resolved", i18n::date(resolved->str())}}));
}

// `field` is a format string taking `index` (so that nothing is formatted for the dates
// that are fine: this runs for every event of every need).
void future(One& c, const Need& n, const model::F<util::Date>& date, const char* field, size_t index = 0) {
  if (!date || *date <= c.options.today) return;
  c.warning(n, date.pos, "future-date", future_date(fmt::format(fmt::runtime(field), index), *date, c.options.today));
}

// The dates read here are those of model::latest_date: the parse cache relies on it (a
// need whose latest date is on or before the run's date has no finding here).
void future_dates(One& c, const Need& n) {
  future(c, n, n.received, "received");
  if (n.events)
    for (size_t i = 0; i < n.events->size(); ++i) future(c, n, (*n.events)[i].date, "events[{}].date", i);
  if (n.feedback) future(c, n, n.feedback->date, "feedback.date");
}

}  // namespace

void need(const model::Need& n, const std::string& file, const ledger::Window& window, diag::Sink& sink) {
  need_content(n, file, sink);
  need_dates(n, file, window, sink);
}

void need_content(const model::Need& n, const std::string& file, diag::Sink& sink) {
  const ledger::Window none;  // these rules read no date
  One c{file, none, sink};
  required_text(c, n);
  lifecycle(c, n);
  date_order(c, n);
}

void need_dates(const model::Need& n, const std::string& file, const ledger::Window& window, diag::Sink& sink) {
  One c{file, window, sink};
  future_dates(c, n);
}

}  // namespace svcorg::check
