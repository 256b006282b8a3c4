// SPEC 6.4, working systems: platform adherence and the best platform of each category.
// Small districts written as YAML text (score_support.hpp), validated clean first; every
// expected value is computed by hand, the arithmetic in the comment next to it.
#include "score_support.hpp"

using namespace score_test;  // the helpers of score_support.hpp

TEST_SUITE("score::components") {
  TEST_CASE("6.4 adherence: window clipped by established and the as-of date") {
    const auto set = load({{"p.yaml", platform("c", "mly", "grassroots", "coordination", "weekly",
                                               "established: 2026-07-01\nmeetings:\n"
                                               "  - {date: 2026-07-01}\n  - {date: 2026-07-08}\n"
                                               "  - {date: 2026-07-15}\n  - {date: 2026-07-22}\n"
                                               "  - {date: 2026-07-29}\n  - {date: 2026-08-05}\n"
                                               "  - {date: 2026-08-12}\n  - {date: 2026-08-19}\n"
                                               "  - {date: 2026-08-26}\n  - {date: 2026-09-30}\n"
                                               "  - {date: 2026-10-15}\n")}});
    const auto a = sc::adherence(set.platforms.front(), {2026, day("2026-09-30")});
    CHECK_FALSE(a.window_empty);
    CHECK(a.from == day("2026-07-01"));  // max(Jan 1, established)
    CHECK(a.to == day("2026-09-30"));    // min(A, Dec 31)
    // Jul 1 … Sep 30 inclusive = 31 + 31 + 30 = 92 days; 2026 has 365.
    CHECK(a.fraction == Approx(92.0 / 365.0));
    CHECK(a.expected == Approx(52.0 * 92.0 / 365.0));  // weekly: 52 × 0.25205… = 13.1068…
    CHECK(a.held == 10);                               // 2026-10-15 is after A
    REQUIRE(a.value);
    CHECK(*a.value == Approx(10.0 / (52.0 * 92.0 / 365.0)));  // 10 / 13.1068… = 0.76296…
  }

  TEST_CASE("6.4 adherence: other windows") {
    const auto set =
        load({{"p.yaml", platform("leap", "mly", "grassroots", "information", "weekly",
                                  "established: 2024-12-31\nmeetings: [{date: 2024-12-31}]\n") +
                             "---\n" +
                             platform("old", "mly", "grassroots", "information", "monthly",
                                      "established: 2020-05-01\nmeetings: [{date: 2024-12-31}, {date: 2025-02-01}, "
                                      "{date: 2025-06-01}, {date: 2026-01-15}]\n") +
                             "---\n" +
                             platform("many", "mly", "grassroots", "information", "yearly",
                                      "meetings: [{date: 2025-02-01}, {date: 2025-03-01}, {date: 2025-04-01}]\n")}});
    const auto& leap = set.platforms[0];
    const auto& old = set.platforms[1];
    const auto& many = set.platforms[2];
    SUBCASE("a one-day window in a leap year") {
      const auto a = sc::adherence(leap, {2024, day("2024-12-31")});
      CHECK(a.fraction == Approx(1.0 / 366.0));   // 2024 has 366 days
      CHECK(a.expected == Approx(52.0 / 366.0));  // 0.1420…
      CHECK(a.held == 1);
      CHECK(*a.value == 1.0);  // min(1 / 0.142, 1)
    }
    SUBCASE("established before Y, A after Y: the whole year") {
      const auto a = sc::adherence(old, {2025, day("2026-03-01")});
      CHECK(a.from == day("2025-01-01"));
      CHECK(a.to == day("2025-12-31"));
      CHECK(a.fraction == Approx(1.0));  // 365 / 365
      CHECK(a.expected == Approx(12.0));
      CHECK(a.held == 2);                     // 2024-12-31 and 2026-01-15 are outside
      CHECK(*a.value == Approx(2.0 / 12.0));  // 0.1667
    }
    SUBCASE("more meetings than expected: capped at 1") {
      const auto a = sc::adherence(many, {2025, day("2025-12-31")});
      CHECK(a.held == 3);
      CHECK(*a.value == 1.0);  // min(3 / 1, 1)
    }
    SUBCASE("an empty window: excluded") {
      const auto a = sc::adherence(leap, {2023, day("2023-12-31")});  // established after Y
      CHECK(a.window_empty);
      CHECK_FALSE(a.value.has_value());
      const auto b = sc::adherence(old, {2026, day("2025-12-31")});  // A before Jan 1 of Y
      CHECK(b.window_empty);
      CHECK_FALSE(b.value.has_value());
    }
  }
}

