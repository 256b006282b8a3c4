// report::build on the example district: what needs attention, ranks "of N", the type's
// means, the branch card's rows, needs and meetings, and the previous year's totals.
#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "support.hpp"
#include "svcorg/l10n/catalogue.hpp"
#include "svcorg/load/loader.hpp"
#include "svcorg/report/report.hpp"
#include "svcorg/rules/rules.hpp"
#include "svcorg/score/model.hpp"
#include "svcorg/score/score.hpp"

namespace {

struct Example {
  svcorg::model::RecordSet set;
  svcorg::rules::Rules rules;
  svcorg::score::Model model;
  svcorg::score::Result result;
};

// The example district scored for `year` as of `as_of` (records kept whole, as `report` does).
Example example(int year, const char* as_of) {
  testing::Chdir here(testing::kSource);
  svcorg::diag::Sink sink;
  std::istringstream no_stdin;
  auto loaded = svcorg::load::load_paths({"examples"}, sink, no_stdin);
  REQUIRE(loaded.fatal.empty());
  Example e{std::move(loaded.records), {}, {}, {}};
  e.rules = svcorg::rules::effective_rules(e.set.districts.front().rules.get());
  e.model = svcorg::score::effective_model(e.set.districts.front().scoring.get());
  e.result = svcorg::score::compute(e.set, e.rules, e.model, {year, *svcorg::util::Date::parse(as_of)});
  return e;
}

svcorg::report::Data build(const Example& e, const char* scope) {
  auto d = svcorg::report::build({e.set, e.rules, e.model, e.result}, *svcorg::report::parse_scope(scope));
  REQUIRE(d);
  return std::move(*d);
}

std::vector<std::string> ids(const std::vector<const svcorg::model::Branch*>& bs) {
  std::vector<std::string> out;
  for (const auto* b : bs) out.push_back(b->id.v);
  return out;
}

}  // namespace

TEST_SUITE("report") {
  TEST_CASE("the district's attention block: overdue needs by name, platforms behind, people, grades") {
    const auto e = example(2025, "2025-12-31");
    const auto d = build(e, "district");
    const auto& a = d.attention;
    REQUIRE(a.overdue.size() == 2);
    CHECK(a.overdue[0].row->facts.need->id.v == "mly-2025-005");
    CHECK(a.overdue[0].branch_name == "美丽园居民区党总支");
    CHECK(a.overdue[0].days_overdue == 239);
    CHECK(a.overdue[1].row->facts.need->id.v == "jl-2025-006");
    CHECK(a.overdue[1].days_overdue == 30);
    REQUIRE(a.behind.size() == 2);
    CHECK(a.behind[0].platform->id.v == "jnly-xieshang");
    CHECK(*a.behind[0].value == doctest::Approx(0.5));
    CHECK(a.behind[1].platform->id.v == "jh-yishihui");
    CHECK(d.name_of(a.behind[0].platform->owner.v) == "江宁路街道楼宇联合党总支");
    CHECK(ids(a.uncertified) == std::vector<std::string>{"jiuguang", "kangding", "xikang"});
    CHECK(ids(a.no_reserve) == std::vector<std::string>{"jiangning-louyu", "jiuguang"});
    CHECK(a.weak.empty());
    CHECK(a.grades ==
          std::vector<std::pair<std::string, size_t>>{{"excellent", 10}, {"good", 14}, {"fair", 0}, {"poor", 0}});
    CHECK(d.scored_in_district == 24);
    CHECK(*d.mean_total == doctest::Approx(88.77));
    REQUIRE(d.type_mean("residential"));
    CHECK(d.type_mean("residential")->scored == 10);
    CHECK(d.type_mean("residential")->total == doctest::Approx(88.49));
    CHECK(d.name_of("nanjingxi") == "南京西路街道");
    CHECK(d.name_of("no-such-id") == "no-such-id");
    REQUIRE(d.platforms_by_adherence.size() == 30);
    CHECK(d.platforms_by_adherence[0]->platform->id.v == "jnly-xieshang");
    CHECK(d.platforms_by_adherence[1]->platform->id.v == "jh-yishihui");
    CHECK(std::count_if(d.secretaries.begin(), d.secretaries.end(),
                        [](const svcorg::report::SecretaryRow& r) { return r.needs_action(); }) == 5);
    CHECK(!d.previous);  // no plans of 2024
  }

  TEST_CASE("a street's attention block holds its own branches only") {
    const auto e = example(2025, "2025-12-31");
    const auto d = build(e, "street:nanjingxi");
    REQUIRE(d.attention.overdue.size() == 2);  // mly-2025-005 and jiali's
    CHECK(d.attention.overdue[0].branch_name == "美丽园居民区党总支");
    CHECK(d.attention.uncertified.empty());
    CHECK(d.mean_by_type.size() == 4);
  }

  TEST_CASE("the branch card: rows with the type's means, quality rank, needs overdue first, meetings per platform") {
    const auto e = example(2025, "2025-12-31");
    const auto d = build(e, "branch:meiliyuan");
    REQUIRE(d.card);
    CHECK(d.card->rank_in_district == 20);
    CHECK(d.card->rank_in_type == 8);
    CHECK(d.type_mean("residential")->scored == 10);
    CHECK(d.quality_rank == 8);
    REQUIRE(d.card_rows.size() == 11);
    CHECK(d.card_rows[0].part == "dues");
    CHECK(*d.card_rows[0].contribution == doctest::Approx(14.55));
    CHECK(!d.card_rows[3].value);  // member development: excluded
    CHECK(d.card_rows[4].part == "base");
    CHECK(d.card_rows[5].part == "plan_level");
    CHECK(d.card_rows[5].type_mean.has_value());
    CHECK(d.card_rows[10].part == "autonomous");
    REQUIRE(d.card_rows[5].inputs.size() == 2);
    CHECK(svcorg::l10n::render(d.card_rows[5].inputs[1], svcorg::i18n::Lang::ZhCN) == "计划质量在同类10个中排第8");
    CHECK(svcorg::l10n::render(d.card_rows[5].inputs[1]) == "rank 8 of 10 of its type by plan quality");
    CHECK(d.card_rows[10].inputs.empty());
    REQUIRE(!d.card_needs.empty());
    CHECK(d.card_needs[0]->facts.need->id.v == "mly-2025-005");
    CHECK(d.card_needs[1]->facts.need->id.v == "mly-2025-014");  // open, not overdue
    REQUIRE(d.card_awards.size() == 1);
    CHECK(d.card_awards[0]->title.v == "协调推进美丽园小区多幢楼加装电梯");
    REQUIRE(!d.meetings.empty());
    for (const auto& m : d.meetings) CHECK(m.adherence.held <= 26);
  }

  TEST_CASE("2026 compares with 2025 scored by the same machinery") {
    const auto e = example(2026, "2026-11-26");
    const auto d = build(e, "district");
    REQUIRE(d.previous);
    CHECK(d.previous->year == 2025);
    CHECK(*d.previous->mean_total == doctest::Approx(88.77));
    CHECK(d.previous->branch_totals.at("meiliyuan") == doctest::Approx(85.26));
    CHECK(*d.previous->street_means.at("nanjingxi") == doctest::Approx(90.65));
    CHECK(d.attention.overdue.front().row->facts.need->id.v == "mly-2025-005");
    CHECK(d.attention.overdue.front().row->facts.carried_over);
    CHECK(d.attention.overdue.front().days_overdue == 569);
  }
}
