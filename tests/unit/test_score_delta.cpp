// Score deltas without git or files: score::compare (statuses, signs, order, removed
// branches), score::parse_baseline (what is not a score JSON), and the renderings.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <tuple>
#include <vector>

#include "svcorg/l10n/catalogue.hpp"
#include "svcorg/render/delta.hpp"
#include "svcorg/score/delta.hpp"

using namespace svcorg;

namespace {

struct Fixture {
  std::vector<model::Branch> branches;
  std::vector<model::Plan> plans;
  score::Result result;

  // Branches by total descending, as score::compute orders them.
  Fixture(const std::vector<std::tuple<std::string, std::string, double, std::string, int>>& rows) {
    branches.reserve(rows.size());
    plans.reserve(rows.size());
    result.year = 2026;
    result.as_of = *util::Date::parse("2026-12-31");
    for (const auto& [id, name, total, grade, rank] : rows) {
      branches.emplace_back();
      branches.back().id.set(id, {});
      branches.back().name.set(name, {});
      plans.emplace_back();
      plans.back().id.set(id + "-2026", {});
      score::BranchScore s;
      s.branch = &branches.back();
      s.plan = &plans.back();
      s.total = total;
      s.grade = grade;
      s.rank_in_district = rank;
      result.branches.push_back(s);
    }
  }
  std::vector<const score::BranchScore*> shown() const {
    std::vector<const score::BranchScore*> out;
    for (const auto& s : result.branches) out.push_back(&s);
    return out;
  }
};

score::Baseline baseline() {
  return {"base.json",
          2026,
          "2026-06-30",
          {{"b", "支部b", "residential", "s1", 80.0, "good", 1},
           {"a", "支部a", "residential", "s1", 70.5, "fair", 2},
           {"z", "支部z", "organ", "s2", 60.0, "fair", 3},
           {"y", "支部y", "organ", "s1", 50.0, "poor", 4}}};
}

auto all = [](const score::BaselineBranch&) { return true; };

}  // namespace

TEST_SUITE("score delta: compare") {
  TEST_CASE("statuses, signs and order") {
    const Fixture f({{"a", "支部a", 90.25, "excellent", 1},
                     {"b", "支部b", 80.0, "good", 2},
                     {"n", "新", 75.0, "good", 3},
                     {"c", "支部c", 60.0, "fair", 4}});
    auto base = baseline();
    base.branches.push_back({"c", "支部c", "residential", "s1", 60.0, "fair", 4});
    const score::Deltas d = score::compare(f.result, f.shown(), base, all);
    REQUIRE(d.rows.size() == 6);
    CHECK(d.baseline_source == "base.json");
    CHECK(d.baseline_as_of == "2026-06-30");
    CHECK(d.rows[0].id == "a");
    CHECK(d.rows[0].status == score::DeltaStatus::Changed);
    CHECK(*d.rows[0].delta == doctest::Approx(19.75));
    CHECK(*d.rows[0].rank_delta == 1);  // 2 → 1: one place gained
    CHECK(d.rows[1].id == "b");
    CHECK(*d.rows[1].rank_delta == -1);
    CHECK(*d.rows[1].delta == 0);
    CHECK(d.rows[1].status == score::DeltaStatus::Changed);  // the rank moved
    CHECK(d.rows[2].status == score::DeltaStatus::New);
    CHECK_FALSE(d.rows[2].baseline_total);
    CHECK(d.rows[3].status == score::DeltaStatus::Unchanged);
    // Removed ones last, by id.
    CHECK(d.rows[4].id == "y");
    CHECK(d.rows[5].id == "z");
    CHECK(d.rows[5].status == score::DeltaStatus::Removed);
    CHECK_FALSE(d.rows[5].total);
    CHECK(*d.rows[5].baseline_rank == 3);
  }

  TEST_CASE("removed branches follow the filter, shown ones follow the selection") {
    const Fixture f({{"a", "支部a", 70.5, "fair", 1}, {"b", "支部b", 80.0, "good", 2}});
    std::vector<const score::BranchScore*> only_a = {&f.result.branches[0]};
    const auto d = score::compare(f.result, only_a, baseline(),
                                  [](const score::BaselineBranch& b) { return b.type == "organ" && b.street == "s2"; });
    REQUIRE(d.rows.size() == 2);
    CHECK(d.rows[0].id == "a");
    CHECK(d.rows[0].status == score::DeltaStatus::Changed);  // rank 2 → 1
    CHECK(d.rows[1].id == "z");
  }
}

