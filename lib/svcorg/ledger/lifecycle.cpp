#include "svcorg/ledger/lifecycle.hpp"

#include <array>

#include "svcorg/model/vocab.hpp"

namespace svcorg::ledger {

namespace {

constexpr std::array<Status, 6> kAll = {Status::Received, Status::Assessed, Status::InProgress,
                                        Status::Resolved, Status::Closed,   Status::Declined};

int rank(Status s) {
  return static_cast<int>(s);
}

}  // namespace

// The names are the file format's (model::vocab::kNeedStatuses), one table for both.
std::optional<Status> parse_status(std::string_view name) {
  return model::vocab::need_status(name);
}

const char* status_name(Status s) {
  return model::vocab::need_status_name(s).data();
}

bool is_resolved(Status s) {
  return s == Status::Resolved || s == Status::Closed;
}

bool is_final(Status s) {
  return s == Status::Closed || s == Status::Declined;
}

bool can_move(Status from, Status to) {
  if (from == to) return true;
  if (is_final(from)) return false;
  if (to == Status::Declined) return from == Status::Received || from == Status::Assessed;
  if (from == Status::Resolved && to == Status::InProgress) return true;
  return rank(to) > rank(from);
}

std::vector<Status> next_statuses(Status from) {
  std::vector<Status> out;
  for (Status s : kAll)
    if (s != from && can_move(from, s)) out.push_back(s);
  return out;
}

namespace {
void steps_of(const std::vector<model::Event>& events, std::optional<util::Date> as_of, std::vector<Step>& out) {
  out.clear();
  out.reserve(events.size());
  for (const auto& e : events) {
    if (!e.date || !e.status || (as_of && *e.date > *as_of)) continue;
    out.push_back({*e.date, *e.status});
  }
}
}  // namespace

std::vector<Step> history(const std::vector<model::Event>& events, std::optional<util::Date> as_of) {
  std::vector<Step> steps;
  steps_of(events, as_of, steps);
  return steps;
}

void history(const model::Need& need, std::optional<util::Date> as_of, std::vector<Step>& out) {
  if (need.events)
    steps_of(*need.events, as_of, out);
  else
    out.clear();
}

void history(const model::NeedCore& need, std::optional<util::Date> as_of, std::vector<Step>& out) {
  out.clear();
  out.reserve(need.step_count);
  for (const model::PackedStep* s = need.steps_begin(); s != need.steps_end(); ++s)
    if (!as_of || s->date() <= *as_of) out.push_back({s->date(), s->status()});
}

std::vector<Step> history(const model::Need& need, std::optional<util::Date> as_of) {
  if (!need.events) return {};
  return history(*need.events, as_of);
}

std::optional<Status> current_status(const std::vector<Step>& steps) {
  if (steps.empty()) return std::nullopt;
  return steps.back().status;
}

std::optional<util::Date> first_response(const std::vector<Step>& steps) {
  for (const auto& s : steps)
    if (s.status != Status::Received) return s.date;
  return std::nullopt;
}

std::optional<util::Date> resolution_date(const std::vector<Step>& steps) {
  size_t from = 0;  // just after the last step that is neither resolved nor closed
  for (size_t i = 0; i < steps.size(); ++i)
    if (!is_resolved(steps[i].status)) from = i + 1;
  if (from == steps.size()) return std::nullopt;
  return steps[from].date;
}

bool ever_resolved(const std::vector<Step>& steps) {
  for (const auto& s : steps)
    if (is_resolved(s.status)) return true;
  return false;
}

bool reopened(const std::vector<Step>& steps) {
  for (size_t i = 1; i < steps.size(); ++i)
    if (steps[i - 1].status == Status::Resolved && steps[i].status == Status::InProgress) return true;
  return false;
}

}  // namespace svcorg::ledger