TEST_SUITE("score::compute") {
  TEST_CASE("6.4 systems: best of owned and joined platforms, none → 0, window clipped") {
    Files files = {
        {"district.yaml", district()},
        {"branches/mly.yaml", branch("mly")},
        {"platforms/p.yaml",
         // information, as of 09-30: window Jan 1 … Sep 30 = 273 days.
         // owned, monthly: expected 12 × 273/365 = 8.9753, held 5 → 0.5571
         platform("mly-info", "mly", "grassroots", "information", "monthly",
                  "meetings: [{date: 2026-01-15}, {date: 2026-02-15}, {date: 2026-03-15}, {date: 2026-04-15}, "
                  "{date: 2026-05-15}]\n") +
             "---\n" +
             // joined, quarterly: expected 4 × 273/365 = 2.9918, held 2 → 0.6685 (the best)
             platform("njx-info", "nanjingxi", "superior", "information", "quarterly",
                      "participants: [mly]\nmeetings: [{date: 2026-02-15}, {date: 2026-05-15}]\n") +
             "---\n" +
             // not joined: would be 1, but the branch is not a participant
             platform("njx-info-x", "nanjingxi", "superior", "information", "yearly",
                      "participants: [街道办]\nmeetings: [{date: 2026-03-01}]\n") +
             "---\n" +
             // participation: established after A → empty window → none → 0
             platform("mly-part", "mly", "grassroots", "participation", "weekly", "established: 2026-10-01\n") +
             "---\n" +
             // coordination: window Jul 1 … Sep 30 = 92 days, expected 52 × 92/365 = 13.1068,
             // held 10 (10-15 is after A) → 0.76296
             platform("mly-coord", "mly", "horizontal", "coordination", "weekly",
                      "established: 2026-07-01\nmeetings: [{date: 2026-07-01}, {date: 2026-07-08}, {date: 2026-07-15}, "
                      "{date: 2026-07-22}, {date: 2026-07-29}, {date: 2026-08-05}, {date: 2026-08-12}, "
                      "{date: 2026-08-19}, {date: 2026-08-26}, {date: 2026-09-30}, {date: 2026-10-15}]\n")},
        {"plans/mly-2026.yaml", plan("mly", 2026,
                                     kFullBase + "items:\n" + item("i1", "culture") + item("i2", "housing") +
                                         item("i3", "health") + kFullReview)},
    };
    const auto s = score_files(files, "2026-09-30");
    const auto& b = s->get("mly");
    REQUIRE(b.systems_entries.size() == 3);
    const auto& info = b.systems_entries[0];
    const auto& part = b.systems_entries[1];
    const auto& coord = b.systems_entries[2];
    CHECK(info.category == "information");
    CHECK(info.candidates == std::vector<std::string>{"mly-info", "njx-info"});
    REQUIRE(info.best);
    CHECK(*info.best->platform->id == "njx-info");
    CHECK(info.value == Approx(2.0 / (4.0 * 273.0 / 365.0)));  // 730 / 1092 = 0.668498
    CHECK(part.category == "participation");
    CHECK(part.candidates == std::vector<std::string>{"mly-part"});
    CHECK_FALSE(part.best.has_value());
    CHECK(part.value == 0.0);
    CHECK(coord.category == "coordination");
    REQUIRE(coord.best);
    CHECK(coord.best->from == day("2026-07-01"));
    CHECK(coord.best->to == day("2026-09-30"));
    CHECK(coord.best->held == 10);
    CHECK(coord.best->expected == Approx(52.0 * 92.0 / 365.0));
    CHECK(coord.value == Approx(3650.0 / 4784.0));  // 10 × 365 / (52 × 92) = 0.762960
    // systems = 100 × (0.668498 + 0 + 0.762960) / 3 = 47.7153
    CHECK(component(b, "systems") == Approx(100.0 * (730.0 / 1092.0 + 0.0 + 3650.0 / 4784.0) / 3.0));
    CHECK(component(b, "systems") == Approx(47.71526782396347));
  }

  TEST_CASE("6.4 systems: excluded when the type requires none (District rules)") {
    // An organ branch: q = 1 (n = 1) → plan_level 100; execution 50 (every item half
    // done); effect 100; satisfaction 100.
    Files files = {
        {"district.yaml", district()},
        {"branches/og.yaml", branch("og", "organ")},
        {"needs/og-001.yaml", good_need("og-001", "og", "duty-performance")},
        {"plans/og-2026.yaml",
         plan("og", 2026,
              kFullBase + "items:\n" +
                  item("i1", "duty-performance", "needs: [og-001], target: {metric: 次, value: 3}, progress: 0.5") +
                  item("i2", "public-service", "needs: [og-001], target: {metric: 次, value: 3}, progress: 0.5") +
                  item("i3", "cadre-development", "needs: [og-001], target: {metric: 次, value: 3}, progress: 0.5") +
                  kFullReview)},
    };
    SUBCASE("required_platforms: [] → systems excluded, the rest renormalized") {
      files = vtest::with(files, "district.yaml", district("rules:\n  types:\n    organ: {required_platforms: []}\n"));
      const auto s = score_files(files);
      const auto& b = s->get("og");
      CHECK(b.systems_entries.empty());
      CHECK_FALSE(b.component("systems").has_value());
      CHECK(component(b, "execution") == Approx(50.0));
      // (0.2×100 + 0.2×50 + 0.25×100 + 0.2×100) / (0.2 + 0.2 + 0.25 + 0.2) = 75 / 0.85 = 88.2353
      CHECK(b.autonomous == Approx(75.0 / 0.85));
      CHECK(sc::share(b.components, "effect") == Approx(0.25 / 0.85));
      CHECK(sc::share(b.components, "systems") == 0.0);
      CHECK(b.total == 92.94);  // 40 + 0.6 × 88.2353 = 92.9412
    }
    SUBCASE("the default organ rules require information and liaison: none → 0") {
      const auto s = score_files(files);
      const auto& b = s->get("og");
      REQUIRE(b.systems_entries.size() == 2);
      CHECK(component(b, "systems") == 0.0);
      // 20 + 10 + 25 + 0.15 × 0 + 20 = 75; total = 40 + 0.6 × 75 = 85
      CHECK(b.autonomous == Approx(75.0));
      CHECK(b.total == 85.0);
    }
  }
}
