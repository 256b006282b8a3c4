// validate::run — the rules on one need: category, required texts, lifecycle, dates.
#include "svcorg/l10n/catalogue.hpp"
#include "test_validate_support.hpp"

using namespace vtest;  // the helpers of test_validate_support.hpp
using Strings = std::vector<std::string>;

namespace {

// The district with its need's text edited: each pair replaces one piece of text.
vtest::Files need_with(const std::vector<std::pair<std::string, std::string>>& edits) {
  return vtest::edit(district(), kNeedFile, edits);
}

const std::string kEvents =
    "  - {date: 2026-03-02, status: received}\n"
    "  - {date: 2026-03-04, status: assessed}\n"
    "  - {date: 2026-03-04, status: assessed, note: 走访}\n"
    "  - {date: 2026-04-18, status: resolved}\n";

}  // namespace

TEST_SUITE("validate::run") {
  TEST_CASE("need-category") {
    SUBCASE("a typo, with the closest allowed category") {
      auto o = check(need_with({{"category: elderly-care", "category: housng"}}));
      CHECK(o.of() == Strings{"needs/mly-001.yaml:7:11 error need-category"});
      CHECK(svcorg::l10n::render(o.one("need-category").message) ==
            "the category `housng` is not allowed for a residential branch; did you mean `housing`? (allowed: "
            "`elderly-care` (养老服务), `housing` (住房), `environment` (环境), `public-safety` (公共安全), `dispute` "
            "(矛盾纠纷), `employment` (就业), `health` (健康), `culture` (文化), `community-affairs` (社区事务), "
            "`member-service` (服务党员), or `other` (其他))");
      // In Chinese: the branch's type, the value, the nearest allowed one and the list, in its own order.
      CHECK(svcorg::l10n::render(o.one("need-category").message, svcorg::i18n::Lang::ZhCN) ==
            "`residential` 类型党组织的需求不能使用类别 `housng`；是不是要写 `housing`？（允许的类别："
            "`elderly-care`（养老服务）、`housing`（住房）、`environment`（环境）、`public-safety`（公共安全）、"
            "`dispute`（矛盾纠纷）、`employment`（就业）、`health`（健康）、`culture`（文化）、"
            "`community-affairs`（社区事务）、`member-service`（服务党员）或 `other`（其他））");
    }
    SUBCASE("another type's category, with no close one") {
      auto o = check(need_with({{"category: elderly-care", "category: talent"}}));
      CHECK(o.of() == Strings{"needs/mly-001.yaml:7:11 error need-category"});
      CHECK(svcorg::l10n::render(o.one("need-category").message).find("; use one of `elderly-care`") !=
            std::string::npos);
    }
    SUBCASE("the categories every type allows") {
      CHECK(check(need_with({{"category: elderly-care", "category: member-service"}})).of() == Strings{});
      CHECK(check(need_with({{"category: elderly-care", "category: other"}})).of() == Strings{});
    }
    SUBCASE("a need of an unknown branch is a reference error only") {
      auto o = check(need_with({{"category: elderly-care", "category: housng"}, {"branch: meiliyuan", "branch: x"}}));
      CHECK(o.of() == Strings{"needs/mly-001.yaml:4:9 error reference"});
    }
  }

  TEST_CASE("relay-target") {
    CHECK(check(need_with({{"relayed_to: 街道房管办\n", ""}})).of() ==
          Strings{"needs/mly-001.yaml:10:11 error relay-target"});
    CHECK(check(need_with({{"relayed_to: 街道房管办\n", ""}, {"disposal: relay", "disposal: solve"}})).of() ==
          Strings{});
  }

  TEST_CASE("declined-reason") {
    const std::string declined = "  - {date: 2026-03-02, status: received}\n  - {date: 2026-03-05, status: declined}\n";
    auto o = check(need_with({{"status: resolved", "status: declined"},
                              {kEvents, declined},
                              {"feedback: {satisfaction: 5, date: 2026-04-18}\n", ""}}));
    CHECK(o.of() == Strings{"needs/mly-001.yaml:13:9 error declined-reason"});
    CHECK(check(need_with({{"status: resolved", "status: declined\nreason: 不属于本支部职责"},
                           {kEvents, declined},
                           {"feedback: {satisfaction: 5, date: 2026-04-18}\n", ""}}))
              .of() == Strings{});
  }

  TEST_CASE("event-order") {
    SUBCASE("the first event is not `received`") {
      auto o = check(need_with({{"2026-03-02, status: received}", "2026-03-02, status: assessed}"}}));
      CHECK(o.of() == Strings{"needs/mly-001.yaml:15:5 error event-order"});
      CHECK(svcorg::l10n::render(o.one("event-order").message) ==
            "the first event is `assessed` dated 2026-03-02; a need's history starts with `received` dated "
            "2026-03-02 (the `received` date)");
      CHECK(svcorg::l10n::render(o.one("event-order").message, svcorg::i18n::Lang::ZhCN) ==
            "第一个事件是日期为2026年3月2日的 `assessed`；需求的办理记录应从日期为2026年3月2日（即受理日期 "
            "`received`）的 `received` 事件开始");
    }
    SUBCASE("the first event is not on the `received` date") {
      auto o = check(need_with({{"{date: 2026-03-02, status: received}", "{date: 2026-03-01, status: received}"}}));
      CHECK(o.of() == Strings{"needs/mly-001.yaml:15:5 error event-order"});
    }
    SUBCASE("an event dated before the one above it") {
      auto o = check(need_with({{"2026-03-04, status: assessed, note", "2026-03-03, status: assessed, note"}}));
      CHECK(o.of() == Strings{"needs/mly-001.yaml:17:5 error event-order"});
      CHECK(svcorg::l10n::render(o.one("event-order").message) ==
            "this event is dated 2026-03-03, before the event above it (2026-03-04); list events in date order");
    }
    SUBCASE("equal dates keep file order") {
      CHECK(check(district()).of() == Strings{});
    }
  }

  TEST_CASE("status-transition") {
    SUBCASE("backwards") {
      auto o = check(need_with({{"status: resolved", "status: received"},
                                {"2026-04-18, status: resolved}", "2026-04-18, status: received}"},
                                {"feedback: {satisfaction: 5, date: 2026-04-18}\n", ""}}));
      CHECK(o.of() == Strings{"needs/mly-001.yaml:18:5 error status-transition"});
      CHECK(svcorg::l10n::render(o.one("status-transition").message) ==
            "the move from `assessed` to `received` is not allowed; from `assessed` a need may go to `in-progress`, "
            "`resolved`, `closed`, or `declined`, or repeat `assessed`");
      CHECK(svcorg::l10n::render(o.one("status-transition").message, svcorg::i18n::Lang::ZhCN) ==
            "不允许从 `assessed` 变为 `received`；需求从 `assessed` 只能变为 `in-progress`、`resolved`、`closed` 或 "
            "`declined`，或再记一个 `assessed` 事件");
    }
    SUBCASE("declined after work started") {
      auto o = check(need_with({{"status: resolved", "status: declined\nreason: 无法办理"},
                                {"2026-03-04, status: assessed, note", "2026-03-04, status: in-progress, note"},
                                {"2026-04-18, status: resolved}", "2026-04-18, status: declined}"},
                                {"feedback: {satisfaction: 5, date: 2026-04-18}\n", ""}}));
      CHECK(o.of() == Strings{"needs/mly-001.yaml:19:5 error status-transition"});
    }
    SUBCASE("nothing leaves `closed`; a repeat of it is a note") {
      const std::string events = kEvents +
                                 "  - {date: 2026-04-20, status: closed}\n"
                                 "  - {date: 2026-04-21, status: closed}\n"
                                 "  - {date: 2026-04-22, status: in-progress}\n";
      auto o = check(need_with({{"status: resolved", "status: in-progress"}, {kEvents, events}}));
      CHECK(o.of() == Strings{"needs/mly-001.yaml:21:5 error status-transition"});
      CHECK(svcorg::l10n::render(o.one("status-transition").message) ==
            "the move from `closed` to `in-progress` is not allowed; `closed` is final: only another `closed` "
            "event (a note) may follow");
    }
    SUBCASE("a resolved need may reopen") {
      const std::string events = kEvents +
                                 "  - {date: 2026-04-20, status: in-progress}\n"
                                 "  - {date: 2026-04-25, status: resolved}\n";
      CHECK(check(need_with({{kEvents, events}, {"date: 2026-04-18}\n", "date: 2026-04-25}\n"}})).of() == Strings{});
    }
  }

  TEST_CASE("status-mismatch") {
    auto o = check(need_with({{"status: resolved", "status: in-progress"}}));
    CHECK(o.of() == Strings{"needs/mly-001.yaml:13:9 error status-mismatch"});
    CHECK(svcorg::l10n::render(o.one("status-mismatch").message) ==
          "`status` is `in-progress`, but the last event is `resolved`; `status` is the last event's status: write "
          "`resolved`, or add the event that made it `in-progress`");
  }

  TEST_CASE("date-order") {
    SUBCASE("due before received") {
      CHECK(check(need_with({{"due: 2026-04-30", "due: 2026-03-01"}})).of() ==
            Strings{"needs/mly-001.yaml:12:6 error date-order"});
      CHECK(check(need_with({{"due: 2026-04-30", "due: 2026-03-02"}})).of() == Strings{});
    }
    SUBCASE("feedback dated before the resolution") {
      auto o = check(need_with({{"date: 2026-04-18}\n", "date: 2026-04-17}\n"}}));
      CHECK(o.of() == Strings{"needs/mly-001.yaml:19:11 error date-order"});
      CHECK(svcorg::l10n::render(o.one("date-order").message) ==
            "the feedback is dated 2026-04-17, before the need was resolved (2026-04-18); feedback is given on or "
            "after the resolution: check the dates");
      CHECK(svcorg::l10n::render(o.one("date-order").message, svcorg::i18n::Lang::ZhCN) ==
            "评价日期为2026年4月17日，早于需求解决的日期（2026年4月18日）；评价应在解决当天或之后作出：请核对日期");
    }
    SUBCASE("after a reopening, the final resolution counts") {
      const std::string events =
          "  - {date: 2026-03-02, status: received}\n"
          "  - {date: 2026-03-10, status: resolved}\n"
          "  - {date: 2026-03-20, status: in-progress}\n"
          "  - {date: 2026-04-18, status: resolved}\n";
      CHECK(check(need_with({{kEvents, events}, {"date: 2026-04-18}\n", "date: 2026-04-01}\n"}})).of() ==
            Strings{"needs/mly-001.yaml:19:11 error date-order"});
    }
    SUBCASE("undated feedback, or an unresolved need, is not compared") {
      CHECK(check(need_with({{", date: 2026-04-18}\n", "}\n"}})).of() == Strings{});
      CHECK(check(need_with(
                      {{"status: resolved", "status: assessed"}, {"  - {date: 2026-04-18, status: resolved}\n", ""}}))
                .of() == Strings{});
    }
  }

  TEST_CASE("future-date") {
    SUBCASE("events and feedback after today") {
      auto o = check(district(), {2026, date("2026-04-01"), date("2026-04-01")});
      CHECK(o.of("future-date") == Strings{"needs/mly-001.yaml:18:12 warning future-date",
                                           "needs/mly-001.yaml:19:35 warning future-date",
                                           "platforms/meiliyuan.yaml:20:19 warning future-date",
                                           "platforms/meiliyuan.yaml:31:19 warning future-date"});
      CHECK(svcorg::l10n::render(o.found[0].message) ==
            "`events[3].date` is 2026-04-18, after today (2026-04-01); it records something that has happened: "
            "check the date");
    }
    SUBCASE("after the as-of date but not after today: outside the view, not a mistake (SPEC 4.2 rev 2)") {
      CHECK(check(district(), {2026, date("2026-04-01"), date("2026-06-01")}).of("future-date") == Strings{});
      CHECK(check(district(), {2025, date("2025-12-31"), date("2026-06-01")}).of("future-date") == Strings{});
    }
    SUBCASE("received after today; `due` is a plan, not a fact") {
      auto o =
          check(need_with({{"due: 2026-04-30", "due: 2026-12-30"}}), {2026, date("2026-03-01"), date("2026-03-01")});
      CHECK(o.of("future-date").front() == "needs/mly-001.yaml:5:11 warning future-date");
      CHECK(o.of("future-date").size() == 8);  // received, 4 events, feedback, 2 of 3 meetings
    }
    SUBCASE("on today's date") {
      CHECK(check(district(), {2026, date("2026-06-01"), date("2026-06-01")}).of("future-date") == Strings{});
    }
  }
}
