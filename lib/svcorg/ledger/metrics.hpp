// The needs ledger as of a date (SPEC 5): per-need facts and the metrics of a set of
// needs. Scoring (effect), the street/district roll-ups, `svcorg needs` and the reports
// all read these; nothing here knows how they are shown.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "svcorg/ledger/lifecycle.hpp"
#include "svcorg/ledger/window.hpp"
#include "svcorg/model/core.hpp"
#include "svcorg/rules/rules.hpp"
#include "svcorg/util/date.hpp"

namespace svcorg::ledger {

// A need was received in Y when its `received` is in Y and on or before A.
bool in_year(const model::Need& n, const Window& w);
bool in_year(const model::NeedCore& n, const Window& w);

// How a need belongs to Y's ledger (SPEC 5, rev 2): received in Y (up to A), or carried
// over: received before Jan 1 of Y and, on Jan 1 (its status then is the last event dated
// before Jan 1; no such event: `received`), neither resolved, closed nor declined. With A
// before Jan 1 of Y nothing is carried over. What happens after Jan 1 does not matter: a
// need resolved the year before and reopened in Y is not carried over.
enum class Membership : uint8_t { None, Received, CarriedOver };
Membership membership(const model::Need& n, const Window& w);
Membership membership(const model::NeedCore& n, const Window& w);

// One need, seen as of A with its branch type's rules.
struct NeedFacts {
  const model::Need* need = nullptr;  // the whole record, when the facts were taken from it
  // The need's (or its core's) texts, valid as long as the records; null: none.
  const std::string* category = nullptr;
  const std::string* layer = nullptr;
  util::Date received;
  Status status = Status::Received;      // as-of status: the last event dated ≤ A
  bool resolved = false;                 // R: resolved or closed
  bool declined = false;                 // D
  bool open = false;                     // O = S − R − D
  util::Date due;                        // n.due, else received + resolve_days[layer]
  bool has_due = false;                  // false: no rules for the layer, never due (`due` unset)
  std::optional<util::Date> response;    // r(n)
  std::optional<util::Date> resolution;  // s(n), for needs in R
  bool overdue = false;                  // open and due < A
  bool reopened = false;                 // some move resolved -> in-progress (≤ A)
  bool ever_resolved = false;            // some event resolved or closed (≤ A)
  bool carried_over = false;             // in Y's ledger as carried over (not received in Y)
  // response_on_time_rate: counted in the denominator; in the numerator (both false for a
  // carried-over need: its response belongs to the year it was received in).
  bool response_counted = false;
  bool response_on_time = false;
  // on_time_resolution_rate: counted in the denominator (R ∪ overdue); in the numerator.
  bool resolution_counted = false;
  bool resolved_on_time = false;
  // feedback_satisfied_rate: feedback that counts as of A (undated, or dated ≤ A).
  std::optional<int64_t> satisfaction;
};

// `rules` are the rules of the need's branch type (nullptr: the built-in numbers
// cannot apply, so no default due date: the need is treated as never due).
NeedFacts facts(const model::Need& n, const rules::TypeRules* rules, util::Date as_of);
// The same from a need's core (`need` stays null).
NeedFacts facts(const model::NeedCore& n, const rules::TypeRules* rules, util::Date as_of);
// The facts of a need of Y's ledger, `m` its membership (not None): carried_over is set
// and a carried-over need's response is left out of response_on_time_rate.
NeedFacts facts(const model::Need& n, const rules::TypeRules* rules, const Window& w, Membership m);
NeedFacts facts(const model::NeedCore& n, const rules::TypeRules* rules, const Window& w, Membership m);

struct Metrics {
  size_t received = 0;      // needs of S received in Y
  size_t carried_over = 0;  // needs of S carried over into Y
  // The carried-over needs by the year they were received in, by year.
  std::vector<std::pair<int, size_t>> carried_over_by_year;
  size_t declined = 0;
  size_t resolved = 0;
  size_t open = 0;
  size_t overdue = 0;
  // Rates; nullopt when the denominator is empty (SPEC 5).
  std::optional<double> resolution_rate;
  std::optional<double> on_time_resolution_rate;
  std::optional<double> response_on_time_rate;
  std::optional<double> feedback_satisfied_rate;
  // Report-only figures (nearest-rank percentiles, whole days).
  std::optional<int32_t> response_days_median, response_days_p90;
  std::optional<int32_t> resolution_days_median, resolution_days_p90;
  std::optional<double> reopen_rate;  // needs that ever reopened / needs ever resolved
  std::array<size_t, 4> backlog{};    // open needs aged 0-7, 8-30, 31-90, > 90 days

  size_t size() const { return received + carried_over; }  // |S|
};

// The metrics of S (SPEC 5): counts and rates over all of S, but `received` and the
// response figures over the needs received in Y only.
Metrics metrics(const std::vector<NeedFacts>& set, util::Date as_of);

// Nearest-rank percentile (p in (0, 100]) of unsorted values; nullopt when empty.
std::optional<int32_t> nearest_rank(std::vector<int32_t> values, double p);

}  // namespace svcorg::ledger
