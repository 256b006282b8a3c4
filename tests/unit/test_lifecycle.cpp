// ledger: the need lifecycle (SPEC 2.4) and the dates read off it (SPEC 5).
#include <doctest/doctest.h>

#include "records_support.hpp"
#include "svcorg/ledger/lifecycle.hpp"

using svcorg::ledger::Status;
using svcorg::ledger::Step;

namespace {

const auto& d = testing::date;  // records_support.hpp

svcorg::model::Event event(const char* date, const char* status) {
  svcorg::model::Event e;
  if (date) e.date.set(d(date), {1, 1});
  if (status) e.status.set(*svcorg::ledger::parse_status(status));
  return e;
}

}  // namespace

TEST_SUITE("ledger::can_move") {
  using svcorg::ledger::can_move;

  TEST_CASE("forward moves, with skipping") {
    CHECK(can_move(Status::Received, Status::Assessed));
    CHECK(can_move(Status::Received, Status::Closed));
    CHECK(can_move(Status::Assessed, Status::Resolved));
    CHECK(can_move(Status::Resolved, Status::Closed));
    CHECK_FALSE(can_move(Status::Assessed, Status::Received));
    CHECK_FALSE(can_move(Status::Resolved, Status::Assessed));
  }
  TEST_CASE("a repeat of the current status is a note") {
    for (auto s :
         {Status::Received, Status::Assessed, Status::InProgress, Status::Resolved, Status::Closed, Status::Declined})
      CHECK(can_move(s, s));
  }
  TEST_CASE("declined only from received or assessed") {
    CHECK(can_move(Status::Received, Status::Declined));
    CHECK(can_move(Status::Assessed, Status::Declined));
    CHECK_FALSE(can_move(Status::InProgress, Status::Declined));
    CHECK_FALSE(can_move(Status::Resolved, Status::Declined));
  }
  TEST_CASE("reopening goes from resolved to in-progress only") {
    CHECK(can_move(Status::Resolved, Status::InProgress));
    CHECK_FALSE(can_move(Status::Closed, Status::InProgress));
    CHECK_FALSE(can_move(Status::Resolved, Status::Received));
  }
  TEST_CASE("closed and declined are final") {
    CHECK(svcorg::ledger::next_statuses(Status::Closed).empty());
    CHECK(svcorg::ledger::next_statuses(Status::Declined).empty());
    CHECK(svcorg::ledger::next_statuses(Status::Resolved) == std::vector<Status>{Status::InProgress, Status::Closed});
  }
}

TEST_SUITE("ledger::parse_status") {
  TEST_CASE("names round-trip") {
    for (auto s :
         {Status::Received, Status::Assessed, Status::InProgress, Status::Resolved, Status::Closed, Status::Declined})
      CHECK(svcorg::ledger::parse_status(svcorg::ledger::status_name(s)) == s);
    CHECK(svcorg::ledger::status_name(Status::InProgress) == std::string("in-progress"));
    CHECK_FALSE(svcorg::ledger::parse_status("done"));
  }
}

TEST_SUITE("ledger::history") {
  using svcorg::ledger::history;
  const std::vector<svcorg::model::Event> events = {event("2026-03-02", "received"),    event("2026-03-04", "assessed"),
                                                    event(nullptr, "in-progress"),      event("2026-03-10", "resolved"),
                                                    event("2026-03-20", "in-progress"), event("2026-04-18", "resolved"),
                                                    event("2026-04-20", "closed")};

  TEST_CASE("events without a valid date or status are left out") {
    auto steps = history(events);
    REQUIRE(steps.size() == 6);
    CHECK(steps[2].status == Status::Resolved);
  }
  TEST_CASE("events after the as-of date are ignored") {
    auto steps = history(events, d("2026-03-20"));
    REQUIRE(steps.size() == 4);
    CHECK(svcorg::ledger::current_status(steps) == Status::InProgress);
    CHECK(svcorg::ledger::current_status(history(events, d("2026-03-01"))) == std::nullopt);
  }
  TEST_CASE("a need without events has no history") {
    CHECK(history(svcorg::model::Need{}).empty());
  }
}

TEST_SUITE("ledger::first_response") {
  using svcorg::ledger::first_response;
  TEST_CASE("the first event that is not `received`") {
    std::vector<Step> steps = {{d("2026-03-02"), Status::Received},
                               {d("2026-03-03"), Status::Received},
                               {d("2026-03-05"), Status::Assessed},
                               {d("2026-03-06"), Status::Resolved}};
    CHECK(first_response(steps) == d("2026-03-05"));
    steps.resize(2);
    CHECK(first_response(steps) == std::nullopt);
  }
}

TEST_SUITE("ledger::resolution_date") {
  using svcorg::ledger::resolution_date;
  TEST_CASE("the first resolution after the last open event") {
    std::vector<Step> steps = {{d("2026-03-02"), Status::Received},
                               {d("2026-03-10"), Status::Resolved},
                               {d("2026-03-20"), Status::InProgress},
                               {d("2026-04-18"), Status::Resolved},
                               {d("2026-04-20"), Status::Closed}};
    CHECK(resolution_date(steps) == d("2026-04-18"));
    CHECK(svcorg::ledger::reopened(steps));
    CHECK(svcorg::ledger::ever_resolved(steps));
    steps.resize(3);  // reopened and not resolved again
    CHECK(resolution_date(steps) == std::nullopt);
    CHECK(svcorg::ledger::ever_resolved(steps));
  }
  TEST_CASE("closed without a resolved step") {
    std::vector<Step> steps = {{d("2026-03-02"), Status::Received}, {d("2026-03-09"), Status::Closed}};
    CHECK(resolution_date(steps) == d("2026-03-09"));
    CHECK_FALSE(svcorg::ledger::reopened(steps));
  }
  TEST_CASE("declined or open needs have none") {
    CHECK(resolution_date({{d("2026-03-02"), Status::Received}, {d("2026-03-03"), Status::Declined}}) == std::nullopt);
    CHECK(resolution_date({}) == std::nullopt);
    CHECK_FALSE(svcorg::ledger::ever_resolved({{d("2026-03-02"), Status::Received}}));
  }
}
