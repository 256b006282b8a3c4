// SPEC 6.6, the total: β, the awards bonus, rounding, grades and ranks.
// Small districts written as YAML text (score_support.hpp), validated clean first; every
// expected value is computed by hand, the arithmetic in the comment next to it.
#include "score_support.hpp"

using namespace score_test;  // the helpers of score_support.hpp

TEST_SUITE("score::compute") {
  TEST_CASE("6.6 bonus: 2 points per approved award, cap 5, total capped at 100") {
    SUBCASE("3 approved awards: min(5, 3 × 2) = 5; total min(100, 100 + 5) = 100") {
      const auto s = score_files(vtest::with(perfect(), "plans/mly-2026.yaml",
                                             plan("mly", 2026,
                                                  kFullBase + full_items() + kFullReview +
                                                      "  awards:\n"
                                                      "    - {kind: stability-incident, title: 平安, approved: true}\n"
                                                      "    - {kind: complex-conflict, title: 调解, approved: true}\n"
                                                      "    - {kind: hard-problem, title: 电梯, approved: true}\n")));
      const auto& b = s->get("mly");
      CHECK(b.approved_awards == 3);
      CHECK(b.bonus == 5.0);
      CHECK(b.total_unrounded == 100.0);
      CHECK(b.total == 100.0);
    }
    SUBCASE("an unapproved award counts nothing: 2 × 2 = 4") {
      const auto s =
          score_files(vtest::with(perfect(), "plans/mly-2026.yaml",
                                  plan("mly", 2026,
                                       "base: {dues_paid_rate: 0.9, statistics_on_time: false, organizational_life: 6, "
                                       "member_development: {planned: 4, developed: 3}}\n" +
                                           full_items() + kFullReview +
                                           "  awards:\n"
                                           "    - {kind: stability-incident, title: 平安, approved: true}\n"
                                           "    - {kind: complex-conflict, title: 调解, approved: false}\n"
                                           "    - {kind: hard-problem, title: 电梯, approved: true}\n")));
      const auto& b = s->get("mly");
      CHECK(b.approved_awards == 2);
      CHECK(b.bonus == 4.0);
      CHECK(b.total == 86.8);  // 0.4 × 57 + 0.6 × 100 + 4 = 22.8 + 60 + 4
    }
  }

  TEST_CASE("6.6 total: rounded half away from zero") {
    // β = 0.5, equal weights, awards worth 0.375: every step is exact in binary.
    const auto files = vtest::with(
        vtest::with(perfect(), "district.yaml",
                    district("scoring:\n  base_weight: {default: 0.5}\n"
                             "  base: {dues: 1, statistics: 1, organizational_life: 1, member_development: 1}\n"
                             "  autonomous: {plan_level: 1, execution: 1, effect: 1, systems: 1, satisfaction: 1}\n"
                             "  awards: {points: 0.375}\n")),
        "plans/mly-2026.yaml",
        plan("mly", 2026,
             "base: {dues_paid_rate: 0.5, statistics_on_time: true, organizational_life: 12, "
             "member_development: {planned: 2, developed: 2}}\n" +
                 full_items() + kFullReview + "  awards: [{kind: hard-problem, title: 电梯, approved: true}]\n"));
    const auto s = score_files(files);
    const auto& b = s->get("mly");
    CHECK(b.base == 87.5);         // (50 + 100 + 100 + 100) / 4
    CHECK(b.autonomous == 100.0);  // 500 / 5
    CHECK(b.bonus == 0.375);       // min(5, 0.375 × 1)
    // 0.5 × 87.5 + 0.5 × 100 + 0.375 = 43.75 + 50 + 0.375 = 94.125 → 9412.5 → 9413 (not 9412)
    CHECK(b.total_unrounded == 94.125);
    CHECK(b.total == 94.13);
  }

  TEST_CASE("6.6 grades at the boundaries, on the rounded total") {
    // β = 1 and base = dues alone: total = 100 × dues_paid_rate.
    Files files = {{"district.yaml",
                    district("scoring:\n  base_weight: {default: 1}\n"
                             "  base: {dues: 1, statistics: 0, organizational_life: 0, member_development: 0}\n")}};
    const std::vector<std::pair<std::string, std::string>> dues = {
        {"g90", "0.9"},      {"g8999", "0.8999"}, {"g89996", "0.89996"}, {"g75", "0.75"},
        {"g7499", "0.7499"}, {"g60", "0.6"},      {"g5999", "0.5999"}};
    for (const auto& [id, rate] : dues) {
      files.emplace_back("branches/" + id + ".yaml", branch(id));
      files.emplace_back(
          "plans/" + id + ".yaml",
          plan(id, 2026,
               "base: {dues_paid_rate: " + rate + ", statistics_on_time: true, organizational_life: 12}\nitems: []\n"));
    }
    const auto s = score_files(files);
    CHECK(s->get("g90").total == 90.0);  // 100 × 0.9
    CHECK(s->get("g90").grade == "excellent");
    CHECK(s->get("g8999").total == 89.99);
    CHECK(s->get("g8999").grade == "good");
    CHECK(s->get("g89996").total_unrounded == Approx(89.996));
    CHECK(s->get("g89996").total == 90.0);  // 89.996 → 90.00: graded excellent
    CHECK(s->get("g89996").grade == "excellent");
    CHECK(s->get("g75").total == 75.0);
    CHECK(s->get("g75").grade == "good");
    CHECK(s->get("g7499").total == 74.99);
    CHECK(s->get("g7499").grade == "fair");
    CHECK(s->get("g60").total == 60.0);
    CHECK(s->get("g60").grade == "fair");
    CHECK(s->get("g5999").total == 59.99);
    CHECK(s->get("g5999").grade == "poor");
  }

  TEST_CASE("6.6 ranks: competition ranking on the rounded total, in the district and the type") {
    // β = 1 and base = dues alone: total = 100 × dues_paid_rate.
    const auto s = score_files(tree::ranked_district());
    // totals: top 95, org 92, alpha 90, zeta 90.004 → 90.00, low 85.
    CHECK(s->get("zeta").total_unrounded == Approx(90.004));
    CHECK(s->get("zeta").total == 90.0);
    // By total descending, then id: alpha before zeta although zeta's unrounded total is higher.
    CHECK(branch_ids(s->result) == std::vector<std::string>{"top", "org", "alpha", "zeta", "low"});
    // District: 95, 92, 90, 90, 85 → 1 2 3 3 5.
    CHECK(s->get("top").rank_in_district == 1);
    CHECK(s->get("org").rank_in_district == 2);
    CHECK(s->get("alpha").rank_in_district == 3);
    CHECK(s->get("zeta").rank_in_district == 3);
    CHECK(s->get("low").rank_in_district == 5);
    // Residential: 95, 90, 90, 85 → 1 2 2 4; organ: 92 → 1.
    CHECK(s->get("top").rank_in_type == 1);
    CHECK(s->get("alpha").rank_in_type == 2);
    CHECK(s->get("zeta").rank_in_type == 2);
    CHECK(s->get("low").rank_in_type == 4);
    CHECK(s->get("org").rank_in_type == 1);
    // Roll-ups (6.8) average the rounded totals.
    REQUIRE(s->result.streets.size() == 2);
    CHECK(s->result.streets[0].id == "nanjingxi");
    CHECK(*s->result.streets[0].mean_total == Approx(92.5));  // (95 + 90) / 2
    CHECK(s->result.streets[1].id == "caojiadu");
    CHECK(*s->result.streets[1].mean_total == Approx(89.0));  // (92 + 90 + 85) / 3
    CHECK(*s->result.district.mean_total == Approx(90.4));    // 452 / 5
  }

  TEST_CASE("6.6 base_weight: by_year for Y, else the default") {
    const std::string body =
        "base: {dues_paid_rate: 0.9, statistics_on_time: false, organizational_life: 6, "
        "member_development: {planned: 4, developed: 3}}\n" +
        full_items() + kFullReview;
    auto files = vtest::with(perfect(), "plans/mly-2026.yaml", plan("mly", 2026, body));
    SUBCASE("by_year names Y") {
      files = vtest::with(files, "district.yaml",
                          district("scoring:\n  base_weight: {default: 0.5, by_year: {2026: 0.25}}\n"));
      const auto s = score_files(files);
      CHECK(s->result.base_weight == 0.25);
      CHECK(s->get("mly").beta == 0.25);
      CHECK(s->get("mly").total == 89.25);  // 0.25 × 57 + 0.75 × 100 = 14.25 + 75
    }
    SUBCASE("by_year names another year") {
      files = vtest::with(files, "district.yaml",
                          district("scoring:\n  base_weight: {default: 0.5, by_year: {2025: 0.25}}\n"));
      const auto s = score_files(files);
      CHECK(s->result.base_weight == 0.5);
      CHECK(s->get("mly").total == 78.5);  // 0.5 × 57 + 0.5 × 100 = 28.5 + 50
    }
  }
}
