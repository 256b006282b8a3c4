// validate::run — plan-quality (SPEC 4.2, rev 2) and how it meets plan-items and
// unlinked-item. The small district of test_validate_support.hpp has one need
// (`mly-001`, elderly-care, received 2026-03-02); its plan scores q = 0.75 (linked 1,
// measurable 0, breadth 1, coverage 1).
#include "svcorg/l10n/catalogue.hpp"
#include "test_validate_support.hpp"

using namespace vtest;  // the helpers of test_validate_support.hpp
using Strings = std::vector<std::string>;

namespace {

// A plan of meiliyuan for `year` with `status` and `items` (YAML flow mappings, one a line).
std::string plan(const std::string& status, const std::vector<std::string>& items, int year = 2026) {
  std::string out = "apiVersion: svcorg/v1\nkind: Plan\nid: mly-" + std::to_string(year) +
                    "\nbranch: meiliyuan\nyear: " + std::to_string(year) + "\nstatus: " + status +
                    "\nbase: {dues_paid_rate: 1, statistics_on_time: true, organizational_life: 12}\n";
  if (items.empty()) return out + "items: []\n";
  out += "items:\n";
  for (const auto& item : items) out += "  - " + item + "\n";
  return out;
}

std::string item(const std::string& id, const std::string& category, bool linked, bool measurable) {
  return "{id: " + id + ", title: 项目, category: " + category + (linked ? ", needs: [mly-001]" : "") +
         ", approval: self" + (measurable ? ", target: {metric: 户数, value: 10}" : "") + "}";
}

// A need of meiliyuan received on `received` (and still received), or declined that day.
Files with_need(Files files, const std::string& id, const std::string& category, const std::string& received,
                bool declined = false) {
  std::string text = "apiVersion: svcorg/v1\nkind: Need\nid: " + id + "\nbranch: meiliyuan\nreceived: " + received +
                     "\nchannel: hotline\ncategory: " + category + "\nsummary: 诉求\nlayer: branch\ndisposal: solve\n";
  if (declined)
    text += "status: declined\nreason: 不属于本组织职责\nevents:\n  - {date: " + received +
            ", status: received}\n  - {date: " + received + ", status: declined}\n";
  else
    text += "status: received\nevents: [{date: " + received + ", status: received}]\n";
  return with(files, "needs/" + id + ".yaml", text);
}

Files with_rules(const std::string& overrides) {
  Files files = district();
  for (auto& f : files)
    if (f.first == "district.yaml") f.second += overrides;
  return files;
}

// Five items, `linked` of them listing mly-001 and `measurable` with a target: q =
// (linked/5 + measurable/5 + 1 + 1) / 4 (the first item is linked, so coverage is 1).
std::string five_items(int linked, int measurable, const std::string& status = "submitted") {
  std::vector<std::string> items;
  for (int k = 0; k < 5; ++k)
    items.push_back(item("i" + std::to_string(k + 1), "elderly-care", k < linked, k < measurable));
  return plan(status, items);
}

}  // namespace

