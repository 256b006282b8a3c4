// The scoring model (SPEC 6.7) and the arithmetic every formula shares (SPEC 6):
// weighted means with exclusion, shares, rounding, grades. Expected values are computed
// by hand; the arithmetic is in the comment next to each.
#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "support.hpp"
#include "svcorg/diag/diagnostic.hpp"
#include "svcorg/l10n/catalogue.hpp"
#include "svcorg/load/loader.hpp"
#include "svcorg/score/model.hpp"
#include "tree_builder.hpp"

namespace sc = svcorg::score;
using doctest::Approx;
using sc::Part;

namespace {

// The effective model of a District whose `scoring:` is `scoring_yaml` (a block
// mapping, indented by two spaces), loaded the way the loader keeps it.
sc::Model model_with(const std::string& scoring_yaml) {
  const std::string text = tree::district().set("scoring", "\n" + scoring_yaml).text();
  svcorg::model::RecordSet set;
  svcorg::diag::Sink sink;
  svcorg::load::load_bytes("district.yaml", text, set, sink);
  for (const auto& d : sink.items()) FAIL_CHECK(svcorg::l10n::render(d.message));
  REQUIRE(set.districts.size() == 1);
  REQUIRE(set.districts.front().scoring);
  return sc::effective_model(set.districts.front().scoring.get());
}

std::vector<std::string> names(const sc::Weights& w) {
  std::vector<std::string> out;
  for (const auto& [name, weight] : w) out.push_back(name);
  return out;
}

}  // namespace

