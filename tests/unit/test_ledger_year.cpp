// ledger: Y's ledger across years (SPEC 5, rev 2): the needs received in Y and those
// carried over, the edge cases of issue 19, each figure computed by hand in the comments.
// Every membership is checked on the whole record and on its core (the parse cache's
// and scoring's form), which must agree.
#include <doctest/doctest.h>

#include <utility>
#include <vector>

#include "records_support.hpp"
#include "svcorg/ledger/metrics.hpp"

using svcorg::ledger::Membership;
using svcorg::ledger::Metrics;
using svcorg::ledger::NeedFacts;
using svcorg::ledger::Status;
using svcorg::ledger::Window;
using svcorg::util::Date;

namespace {

const auto& d = testing::date;
using testing::need_with;  // a need with a history (records_support.hpp)

// The membership of `n` in `w`, required equal from the record and from its core.
Membership member_of(const svcorg::model::Need& n, const Window& w) {
  svcorg::model::CorePool pool;
  const svcorg::model::NeedCore core = svcorg::model::core_of(n, pool);
  const Membership m = svcorg::ledger::membership(n, w);
  REQUIRE(svcorg::ledger::membership(core, w) == m);
  return m;
}

// The facts of `n` in Y's ledger of `w` (it must be in it).
NeedFacts facts(const svcorg::model::Need& n, const Window& w) {
  static const svcorg::rules::Rules rules = svcorg::rules::effective_rules(nullptr);
  const Membership m = member_of(n, w);
  REQUIRE(m != Membership::None);
  return svcorg::ledger::facts(n, rules.for_type("residential"), w, m);
}

}  // namespace