TEST_SUITE("validate::run") {
  TEST_CASE("plan-quality: a submitted plan below the minimum, at its status line") {
    const Files files =
        with(district(), kPlanFile,
             plan("submitted", {item("i1", "elderly-care", true, true), item("i2", "culture", false, false),
                                item("i3", "health", false, true)}));
    // q = (1/3 + 2/3 + 1 + 1) / 4 = 0.75: enough.
    CHECK(check(files).of("plan-quality").empty());
    // Two needs of categories no item covers: coverage 1/3, q = (1/3 + 2/3 + 1 + 1/3) / 4 = 0.5833.
    const auto o =
        check(with_need(with_need(files, "mly-002", "housing", "2026-05-01"), "mly-003", "dispute", "2026-05-02"));
    CHECK(o.of() == Strings{"plans/meiliyuan-2026.yaml:6:9 error plan-quality"});
    CHECK(svcorg::l10n::render(o.one("plan-quality").message) ==
          "the submitted plan `mly-2026` has quality 0.5833, below the minimum 0.6: the items `i2` and `i3` answer no "
          "need; the item `i2` has no numeric target; no item covers the categories `dispute` and `housing` of the "
          "branch's needs in 2026; list in each item's `needs` the ids of the needs it answers, give each item a "
          "numeric `target.value`, and cover `dispute` and `housing` each with an item of that category or one that "
          "lists such a need");
    CHECK(o.one("plan-quality").kind == "Plan");
    CHECK(o.one("plan-quality").id == "mly-2026");
  }

  TEST_CASE("plan-quality: every cause, and a plan without items") {
    const auto o = check(with(with_need(district(), "mly-002", "housing", "2026-05-01"), kPlanFile,
                              plan("submitted", {item("i1", "culture", false, false)})));
    // linked 0, measurable 0, breadth 1/3, coverage 0: q = 0.0833.
    CHECK(o.of() == Strings{"plans/meiliyuan-2026.yaml:6:9 error plan-quality"});
    CHECK(svcorg::l10n::render(o.one("plan-quality").message) ==
          "the submitted plan `mly-2026` has quality 0.0833, below the minimum 0.6: the item `i1` answers no need; the "
          "item `i1` has no numeric target; it has 1 item, fewer than the 3 a plan should have; no item covers the "
          "categories `elderly-care` and `housing` of the branch's needs in 2026; list in each item's `needs` the ids "
          "of the needs it answers, give each item a numeric `target.value`, add items until there are 3, and cover "
          "`elderly-care` and `housing` each with an item of that category or one that lists such a need");
    // In Chinese: the same reasons and the same things to do, 请 once before them.
    CHECK(
        svcorg::l10n::render(o.one("plan-quality").message, svcorg::i18n::Lang::ZhCN) ==
        "已提交的计划 `mly-2026` 质量为0.0833，低于最低要求0.6：项目 `i1` 没有对应任何需求；项目 `i1` 没有数值型目标；"
        "计划只有1个项目，少于应有的3个；本党组织2026年度的需求有类别 `elderly-care` 和 `housing`，但没有项目覆盖；"
        "请在每个项目的 `needs` 中列出它所回应的需求的编号，为每个项目填写数值型的 `target.value`，增加项目，"
        "直到达到3个，并用相应类别的项目或列出此类需求的项目分别覆盖 `elderly-care` 和 `housing`");
    const auto none = check(with(district(), kPlanFile, plan("submitted", {})));
    CHECK(none.load.empty());
    CHECK(none.of() == Strings{"plans/meiliyuan-2026.yaml:6:9 error plan-quality"});
    CHECK(svcorg::l10n::render(none.one("plan-quality").message) ==
          "the submitted plan `mly-2026` has quality 0, below the minimum 0.6: it has no items; add at least 3 items "
          "that answer the branch's needs, each listing them in `needs` and with a numeric `target.value`");
    CHECK(svcorg::l10n::render(
              check(with(with_rules("rules: {defaults: {min_plan_items: 0}}\n"), kPlanFile, plan("submitted", {})))
                  .one("plan-quality")
                  .message) ==
          "the submitted plan `mly-2026` has quality 0, below the minimum 0.6: it has no items; add at "
          "least 1 item that answers the branch's needs, each listing them in `needs` and with a "
          "numeric `target.value`");
  }

  TEST_CASE("plan-quality: the boundary is exactly the minimum") {
    // (1/5 + 1/5 + 1 + 1) / 4 = 0.6: passes; one target fewer: 0.55, fails.
    CHECK(check(with(district(), kPlanFile, five_items(1, 1))).of("plan-quality").empty());
    CHECK(check(with(district(), kPlanFile, five_items(1, 0))).of("plan-quality") ==
          Strings{"plans/meiliyuan-2026.yaml:6:9 error plan-quality"});
    // The minimum exactly at q from the District: passes; just above it: fails.
    CHECK(check(with(with_rules("rules: {defaults: {min_plan_quality: 0.75}}\n"), kPlanFile,
                     plan("submitted", {item("a", "elderly-care", true, false), item("b", "culture", true, false),
                                        item("c", "health", true, false)})))
              .of("plan-quality")
              .empty());
    CHECK(check(with(with_rules("rules: {defaults: {min_plan_quality: 0.76}}\n"), kPlanFile,
                     plan("submitted", {item("a", "elderly-care", true, false), item("b", "culture", true, false),
                                        item("c", "health", true, false)})))
              .of("plan-quality") == Strings{"plans/meiliyuan-2026.yaml:6:9 error plan-quality"});
  }

  TEST_CASE("plan-quality: min_plan_quality by type overrides the defaults") {
    const std::string submitted =
        plan("submitted", {item("a", "elderly-care", true, false), item("b", "culture", true, false),
                           item("c", "health", true, false)});  // q = 0.75
    CHECK(svcorg::l10n::render(
              check(with(with_rules("rules: {types: {residential: {min_plan_quality: 0.8}}}\n"), kPlanFile, submitted))
                  .one("plan-quality")
                  .message)
              .rfind("the submitted plan `mly-2026` has quality 0.75, below the minimum 0.8: the items `a`, "
                     "`b`, and `c` have no numeric target;",
                     0) == 0);
    // The type's number wins over the defaults', both ways.
    CHECK(check(with(with_rules("rules: {defaults: {min_plan_quality: 0.9}, types: {residential: {min_plan_quality: "
                                "0.7}}}\n"),
                     kPlanFile, submitted))
              .of("plan-quality")
              .empty());
    CHECK(check(with(with_rules("rules: {defaults: {min_plan_quality: 0.5}, types: {building: {min_plan_quality: "
                                "0.9}}}\n"),
                     kPlanFile, submitted))
              .of("plan-quality")
              .empty());
    // 0 turns the rule off.
    CHECK(check(with(with_rules("rules: {defaults: {min_plan_quality: 0}}\n"), kPlanFile, plan("submitted", {})))
              .of("plan-quality")
              .empty());
  }

  TEST_CASE("plan-quality: min_plan_quality outside 0-1 is a schema error and not applied") {
    const auto o =
        check(with(with_rules("rules: {defaults: {min_plan_quality: 1.5}}\n"), kPlanFile,
                   plan("submitted", {item("a", "elderly-care", true, false), item("b", "culture", true, false),
                                      item("c", "health", true, false)})));
    REQUIRE(o.load.size() == 1);
    CHECK(o.load.front().rule == "schema");
    CHECK(svcorg::l10n::render(o.load.front().message).find("rules.defaults.min_plan_quality") != std::string::npos);
    CHECK(o.of("plan-quality").empty());  // the built-in 0.6 applies: q = 0.75
  }

  TEST_CASE("plan-quality: only submitted plans") {
    for (const char* status : {"draft", "approved", "reviewed"}) {
      CAPTURE(status);
      const auto o = check(with(district(), kPlanFile, plan(status, {item("i1", "culture", false, false)})));
      CHECK(o.of("plan-quality").empty());
      // The warnings about the same shortfall stand.
      CHECK(o.of() == Strings{"plans/meiliyuan-2026.yaml:1:1 warning plan-items",
                              "plans/meiliyuan-2026.yaml:9:5 warning unlinked-item"});
    }
  }

  TEST_CASE("plan-quality: told once, not three times") {
    // Failing: the error names the unlinked items and the missing ones; no warnings repeat it.
    const auto low = check(with(district(), kPlanFile, plan("submitted", {item("i1", "culture", false, false)})));
    CHECK(low.of() == Strings{"plans/meiliyuan-2026.yaml:6:9 error plan-quality"});
    // Passing: the warnings stay (q = (1/2 + 1 + 2/3 + 1) / 4 = 0.79).
    const auto ok =
        check(with(district(), kPlanFile,
                   plan("submitted", {item("i1", "elderly-care", true, true), item("i2", "culture", false, true)})));
    CHECK(ok.of() == Strings{"plans/meiliyuan-2026.yaml:1:1 warning plan-items",
                             "plans/meiliyuan-2026.yaml:10:5 warning unlinked-item"});
  }

  TEST_CASE("plan-quality: as of the as-of date") {
    // Needs received in September of categories no item covers: not yet in the ledger on
    // June 30 (q = 0.75), in it on December 31 (coverage 1/3, q = 0.5833).
    const Files files =
        with_need(with_need(district(), "mly-002", "housing", "2026-09-01"), "mly-003", "dispute", "2026-09-02");
    const Files submitted =
        with(files, kPlanFile,
             plan("submitted", {item("a", "elderly-care", true, false), item("b", "culture", true, false),
                                item("c", "health", true, false)}));
    CHECK(check(submitted, {2026, date("2026-06-30"), date("2026-06-30")}).of("plan-quality").empty());
    CHECK(check(submitted, {2026, date("2026-12-31"), date("2026-12-31")}).of("plan-quality") ==
          Strings{"plans/meiliyuan-2026.yaml:6:9 error plan-quality"});
    // A need declined as of A is not in C; declined later, it still is.
    const Files declined =
        with(with_need(district(), "mly-002", "housing", "2026-09-01", true), kPlanFile,
             plan("submitted", {item("a", "elderly-care", true, false), item("b", "culture", true, false),
                                item("c", "health", true, false)}));
    CHECK(check(declined, {2026, date("2026-12-31"), date("2026-12-31")}).of("plan-quality").empty());
    // Needs of another year are not the plan's year's ledger; a plan for 2027 submitted in
    // 2026 has no needs in its year yet (coverage excluded: q = (1 + 0 + 1) / 3).
    const Files next = with(files, kPlanFile,
                            plan("submitted",
                                 {item("a", "elderly-care", true, false), item("b", "culture", true, false),
                                  item("c", "health", true, false)},
                                 2027));
    CHECK(check(next, {2026, date("2026-12-31"), date("2026-12-31")}).of("plan-quality").empty());
  }

  TEST_CASE("plan-quality: the District's quality weights") {
    // `measurable` weighs 0: the plan without targets is perfect (q = 1); it is not named.
    const std::string weak = plan("submitted", {item("a", "culture", false, false)});
    auto files = with_rules("scoring: {quality: {measurable: 0, breadth: 0, coverage: 0}}\n");
    const auto o = check(with(files, kPlanFile, weak));
    CHECK(svcorg::l10n::render(o.one("plan-quality").message) ==
          "the submitted plan `mly-2026` has quality 0, below the minimum 0.6: the item `a` answers no need; list in "
          "each item's `needs` the ids of the needs it answers");
    CHECK(check(with(with_rules("scoring: {quality: {linked: 0, breadth: 0, coverage: 0}}\n"), kPlanFile,
                     plan("submitted", {item("a", "culture", false, true)})))
              .of("plan-quality")
              .empty());
  }
}
