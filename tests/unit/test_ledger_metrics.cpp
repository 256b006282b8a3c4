// ledger: per-need facts as of A and the metrics of a set (SPEC 5), every figure
// computed by hand in the comments.
#include <doctest/doctest.h>

#include <utility>
#include <vector>

#include "records_support.hpp"
#include "svcorg/ledger/metrics.hpp"
#include "svcorg/yaml/parse.hpp"

using svcorg::ledger::facts;
using svcorg::ledger::Metrics;
using svcorg::ledger::NeedFacts;
using svcorg::ledger::Status;
using svcorg::util::Date;

namespace {

const auto& d = testing::date;
using testing::Events;
using testing::need_with;  // a need with a history (records_support.hpp)

void give_feedback(svcorg::model::Need& n, int64_t satisfaction, const char* date = nullptr) {
  svcorg::model::Feedback f;
  f.satisfaction.set(satisfaction, {1, 1});
  if (date) f.date.set(d(date), {1, 1});
  n.feedback.set(f, {1, 1});
}

// The built-in residential rules: response_days 3, resolve_days {15, 30, 60}.
const svcorg::rules::TypeRules* residential() {
  static const svcorg::rules::Rules rules = svcorg::rules::effective_rules(nullptr);
  return rules.for_type("residential");
}

const Date kA = d("2026-06-30");

}  // namespace

