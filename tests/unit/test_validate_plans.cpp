// validate::run — plans, platforms and branches.
#include "svcorg/l10n/catalogue.hpp"
#include "test_validate_support.hpp"

using namespace vtest;  // the helpers of test_validate_support.hpp
using Strings = std::vector<std::string>;

namespace {

// A second branch (a building on the other street) with one need.
Files with_xinde(Files files, const std::string& street = "caojiadu") {
  files = with(files, "branches/xinde.yaml",
               "apiVersion: svcorg/v1\nkind: Branch\nid: xinde\nname: 信德大楼联合党支部\ntype: building\n"
               "street: " +
                   street +
                   "\nmembers: 30\nunits: 12\nreserve_cadres: 1\n"
                   "secretary: {name: 李明, certified: true}\n");
  return with(files, "needs/xd-001.yaml",
              "apiVersion: svcorg/v1\nkind: Need\nid: xd-001\nbranch: xinde\nreceived: 2026-03-02\n"
              "channel: hotline\ncategory: talent\nsummary: 人才公寓\nlayer: branch\ndisposal: solve\n"
              "status: received\nevents: [{date: 2026-03-02, status: received}]\n");
}

}  // namespace

TEST_SUITE("validate::run") {
  TEST_CASE("item-category") {
    auto o = check(edit(district(), kPlanFile, {{"category: elderly-care", "category: elderly-cae"}}));
    CHECK(o.of() == Strings{"plans/meiliyuan-2026.yaml:9:37 error item-category"});
    CHECK(svcorg::l10n::render(o.one("item-category").message)
              .rfind("the category `elderly-cae` is not allowed for a plan item of a residential branch; did you mean "
                     "`elderly-care`? (allowed: `elderly-care`",
                     0) == 0);
    CHECK(check(edit(district(), kPlanFile, {{"category: elderly-care", "category: talent"}})).of() ==
          Strings{"plans/meiliyuan-2026.yaml:9:37 error item-category"});
    // organization-building and the negative list are allowed for items (see the clean district).
  }

  TEST_CASE("negative-list") {
    SUBCASE("approved by the branch itself") {
      auto o = check(edit(district(), kPlanFile, {{"approval: superior", "approval: self"}}));
      CHECK(o.of() == Strings{"plans/meiliyuan-2026.yaml:11:85 error negative-list"});
      CHECK(svcorg::l10n::render(o.one("negative-list").message) ==
            "`member-development` is on the negative list, so the item needs `approval: superior`, not `self`; have "
            "it approved by the superior organization");
    }
    SUBCASE("no approval: at the item") {
      auto o = check(edit(district(), kPlanFile, {{", approval: superior", ""}}));
      CHECK(o.load.size() == 1);  // the schema error for the missing field
      CHECK(o.of() == Strings{"plans/meiliyuan-2026.yaml:11:5 error negative-list"});
    }
    SUBCASE("other categories need no superior approval") {
      CHECK(
          check(edit(district(), kPlanFile,
                     {{"category: member-development", "category: culture"}, {"approval: superior", "approval: self"}}))
              .of() == Strings{});
    }
  }

  TEST_CASE("plan-items") {
    const std::string third =
        "  - {id: i3, title: 发展党员, category: member-development, needs: [mly-001], approval: superior}\n";
    auto o = check(edit(district(), kPlanFile, {{third, ""}}));
    CHECK(o.of() == Strings{"plans/meiliyuan-2026.yaml:1:1 warning plan-items"});
    CHECK(svcorg::l10n::render(o.one("plan-items").message) ==
          "the plan has 2 autonomous items, fewer than the 3 a plan should have; add items that answer the branch's "
          "needs");
    SUBCASE("the District lowers the minimum") {
      auto files = edit(district(), kPlanFile, {{third, ""}});
      files = edit(files, "district.yaml", {{"streets:", "rules: {defaults: {min_plan_items: 2}}\nstreets:"}});
      CHECK(check(files).of() == Strings{});
    }
  }

  TEST_CASE("unlinked-item") {
    CHECK(check(edit(district(), kPlanFile,
                     {{"组织建设, category: organization-building, needs: [mly-001],",
                       "组织建设, category: organization-building,"}}))
              .of() == Strings{"plans/meiliyuan-2026.yaml:10:5 warning unlinked-item"});
    CHECK(check(edit(district(), kPlanFile,
                     {{"organization-building, needs: [mly-001]", "organization-building, needs: []"}}))
              .of() == Strings{"plans/meiliyuan-2026.yaml:10:5 warning unlinked-item"});
  }

  TEST_CASE("foreign-need") {
    SUBCASE("a plan item listing another branch's need") {
      auto o = check(edit(with_xinde(district()), kPlanFile,
                          {{"needs: [mly-001], approval: self}", "needs: [mly-001, xd-001], approval: self}"}}));
      CHECK(o.of("foreign-need") == Strings{"plans/meiliyuan-2026.yaml:9:68 warning foreign-need"});
      CHECK(svcorg::l10n::render(o.one("foreign-need").message) ==
            "the need `xd-001` belongs to branch `xinde`, not to `meiliyuan` whose plan this is; list the needs of "
            "`meiliyuan`");
    }
    SUBCASE("a branch's platform meeting on another branch's need") {
      auto o = check(edit(with_xinde(district()), kPlatformFile,
                          {{"{date: 2026-03-01, needs: [mly-001]}", "{date: 2026-03-01, needs: [xd-001]}"}}));
      CHECK(o.of("foreign-need") == Strings{"platforms/meiliyuan.yaml:10:32 warning foreign-need"});
    }
    SUBCASE("participants' needs are the platform's own") {
      auto files = edit(with_xinde(district()), kPlatformFile,
                        {{"{date: 2026-03-01, needs: [mly-001]}", "{date: 2026-03-01, needs: [xd-001]}"},
                         {"cadence: yearly\nmeetings:", "cadence: yearly\nparticipants: [xinde]\nmeetings:"}});
      CHECK(check(files).of("foreign-need") == Strings{});
    }
    SUBCASE("a street's platform serves the street's branches") {
      const std::pair<std::string, std::string> meeting = {"needs: [mly-001]}]", "needs: [mly-001, xd-001]}]"};
      CHECK(check(edit(with_xinde(district()), kPlatformFile, {meeting})).of("foreign-need") ==
            Strings{"platforms/meiliyuan.yaml:31:48 warning foreign-need"});
      CHECK(check(edit(with_xinde(district(), "nanjingxi"), kPlatformFile, {meeting})).of("foreign-need") == Strings{});
      CHECK(check(edit(with_xinde(district()), kPlatformFile, {meeting, {"owner: nanjingxi", "owner: jingan"}}))
                .of("foreign-need") == Strings{});
    }
  }

  TEST_CASE("survey-size") {
    CHECK(check(edit(district(), kPlanFile, {{"respondents: 30", "respondents: 29"}})).of() ==
          Strings{"plans/meiliyuan-2026.yaml:13:32 warning survey-size"});
    CHECK(check(edit(district(), kPlanFile, {{"member_survey: {respondents: 30", "public_survey: {respondents: 3"}}))
              .of() == Strings{"plans/meiliyuan-2026.yaml:13:32 warning survey-size"});
  }

  TEST_CASE("required-platform") {
    SUBCASE("a missing category, once per category") {
      auto o = check(edit(district(), kPlatformFile, {{"category: participation", "category: information"}}));
      CHECK(o.of() == Strings{"branches/meiliyuan.yaml:1:1 warning required-platform"});
      CHECK(svcorg::l10n::render(o.one("required-platform").message) ==
            "the branch has no `participation` platform (owned, or joined by being listed in its `participants`); "
            "a branch of type `residential` should have a platform of each category: `information`, "
            "`participation`, and `coordination`");
      CHECK(svcorg::l10n::render(o.one("required-platform").message, svcorg::i18n::Lang::ZhCN) ==
            "党组织没有 `participation` 类平台（无论是自己牵头，还是列在平台的 `participants` 中参加）；"
            "`residential` 类型的党组织应当有以下每一类平台：`information`、`participation` 和 `coordination`");
    }
    SUBCASE("a platform joined as a participant counts; one only named in the text does not") {
      auto o = check(edit(district(), kPlatformFile, {{"[meiliyuan, 街道房管办]", "[美丽园, 街道房管办]"}}));
      CHECK(o.of() == Strings{"branches/meiliyuan.yaml:1:1 warning required-platform"});
    }
  }

  TEST_CASE("platform-cadence") {
    const auto mid_year = svcorg::ledger::Window{2026, date("2026-06-30"), date("2026-06-30")};
    SUBCASE("fewer meetings than the whole periods of the cadence so far") {
      auto o = check(edit(district(), kPlatformFile,
                          {{"category: information\ncadence: yearly", "category: information\ncadence: monthly"}}),
                     mid_year);
      CHECK(o.of() == Strings{"platforms/meiliyuan.yaml:1:1 warning platform-cadence"});
      CHECK(svcorg::l10n::render(o.one("platform-cadence").message) ==
            "the platform held 1 meeting from 2026-01-01 to 2026-06-30; its `monthly` cadence (12 a year) asks for 5 "
            "by then; record the meetings held, or change the cadence");
    }
    SUBCASE("whole periods (SPEC 4.2 rev 2): 5.95 expected by June 30 is 5 whole months; 4 held is fewer, 5 is not") {
      const std::string four =
          "  - {date: 2026-01-10}\n  - {date: 2026-02-10}\n"
          "  - {date: 2026-04-10}\n  - {date: 2026-05-10, needs: [mly-001]}\n";
      auto files = edit(district(), kPlatformFile,
                        {{"category: information\ncadence: yearly", "category: information\ncadence: monthly"},
                         {"  - {date: 2026-03-01, needs: [mly-001]}\n", four}});
      CHECK(check(files, mid_year).of() == Strings{"platforms/meiliyuan.yaml:1:1 warning platform-cadence"});
      CHECK(svcorg::l10n::render(check(files, mid_year).one("platform-cadence").message).find("held 4 meetings") !=
            std::string::npos);
      auto five = edit(files, kPlatformFile,
                       {{"  - {date: 2026-01-10}\n", "  - {date: 2026-01-10}\n  - {date: 2026-01-20}\n"}});
      CHECK(check(five, mid_year).of() == Strings{});
    }
    SUBCASE("a quarterly platform that met once a quarter is on schedule between quarters") {
      auto files = edit(district(), kPlatformFile,
                        {{"category: information\ncadence: yearly", "category: information\ncadence: quarterly"}});
      // One meeting (March 1); by May 15, 1.48 quarters have passed: one whole quarter.
      CHECK(check(files, {2026, date("2026-05-15"), date("2026-05-15")}).of("platform-cadence") == Strings{});
      CHECK(check(files, {2026, date("2026-07-02"), date("2026-07-02")}).of("platform-cadence") ==
            Strings{"platforms/meiliyuan.yaml:1:1 warning platform-cadence"});  // 2.00 quarters: two whole ones
    }
    SUBCASE("the window starts when the platform was established") {
      auto files = edit(district(), kPlatformFile,
                        {{"cadence: yearly\nmeetings:", "cadence: weekly\nestablished: 2026-07-01\nmeetings:"}});
      CHECK(check(files, mid_year).of() == Strings{});  // an empty window
      CHECK(check(files, {2026, date("2026-07-31"), date("2026-07-31")}).of() ==
            Strings{"platforms/meiliyuan.yaml:1:1 warning platform-cadence"});  // 31 days: 4 expected, none held
    }
    SUBCASE("another year") {
      auto o = check(district(), {2025, date("2025-12-31"), date("2025-12-31")});
      CHECK(o.of("platform-cadence") == Strings{"platforms/meiliyuan.yaml:1:1 warning platform-cadence",
                                                "platforms/meiliyuan.yaml:12:1 warning platform-cadence",
                                                "platforms/meiliyuan.yaml:22:1 warning platform-cadence"});
    }
  }

  TEST_CASE("type-field") {
    auto files = with_xinde(district());
    CHECK(check(files).of("type-field") == Strings{});
    auto o = check(edit(files, "branches/xinde.yaml", {{"units: 12\n", ""}}));
    CHECK(o.of("type-field") == Strings{"branches/xinde.yaml:1:1 error type-field"});
    CHECK(svcorg::l10n::render(o.one("type-field").message) ==
          "a building branch requires the field `units`; add it (the number of companies in the building cluster, at "
          "least 2)");
    auto s =
        check(edit(files, "branches/xinde.yaml", {{"type: building", "type: social-service"}, {"units: 12\n", ""}}));
    CHECK(s.of("type-field") == Strings{"branches/xinde.yaml:1:1 error type-field"});
    CHECK(check(edit(files, "branches/xinde.yaml",
                     {{"type: building", "type: social-service"}, {"units: 12\n", "functions: [medical]\n"}}))
              .of("type-field") == Strings{});
  }

  TEST_CASE("competency-gap") {
    auto o =
        check(edit(district(), kBranchFile, {{"planning: 3", "planning: 2"}, {"orientation: 4", "orientation: 1"}}));
    CHECK(o.of() == Strings{"branches/meiliyuan.yaml:12:31 warning competency-gap",
                            "branches/meiliyuan.yaml:12:44 warning competency-gap"});
    CHECK(svcorg::l10n::render(o.found[1].message) ==
          "the secretary's `planning` is rated 2 of 5; an ability rated 1 or 2 is a gap to plan training for");
  }

  TEST_CASE("not-certified") {
    auto o = check(edit(district(), kBranchFile, {{"certified: true", "certified: false"}}));
    CHECK(o.of() == Strings{"branches/meiliyuan.yaml:1:1 warning not-certified"});
    CHECK(
        svcorg::l10n::render(o.one("not-certified").message) ==
        "the secretary 王芳 does not hold the qualification certificate (`certified: false`); plan the certification");
  }

  TEST_CASE("no-reserve-cadre") {
    CHECK(check(edit(district(), kBranchFile, {{"reserve_cadres: 2\n", ""}})).of() ==
          Strings{"branches/meiliyuan.yaml:1:1 warning no-reserve-cadre"});
    CHECK(check(edit(district(), kBranchFile, {{"reserve_cadres: 2", "reserve_cadres: 0"}})).of() ==
          Strings{"branches/meiliyuan.yaml:1:1 warning no-reserve-cadre"});
  }
}