TEST_SUITE("score delta: parse_baseline") {
  TEST_CASE("a score JSON is read, anything else says why not") {
    const auto ok = score::parse_baseline(
        R"({"format": 1, "year": 2026, "as_of": "2026-06-30", "base_weight": 0.4, "branches": [
             {"id": "a", "name": "支部a", "type": "organ", "street": "s", "total": 88, "grade": "good",
              "rank_in_district": 1, "extra": true}], "unscored": []})",
        "f.json");
    REQUIRE(ok);
    CHECK(ok->year == 2026);
    CHECK(ok->as_of == "2026-06-30");
    REQUIRE(ok->branches.size() == 1);
    CHECK(ok->branches[0].total == 88.0);
    CHECK(ok->branches[0].rank == 1);

    struct Bad {
      const char* text;
      const char* why;
    };
    for (const Bad& b :
         {Bad{"", "it is not JSON"}, Bad{"[1]", "it is not a JSON object"},
          Bad{R"({"year": 2026})", "`format` is not 1"}, Bad{R"({"format": "1"})", "`format` is not 1"},
          Bad{R"({"format": 2, "year": 2026, "as_of": "2026-06-30", "branches": []})", "`format` is not 1"},
          Bad{R"({"format": 1, "year": 2026, "as_of": "June", "branches": []})", "`as_of` is not a date"},
          Bad{R"({"format": 1, "year": 2026, "as_of": "2026-06-30"})", "`branches` is not a list"},
          Bad{R"({"format": 1, "year": 2026, "as_of": "2026-06-30", "branches": [{"id": "a"}]})",
              "branches[0].`name` is not text"},
          Bad{R"({"format": 1, "year": 2026, "as_of": "2026-06-30", "branches": [7]})",
              "branches[0] is not an object"}}) {
      CAPTURE(b.text);
      const auto bad = score::parse_baseline(b.text, "f.json");
      REQUIRE_FALSE(bad);
      CHECK(svcorg::l10n::render(bad.error()) == b.why);
    }
    const auto bad = score::parse_baseline(
        R"({"format": 1, "year": 2026, "as_of": "2026-06-30", "branches": [{"id": 7}]})", "f.json");
    REQUIRE_FALSE(bad);
    CHECK(svcorg::l10n::render(bad.error(), svcorg::i18n::Lang::ZhCN) == "branches[0].`id` 不是文本");
  }
}

TEST_SUITE("score delta: renderings") {
  TEST_CASE("JSON, table and Markdown of the same deltas") {
    const Fixture f({{"a", "a|b <b>x</b>", 90.25, "excellent", 1}, {"b", "支部b", 79.0, "good", 2}});
    const auto d = score::compare(f.result, f.shown(), baseline(), all);

    const auto j = nlohmann::json::parse(render::delta_json(d));
    CHECK(j["baseline"]["source"] == "base.json");
    CHECK(j["branches"][0]["delta"] == 19.75);
    CHECK(j["branches"][1]["delta"] == -1.0);
    CHECK(j["branches"][2]["status"] == "removed");
    CHECK(j["branches"][2]["total"].is_null());
    CHECK(j["branches"][2]["rank_delta"].is_null());

    const std::string table = render::delta_table(d, svcorg::i18n::Lang::En);
    CHECK(table.find("▲ +19.75") != std::string::npos);
    CHECK(table.find("▼ -1.00") != std::string::npos);
    CHECK(table.find("fair → excellent") != std::string::npos);
    CHECK(table.find("1 → 2 ▼1") != std::string::npos);
    CHECK(table.find("2 changed, 0 unchanged, 0 new, 2 removed") != std::string::npos);

    const std::string md = render::delta_markdown(d, svcorg::i18n::Lang::En);
    CHECK(
        md.find("| a\\|b \\<b\\>x\\</b\\> | a | 70.50 | 90.25 | ▲ +19.75 | fair → excellent | 2 → 1 ▲1 | changed |") !=
        std::string::npos);
    CHECK(md.find("| 支部z | z | 60.00 | — | — | fair → — | 3 → — | removed |") != std::string::npos);
    CHECK(md.find("Compared with base.json (2026 as of 2026-06-30)") != std::string::npos);

    score::Deltas empty = d;
    empty.rows.clear();
    CHECK(render::delta_markdown(empty, svcorg::i18n::Lang::En).find("No scored branch to compare.") !=
          std::string::npos);
  }
}