TEST_SUITE("ledger::facts") {
  TEST_CASE("in_year: received in Y and on or before A") {
    const svcorg::ledger::Window w{2026, kA};
    CHECK(svcorg::ledger::in_year(need_with({{"2026-01-01", "received"}}), w));
    CHECK(svcorg::ledger::in_year(need_with({{"2026-06-30", "received"}}), w));
    CHECK_FALSE(svcorg::ledger::in_year(need_with({{"2026-07-01", "received"}}), w));
    CHECK_FALSE(svcorg::ledger::in_year(need_with({{"2025-12-31", "received"}}), w));
  }

  TEST_CASE("events after A are ignored: the as-of status is the last event dated <= A") {
    const auto n = need_with({{"2026-06-01", "received"},
                              {"2026-06-02", "assessed"},
                              {"2026-06-10", "in-progress"},
                              {"2026-07-05", "resolved"}});
    const NeedFacts f = facts(n, residential(), kA);
    CHECK(f.status == Status::InProgress);
    CHECK(f.open);
    CHECK_FALSE(f.resolved);
    CHECK(f.response == d("2026-06-02"));
    CHECK_FALSE(f.resolution);
    CHECK(f.due == d("2026-06-16"));  // branch: + 15
    CHECK(f.overdue);                 // 06-16 < 06-30
    CHECK_FALSE(f.ever_resolved);
    CHECK(f.resolution_counted);
    CHECK_FALSE(f.resolved_on_time);

    const NeedFacts later = facts(n, residential(), d("2026-07-10"));
    CHECK(later.status == Status::Resolved);
    CHECK(later.resolution == d("2026-07-05"));
    CHECK_FALSE(later.overdue);
    CHECK(later.resolution_counted);
    CHECK_FALSE(later.resolved_on_time);  // 07-05 > 06-16
  }

  TEST_CASE("a reopened need: s(n) is the final resolution") {
    const auto n = need_with({{"2026-03-01", "received"},
                              {"2026-03-03", "in-progress"},
                              {"2026-03-20", "resolved"},
                              {"2026-04-01", "in-progress"},
                              {"2026-04-10", "resolved"},
                              {"2026-04-15", "closed"}},
                             "street");
    SUBCASE("after the reopening and the final resolution") {
      const NeedFacts f = facts(n, residential(), kA);
      CHECK(f.status == Status::Closed);
      CHECK(f.resolution == d("2026-04-10"));
      CHECK(f.due == d("2026-03-31"));  // street: + 30
      CHECK_FALSE(f.resolved_on_time);
      CHECK(f.reopened);
      CHECK(f.ever_resolved);
    }
    SUBCASE("before the reopening: the first resolution, on time") {
      const NeedFacts f = facts(n, residential(), d("2026-03-25"));
      CHECK(f.status == Status::Resolved);
      CHECK(f.resolution == d("2026-03-20"));
      CHECK(f.resolved_on_time);
      CHECK_FALSE(f.reopened);
    }
    SUBCASE("reopened and open again: overdue") {
      const NeedFacts f = facts(n, residential(), d("2026-04-05"));
      CHECK(f.open);
      CHECK_FALSE(f.resolution);
      CHECK(f.overdue);  // 03-31 < 04-05
      CHECK(f.reopened);
      CHECK(f.ever_resolved);
    }
  }

  TEST_CASE("due dates: per layer, the need's own due, the District's per-type override") {
    const Events events = {{"2026-01-10", "received"}};
    CHECK(facts(need_with(events, "branch"), residential(), kA).due == d("2026-01-25"));
    CHECK(facts(need_with(events, "street"), residential(), kA).due == d("2026-02-09"));
    CHECK(facts(need_with(events, "district"), residential(), kA).due == d("2026-03-11"));

    auto own = need_with(events, "district");
    own.due.set(d("2026-01-12"), {1, 1});
    CHECK(facts(own, residential(), kA).due == d("2026-01-12"));

    std::vector<svcorg::yaml::ParseIssue> issues;
    const auto docs = svcorg::yaml::parse_all("types: {residential: {resolve_days: {branch: 5}}}\n", issues);
    REQUIRE(docs.size() == 1);
    const auto rules = svcorg::rules::effective_rules(&docs.front());
    const auto* over = rules.for_type("residential");
    CHECK(facts(need_with(events, "branch"), over, kA).due == d("2026-01-15"));  // 5 days
    CHECK(facts(need_with(events, "street"), over, kA).due == d("2026-02-09"));  // merged: still 30
    CHECK(facts(need_with(events, "branch"), rules.for_type("organ"), kA).due == d("2026-01-25"));
  }

  TEST_CASE("without rules (unknown branch type) a need is never due") {
    const auto open = need_with({{"2026-01-10", "received"}});
    const NeedFacts f = facts(open, nullptr, kA);
    CHECK_FALSE(f.has_due);
    CHECK_FALSE(f.overdue);
    CHECK_FALSE(f.resolution_counted);
    CHECK_FALSE(f.response_counted);  // no deadline to miss
    const NeedFacts r = facts(need_with({{"2026-01-10", "received"}, {"2026-05-01", "resolved"}}), nullptr, kA);
    CHECK(r.resolved_on_time);
    CHECK(r.response_counted);
    CHECK(r.response_on_time);
  }

  TEST_CASE("first response: on time within response_days, none counts once A - received > response_days") {
    auto response = [](const char* on) {
      return facts(need_with({{"2026-06-01", "received"}, {on, "assessed"}}), residential(), kA);
    };
    CHECK(response("2026-06-04").response_counted);
    CHECK(response("2026-06-04").response_on_time);  // 3 days
    CHECK(response("2026-06-05").response_counted);
    CHECK_FALSE(response("2026-06-05").response_on_time);  // 4 days

    const NeedFacts waiting3 = facts(need_with({{"2026-06-27", "received"}}), residential(), kA);
    CHECK_FALSE(waiting3.response);
    CHECK_FALSE(waiting3.response_counted);  // A - received = 3
    const NeedFacts waiting4 = facts(need_with({{"2026-06-26", "received"}}), residential(), kA);
    CHECK(waiting4.response_counted);  // A - received = 4
    CHECK_FALSE(waiting4.response_on_time);
  }

  TEST_CASE("feedback: undated counts whatever the status, dated after A is ignored") {
    auto n = need_with({{"2026-06-01", "received"}});
    give_feedback(n, 4);
    CHECK(facts(n, residential(), kA).satisfaction == 4);  // open need, undated feedback
    give_feedback(n, 2, "2026-06-30");
    CHECK(facts(n, residential(), kA).satisfaction == 2);
    give_feedback(n, 5, "2026-07-01");
    CHECK_FALSE(facts(n, residential(), kA).satisfaction);
  }
}