TEST_SUITE("ledger::membership") {
  TEST_CASE("received in Y up to A, carried over when open on Jan 1") {
    const Window w{2026, d("2026-06-30")};
    CHECK(member_of(need_with({{"2026-01-01", "received"}}), w) == Membership::Received);
    CHECK(member_of(need_with({{"2026-06-30", "received"}}), w) == Membership::Received);
    CHECK(member_of(need_with({{"2026-07-01", "received"}}), w) == Membership::None);  // after A
    CHECK(member_of(need_with({{"2027-01-01", "received"}}), w) == Membership::None);  // a later year
    // Open on Jan 1 whatever the open status was.
    CHECK(member_of(need_with({{"2025-12-31", "received"}}), w) == Membership::CarriedOver);
    CHECK(member_of(need_with({{"2025-12-01", "received"}, {"2025-12-02", "assessed"}}), w) == Membership::CarriedOver);
    CHECK(member_of(need_with({{"2025-12-01", "received"}, {"2025-12-02", "in-progress"}}), w) ==
          Membership::CarriedOver);
    // Resolved, closed or declined on Jan 1: not carried over.
    CHECK(member_of(need_with({{"2025-12-01", "received"}, {"2025-12-20", "resolved"}}), w) == Membership::None);
    CHECK(member_of(need_with({{"2025-12-01", "received"}, {"2025-12-20", "closed"}}), w) == Membership::None);
    CHECK(member_of(need_with({{"2025-12-01", "received"}, {"2025-12-20", "declined"}}), w) == Membership::None);
  }

  TEST_CASE("the status on Jan 1 is the last event dated before it: an event on Jan 1 is Y's") {
    // Received 2025-12-30, resolved 2026-01-01: on Jan 1 (events before it: received) it
    // was open, so it is carried over, and resolved in Y.
    const auto n = need_with({{"2025-12-30", "received"}, {"2026-01-01", "resolved"}});
    const Window w{2026, d("2026-06-30")};
    const NeedFacts f = facts(n, w);
    CHECK(f.carried_over);
    CHECK(f.resolved);
    CHECK(f.resolution == d("2026-01-01"));
    // In 2025's ledger it was received (and open on 2025-12-31).
    CHECK(member_of(n, {2025, d("2025-12-31")}) == Membership::Received);
  }

  TEST_CASE("open for two years: carried over twice, overdue, its response left to 2024") {
    // Received 2024-03-01, assessed 2024-03-10 (9 days: late against response_days 3),
    // in progress since 2024-04-01, never resolved. due = 2024-03-01 + 15 = 2024-03-16.
    const auto n = need_with({{"2024-03-01", "received"}, {"2024-03-10", "assessed"}, {"2024-04-01", "in-progress"}});
    CHECK(member_of(n, {2024, d("2024-12-31")}) == Membership::Received);
    CHECK(member_of(n, {2025, d("2025-12-31")}) == Membership::CarriedOver);
    const Window w{2026, d("2026-06-30")};
    const NeedFacts f = facts(n, w);
    CHECK(f.carried_over);
    CHECK(f.open);
    CHECK(f.due == d("2024-03-16"));
    CHECK(f.overdue);  // 2024-03-16 < 2026-06-30
    CHECK_FALSE(f.response_counted);
    const Metrics m = svcorg::ledger::metrics({f}, w.as_of);
    CHECK(m.received == 0);
    CHECK(m.carried_over == 1);
    CHECK(m.size() == 1);
    CHECK(m.open == 1);
    CHECK(m.overdue == 1);
    CHECK(*m.resolution_rate == 0.0);          // |R| / |S − D| = 0 / 1
    CHECK(*m.on_time_resolution_rate == 0.0);  // 0 / |R ∪ overdue| = 0 / 1
    CHECK_FALSE(m.response_on_time_rate);      // over the needs received in 2026: none
    CHECK_FALSE(m.response_days_median);       // the same for the report's response days
    // Age 2024-03-01 → 2026-06-30: 365 + 365 + (31 + 30 + 31 + 29 = 121) = 851 days > 90.
    CHECK(m.backlog == std::array<size_t, 4>{0, 0, 0, 1});
  }

  TEST_CASE("resolved in Y−1 and reopened in Y: not carried over") {
    // Resolved 2025-12-20 (its status on Jan 1), reopened 2026-01-15: what decides is
    // the status when 2026 began, nothing later. It stays in 2025's ledger only.
    const auto n = need_with({{"2025-10-01", "received"},
                              {"2025-10-02", "assessed"},
                              {"2025-12-20", "resolved"},
                              {"2026-01-15", "in-progress"}});
    CHECK(member_of(n, {2026, d("2026-06-30")}) == Membership::None);
    CHECK(member_of(n, {2025, d("2025-12-31")}) == Membership::Received);
  }

  TEST_CASE("open on Jan 1 and declined in Y: carried over, and declined") {
    // Received 2025-12-28, assessed 12-29, declined 2026-01-05.
    const auto n = need_with({{"2025-12-28", "received"}, {"2025-12-29", "assessed"}, {"2026-01-05", "declined"}});
    const Window w{2026, d("2026-06-30")};
    const NeedFacts f = facts(n, w);
    CHECK(f.carried_over);
    CHECK(f.declined);
    CHECK_FALSE(f.open);
    const Metrics m = svcorg::ledger::metrics({f}, w.as_of);
    CHECK(m.received == 0);
    CHECK(m.carried_over == 1);
    CHECK(m.declined == 1);
    CHECK_FALSE(m.resolution_rate);          // S − D is empty
    CHECK_FALSE(m.on_time_resolution_rate);  // R ∪ overdue is empty
    CHECK_FALSE(m.response_on_time_rate);    // nothing received in 2026
    // As of 2026-01-04 it was still open: carried over, assessed.
    const NeedFacts early = facts(n, {2026, d("2026-01-04")});
    CHECK(early.open);
    CHECK(early.status == Status::Assessed);
  }

  TEST_CASE("feedback dated in Y on a need resolved in Y−1: not in Y's ledger") {
    // Resolved 2025-11-20, rated 5 on 2026-01-10. Not in 2026's ledger (resolved when the
    // year began), so the rating counts in no year: 2025's ledger, as of 2025-12-31,
    // ignores feedback dated after A.
    auto n = need_with({{"2025-11-01", "received"}, {"2025-11-02", "assessed"}, {"2025-11-20", "resolved"}});
    svcorg::model::Feedback fb;
    fb.satisfaction.set(5, {1, 1});
    fb.date.set(d("2026-01-10"), {1, 1});
    n.feedback.set(fb, {1, 1});
    CHECK(member_of(n, {2026, d("2026-12-31")}) == Membership::None);
    const NeedFacts f = facts(n, {2025, d("2025-12-31")});
    CHECK_FALSE(f.carried_over);
    CHECK_FALSE(f.satisfaction);
    CHECK_FALSE(svcorg::ledger::metrics({f}, d("2025-12-31")).feedback_satisfied_rate);
  }

  TEST_CASE("an as-of date early in January") {
    const Window w{2026, d("2026-01-03")};
    // Received 2025-12-20 and assessed: carried over; due 12-20 + 15 = 2026-01-04, not
    // before A (01-03): not overdue.
    const NeedFacts fresh = facts(need_with({{"2025-12-20", "received"}, {"2025-12-22", "assessed"}}), w);
    CHECK(fresh.carried_over);
    CHECK(fresh.due == d("2026-01-04"));
    CHECK_FALSE(fresh.overdue);
    // Received 2025-12-01: due 12-16 < 01-03, overdue.
    const NeedFacts old = facts(need_with({{"2025-12-01", "received"}, {"2025-12-02", "assessed"}}), w);
    CHECK(old.overdue);
    // Received 2026-01-02: received in Y; no response yet, A − received = 1 ≤ 3: not
    // counted in response_on_time_rate.
    const NeedFacts recent = facts(need_with({{"2026-01-02", "received"}}), w);
    CHECK_FALSE(recent.carried_over);
    CHECK_FALSE(recent.response_counted);
    CHECK(member_of(need_with({{"2026-01-05", "received"}}), w) == Membership::None);  // after A
    const Metrics m = svcorg::ledger::metrics({fresh, old, recent}, w.as_of);
    CHECK(m.received == 1);
    CHECK(m.carried_over == 2);
    CHECK(m.open == 3);
    CHECK(m.overdue == 1);
    CHECK(*m.resolution_rate == 0.0);          // 0 / 3
    CHECK(*m.on_time_resolution_rate == 0.0);  // 0 / |overdue| = 0 / 1
    CHECK_FALSE(m.response_on_time_rate);      // the one received in 2026 is not yet counted
    // Ages: 14 (2025-12-20), 33 (2025-12-01), 1 (2026-01-02).
    CHECK(m.backlog == std::array<size_t, 4>{1, 1, 1, 0});
  }

  TEST_CASE("an as-of date before Jan 1 of Y: nothing is carried over") {
    const Window w{2026, d("2025-12-31")};
    CHECK(member_of(need_with({{"2025-06-01", "received"}}), w) == Membership::None);
    CHECK(member_of(need_with({{"2024-06-01", "received"}}), w) == Membership::None);
  }

  TEST_CASE("response_on_time_rate counts only the needs received in Y") {
    const Window w{2026, d("2026-06-30")};
    // Carried over, first response 2026-01-10, 11 days after 2025-12-30: late, but 2025's.
    const NeedFacts carried = facts(need_with({{"2025-12-30", "received"}, {"2026-01-10", "assessed"}}), w);
    CHECK(carried.response == d("2026-01-10"));
    CHECK_FALSE(carried.response_counted);
    CHECK_FALSE(carried.response_on_time);
    // Received 2026-02-01, assessed the next day: on time.
    const NeedFacts mine = facts(need_with({{"2026-02-01", "received"}, {"2026-02-02", "assessed"}}), w);
    const Metrics m = svcorg::ledger::metrics({carried, mine}, w.as_of);
    CHECK(*m.response_on_time_rate == 1.0);  // 1 / 1
    CHECK(*m.response_days_median == 1);     // 2026-02-02 − 2026-02-01; the carried need's 11 left out
    CHECK(*m.resolution_rate == 0.0);        // 0 / |S − D| = 0 / 2
  }
}