TEST_SUITE("score::model") {
  TEST_CASE("weighted_mean over the defined parts (SPEC 6 principle)") {
    SUBCASE("every part defined") {
      // (0.3×90 + 0.2×0 + 0.3×50 + 0.2×75) / (0.3+0.2+0.3+0.2) = (27 + 0 + 15 + 15) / 1 = 57
      const std::vector<Part> parts = {{"dues", 0.3, 90.0},
                                       {"statistics", 0.2, 0.0},
                                       {"organizational_life", 0.3, 50.0},
                                       {"member_development", 0.2, 75.0}};
      REQUIRE(sc::weighted_mean(parts));
      CHECK(*sc::weighted_mean(parts) == Approx(57.0));
    }
    SUBCASE("an excluded part: its weight is shared out among the rest") {
      // (27 + 0 + 15) / (0.3+0.2+0.3) = 42 / 0.8 = 52.5
      const std::vector<Part> parts = {{"dues", 0.3, 90.0},
                                       {"statistics", 0.2, 0.0},
                                       {"organizational_life", 0.3, 50.0},
                                       {"member_development", 0.2, std::nullopt}};
      CHECK(*sc::weighted_mean(parts) == Approx(52.5));
    }
    SUBCASE("no defined member: the group is excluded") {
      const std::vector<Part> parts = {{"members", 0.4, std::nullopt}, {"public", 0.6, std::nullopt}};
      CHECK_FALSE(sc::weighted_mean(parts).has_value());
      CHECK_FALSE(sc::weighted_mean({}).has_value());
    }
    SUBCASE("defined members that all weigh 0: the group is 0") {
      // defined: a (w 0, 80), b (w 0, 40); c (w 1) is excluded → Σw of the defined = 0 → 0
      const std::vector<Part> parts = {{"a", 0.0, 80.0}, {"b", 0.0, 40.0}, {"c", 1.0, std::nullopt}};
      REQUIRE(sc::weighted_mean(parts).has_value());
      CHECK(*sc::weighted_mean(parts) == 0.0);
    }
    SUBCASE("a zero-weight defined part counts nothing") {
      // (0×100 + 1×40) / (0 + 1) = 40
      const std::vector<Part> parts = {{"a", 0.0, 100.0}, {"b", 1.0, 40.0}};
      CHECK(*sc::weighted_mean(parts) == Approx(40.0));
    }
  }

  TEST_CASE("share: each defined part's weight over the defined weights") {
    const std::vector<Part> parts = {{"dues", 0.3, 90.0},
                                     {"statistics", 0.2, 0.0},
                                     {"organizational_life", 0.3, 50.0},
                                     {"member_development", 0.2, std::nullopt}};
    CHECK(sc::share(parts, "dues") == Approx(0.375));                 // 0.3 / 0.8
    CHECK(sc::share(parts, "statistics") == Approx(0.25));            // 0.2 / 0.8
    CHECK(sc::share(parts, "organizational_life") == Approx(0.375));  // 0.3 / 0.8
    CHECK(sc::share(parts, "member_development") == 0.0);             // excluded
    CHECK(sc::share(parts, "nothing") == 0.0);
    // Σ share × value = weighted mean: 0.375×90 + 0.25×0 + 0.375×50 = 33.75 + 18.75 = 52.5
    double sum = 0;
    for (const auto& p : parts)
      if (p.value) sum += sc::share(parts, p.name) * *p.value;
    CHECK(sum == Approx(52.5));
    const std::vector<Part> zero = {{"a", 0.0, 10.0}, {"b", 0.0, 20.0}};
    CHECK(sc::share(zero, "a") == 0.0);               // Σ defined weights = 0
    CHECK(sc::defined_weight(parts) == Approx(0.8));  // what --explain says each weight is divided by
    CHECK(sc::defined_weight(zero) == 0.0);
    CHECK(sc::defined_weight({{"a", 0.5, std::nullopt}}) == 0.0);
  }

  TEST_CASE("round_to is C's round: half away from zero") {
    // Binary-exact halves, so the tie is real: 0.125×100 = 12.5 → 13 (half-to-even: 12).
    CHECK(sc::round_to(0.125, 2) == 0.13);
    CHECK(sc::round_to(-0.125, 2) == -0.13);
    CHECK(sc::round_to(94.125, 2) == 94.13);  // 9412.5 → 9413
    CHECK(sc::round_to(0.375, 2) == 0.38);    // 37.5 → 38
    CHECK(sc::round_to(2.5, 0) == 3.0);
    CHECK(sc::round_to(-2.5, 0) == -3.0);
    CHECK(sc::round_to(0.03125, 4) == 0.0313);  // 312.5 → 313
    CHECK(sc::round_to(2.0 / 3.0, 4) == 0.6667);
    CHECK(sc::round_to(89.996, 2) == 90.0);
    CHECK(sc::round_to(89.994, 2) == 89.99);
  }

  TEST_CASE("the built-in model is SPEC 6") {
    const sc::Model m = sc::effective_model(nullptr);
    CHECK(m.base_weight_default == 0.4);
    CHECK(m.base_weight_by_year.empty());
    CHECK(m.base_weight(2026) == 0.4);
    CHECK(names(m.base) == std::vector<std::string>{"dues", "statistics", "organizational_life", "member_development"});
    CHECK(m.weight(m.base, "dues") == 0.3);
    CHECK(m.weight(m.base, "statistics") == 0.2);
    CHECK(m.weight(m.base, "organizational_life") == 0.3);
    CHECK(m.weight(m.base, "member_development") == 0.2);
    CHECK(names(m.autonomous) ==
          std::vector<std::string>{"plan_level", "execution", "effect", "systems", "satisfaction"});
    CHECK(m.weight(m.autonomous, "plan_level") == 0.2);
    CHECK(m.weight(m.autonomous, "execution") == 0.2);
    CHECK(m.weight(m.autonomous, "effect") == 0.25);
    CHECK(m.weight(m.autonomous, "systems") == 0.15);
    CHECK(m.weight(m.autonomous, "satisfaction") == 0.2);
    CHECK(m.weight(m.plan_level, "absolute") == 0.5);
    CHECK(m.weight(m.plan_level, "relative") == 0.5);
    for (const char* q : {"linked", "measurable", "breadth", "coverage"}) CHECK(m.weight(m.quality, q) == 1.0);
    CHECK(m.weight(m.effect, "resolution") == 0.4);
    CHECK(m.weight(m.effect, "on_time_resolution") == 0.3);
    CHECK(m.weight(m.effect, "response_on_time") == 0.2);
    CHECK(m.weight(m.effect, "feedback_satisfied") == 0.1);
    CHECK(m.weight(m.satisfaction, "members") == 0.4);
    CHECK(m.weight(m.satisfaction, "public") == 0.6);
    CHECK(m.award_points == 2.0);
    CHECK(m.award_cap == 5.0);
    CHECK(m.grade_excellent == 90.0);
    CHECK(m.grade_good == 75.0);
    CHECK(m.grade_fair == 60.0);
  }

  TEST_CASE("grades at the boundaries (SPEC 6.6: excellent ≥ 90, good ≥ 75, fair ≥ 60)") {
    const sc::Model m = sc::effective_model(nullptr);
    CHECK(m.grade(100.0) == "excellent");
    CHECK(m.grade(90.0) == "excellent");
    CHECK(m.grade(89.99) == "good");
    CHECK(m.grade(75.0) == "good");
    CHECK(m.grade(74.99) == "fair");
    CHECK(m.grade(60.0) == "fair");
    CHECK(m.grade(59.99) == "poor");
    CHECK(m.grade(0.0) == "poor");
  }

  TEST_CASE("District overrides merge over the defaults, group by group (SPEC 6.7)") {
    SUBCASE("base_weight.by_year wins for its year; the default elsewhere") {
      const sc::Model m = model_with("  base_weight: {by_year: {2026: 0.35, 2027: 0.3}}\n");
      CHECK(m.base_weight_default == 0.4);  // not overridden: the built-in default stays
      CHECK(m.base_weight(2025) == 0.4);
      CHECK(m.base_weight(2026) == 0.35);
      CHECK(m.base_weight(2027) == 0.3);
    }
    SUBCASE("a new default, no by_year") {
      const sc::Model m = model_with("  base_weight: {default: 0.5}\n");
      CHECK(m.base_weight(2026) == 0.5);
    }
    SUBCASE("a partial group keeps the other weights") {
      const sc::Model m = model_with("  autonomous: {systems: 0}\n  effect: {feedback_satisfied: 0.5}\n");
      CHECK(names(m.autonomous) ==
            std::vector<std::string>{"plan_level", "execution", "effect", "systems", "satisfaction"});
      CHECK(m.weight(m.autonomous, "systems") == 0.0);
      CHECK(m.weight(m.autonomous, "plan_level") == 0.2);
      CHECK(m.weight(m.autonomous, "effect") == 0.25);
      CHECK(m.weight(m.effect, "feedback_satisfied") == 0.5);
      CHECK(m.weight(m.effect, "resolution") == 0.4);
      // Untouched groups are the built-in ones.
      CHECK(m.weight(m.base, "dues") == 0.3);
      CHECK(m.base_weight(2026) == 0.4);
    }
    SUBCASE("a group whose weights all end up 0 is a schema error; so is a negative weight") {
      auto findings = [](const std::string& scoring) {
        svcorg::model::RecordSet set;
        svcorg::diag::Sink sink;
        svcorg::load::load_bytes("district.yaml", tree::district().set("scoring", "\n" + scoring).text(), set, sink);
        std::vector<std::string> rules;
        for (const auto& d : sink.items()) rules.push_back(d.rule);
        return rules;
      };
      CHECK(findings("  satisfaction: {members: 0, public: 0}\n") == std::vector<std::string>{"schema"});
      CHECK(findings("  satisfaction: {members: 0}\n").empty());  // public keeps 0.6
      CHECK(findings("  effect: {resolution: -0.1}\n") == std::vector<std::string>{"schema"});
    }
    SUBCASE("awards and grades") {
      const sc::Model m = model_with("  awards: {points: 3}\n  grades: {excellent: 95}\n");
      CHECK(m.award_points == 3.0);
      CHECK(m.award_cap == 5.0);  // kept
      CHECK(m.grade(94.99) == "good");
      CHECK(m.grade(95.0) == "excellent");
      CHECK(m.grade(75.0) == "good");  // kept
    }
  }
}