TEST_SUITE("ledger::metrics") {
  TEST_CASE("an empty set: every rate and figure undefined, never 0 or 1") {
    const Metrics m = svcorg::ledger::metrics({}, kA);
    CHECK(m.received == 0);
    CHECK_FALSE(m.resolution_rate);
    CHECK_FALSE(m.on_time_resolution_rate);
    CHECK_FALSE(m.response_on_time_rate);
    CHECK_FALSE(m.feedback_satisfied_rate);
    CHECK_FALSE(m.response_days_median);
    CHECK_FALSE(m.resolution_days_p90);
    CHECK_FALSE(m.reopen_rate);
    CHECK(m.backlog == std::array<size_t, 4>{0, 0, 0, 0});
  }

  TEST_CASE("only declined needs: resolution rate undefined (S - D is empty)") {
    const auto n = need_with({{"2026-06-01", "received"}, {"2026-06-02", "declined"}});
    const Metrics m = svcorg::ledger::metrics({facts(n, residential(), kA)}, kA);
    CHECK(m.declined == 1);
    CHECK_FALSE(m.resolution_rate);
    CHECK_FALSE(m.on_time_resolution_rate);  // R and overdue are empty
    CHECK(m.response_on_time_rate == 1.0);
    CHECK_FALSE(m.feedback_satisfied_rate);
    CHECK_FALSE(m.reopen_rate);
  }

  TEST_CASE("a mixed set, by hand") {
    auto n1 = need_with({{"2026-06-01", "received"}, {"2026-06-02", "assessed"}, {"2026-06-10", "resolved"}});
    give_feedback(n1, 5);
    auto n2 = need_with({{"2026-05-01", "received"}, {"2026-05-06", "in-progress"}, {"2026-05-30", "resolved"}});
    give_feedback(n2, 3, "2026-06-05");
    const auto n3 = need_with({{"2026-06-20", "received"}});
    auto n4 = need_with({{"2026-04-01", "received"}, {"2026-04-02", "assessed"}, {"2026-04-03", "declined"}});
    give_feedback(n4, 1, "2026-07-15");
    const auto n5 = need_with({{"2026-03-01", "received"}, {"2026-03-02", "assessed"}, {"2026-03-05", "in-progress"}});
    std::vector<NeedFacts> set;
    const std::vector<svcorg::model::Need> needs = {n1, n2, n3, n4, n5};
    for (const auto& n : needs) set.push_back(facts(n, residential(), kA));
    const Metrics m = svcorg::ledger::metrics(set, kA);
    CHECK(m.received == 5);
    CHECK(m.declined == 1);  // n4
    CHECK(m.resolved == 2);  // n1, n2
    CHECK(m.open == 2);      // n3, n5
    CHECK(m.overdue == 1);   // n5: due 03-16
    CHECK(*m.resolution_rate == doctest::Approx(2.0 / 4));
    // On time: n1 (06-10 <= 06-16); out of R ∪ overdue = {n1, n2, n5}.
    CHECK(*m.on_time_resolution_rate == doctest::Approx(1.0 / 3));
    // Counted: n1, n2, n4, n5 (responded), n3 (10 days without); on time: n1, n4, n5.
    CHECK(*m.response_on_time_rate == doctest::Approx(3.0 / 5));
    // n1 (5) and n2 (3); n4's feedback is dated after A.
    CHECK(*m.feedback_satisfied_rate == doctest::Approx(1.0 / 2));
    // Response days 1, 5, 1, 1 -> sorted 1 1 1 5: median rank 2, P90 rank 4.
    CHECK(m.response_days_median == 1);
    CHECK(m.response_days_p90 == 5);
    // Resolution days 9, 29: median rank 1, P90 rank 2.
    CHECK(m.resolution_days_median == 9);
    CHECK(m.resolution_days_p90 == 29);
    CHECK(m.reopen_rate == 0.0);  // none of the 2 ever resolved reopened: defined, 0
    // Open: n3 aged 10, n5 aged 121.
    CHECK(m.backlog == std::array<size_t, 4>{0, 1, 0, 1});
  }

  TEST_CASE("reopen rate: needs that ever reopened / needs ever resolved, as of A") {
    const auto reopened = need_with({{"2026-03-01", "received"},
                                     {"2026-03-02", "resolved"},
                                     {"2026-03-05", "in-progress"},
                                     {"2026-03-06", "resolved"}});
    const auto plain = need_with({{"2026-03-01", "received"}, {"2026-03-02", "resolved"}});
    const auto open = need_with({{"2026-03-01", "received"}});
    const std::vector<NeedFacts> set = {facts(reopened, residential(), kA), facts(plain, residential(), kA),
                                        facts(open, residential(), kA)};
    CHECK(*svcorg::ledger::metrics(set, kA).reopen_rate == doctest::Approx(0.5));
    // Before the reopening, nothing had reopened yet.
    const Date early = d("2026-03-04");
    const std::vector<NeedFacts> before = {facts(reopened, residential(), early), facts(plain, residential(), early)};
    CHECK(svcorg::ledger::metrics(before, early).reopen_rate == 0.0);
  }

  TEST_CASE("backlog buckets: 0-7, 8-30, 31-90, > 90 days") {
    std::vector<NeedFacts> set;
    std::vector<svcorg::model::Need> needs;
    for (int32_t age : {0, 7, 8, 30, 31, 90, 91}) needs.push_back(need_with({{(kA + -age).str().c_str(), "received"}}));
    for (const auto& n : needs) set.push_back(facts(n, residential(), kA));
    CHECK(svcorg::ledger::metrics(set, kA).backlog == std::array<size_t, 4>{2, 2, 2, 1});
  }
}

TEST_SUITE("ledger::nearest_rank") {
  using svcorg::ledger::nearest_rank;

  TEST_CASE("rank = ceil(p / 100 x N), 1-based, on sorted values") {
    CHECK_FALSE(nearest_rank({}, 50));
    CHECK(nearest_rank({7}, 50) == 7);
    CHECK(nearest_rank({7}, 90) == 7);
    CHECK(nearest_rank({5, 1, 3}, 50) == 3);                        // rank ceil(1.5) = 2
    CHECK(nearest_rank({5, 1, 3}, 90) == 5);                        // rank ceil(2.7) = 3
    CHECK(nearest_rank({4, 1, 3, 2}, 50) == 2);                     // rank 2: the lower middle
    CHECK(nearest_rank({4, 1, 3, 2}, 90) == 4);                     // rank ceil(3.6) = 4
    CHECK(nearest_rank({10, 9, 8, 7, 6, 5, 4, 3, 2, 1}, 90) == 9);  // rank 9 exactly
    CHECK(nearest_rank({10, 9, 8, 7, 6, 5, 4, 3, 2, 1}, 50) == 5);
    CHECK(nearest_rank({3, 1, 2}, 100) == 3);
  }

  TEST_CASE("ranks that are whole numbers are not rounded up") {
    std::vector<int32_t> values;
    for (int32_t i = 1; i <= 30; ++i) values.push_back(i);
    CHECK(nearest_rank(values, 90) == 27);
    values.resize(20);
    CHECK(nearest_rank(values, 90) == 18);
    values.resize(70);  // 1..20 then zeros: 50 zeros, 1..20 -> rank 63 is 13
    CHECK(nearest_rank(values, 90) == 13);
  }
}
