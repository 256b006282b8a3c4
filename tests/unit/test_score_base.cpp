// SPEC 6.1, the base part: dues, statistics, organizational life and member development.
// Small districts written as YAML text (score_support.hpp), validated clean first; every
// expected value is computed by hand, the arithmetic in the comment next to it.
#include "score_support.hpp"

using namespace score_test;  // the helpers of score_support.hpp

TEST_SUITE("score::components") {
  TEST_CASE("6.1 base: each part") {
    const auto parts = base_of(
        "base: {dues_paid_rate: 0.9, statistics_on_time: false, organizational_life: 6, "
        "member_development: {planned: 4, developed: 3}}\n");
    std::vector<std::string> names;
    for (const auto& p : parts) names.push_back(p.name);
    CHECK(names == std::vector<std::string>{"dues", "statistics", "organizational_life", "member_development"});
    CHECK(*value(parts, "dues") == Approx(90.0));                 // 100 × 0.9
    CHECK(*value(parts, "statistics") == 0.0);                    // statistics_on_time false
    CHECK(*value(parts, "organizational_life") == Approx(50.0));  // 100 × min(6 / 12, 1)
    CHECK(*value(parts, "member_development") == Approx(75.0));   // 100 × min(3 / 4, 1)
    // 0.3×90 + 0.2×0 + 0.3×50 + 0.2×75 = 27 + 0 + 15 + 15 = 57
    CHECK(*sc::weighted_mean(parts) == Approx(57.0));
  }

  TEST_CASE("6.1 base: member_development excluded when absent or planned = 0") {
    SUBCASE("absent") {
      const auto parts = base_of("base: {dues_paid_rate: 0.9, statistics_on_time: false, organizational_life: 6}\n");
      CHECK_FALSE(value(parts, "member_development").has_value());
      // (27 + 0 + 15) / (0.3 + 0.2 + 0.3) = 42 / 0.8 = 52.5
      CHECK(*sc::weighted_mean(parts) == Approx(52.5));
    }
    SUBCASE("planned = 0") {
      const auto parts = base_of(
          "base: {dues_paid_rate: 0.9, statistics_on_time: false, organizational_life: 6, "
          "member_development: {planned: 0, developed: 1}}\n");
      CHECK_FALSE(value(parts, "member_development").has_value());
      CHECK(*sc::weighted_mean(parts) == Approx(52.5));  // as above
    }
  }

  TEST_CASE("6.1 base: organizational_life and member_development are capped at 100") {
    const auto parts = base_of(
        "base: {dues_paid_rate: 1, statistics_on_time: true, organizational_life: 30, "
        "member_development: {planned: 4, developed: 5}}\n");
    CHECK(*value(parts, "dues") == Approx(100.0));
    CHECK(*value(parts, "statistics") == 100.0);
    CHECK(*value(parts, "organizational_life") == Approx(100.0));  // 100 × min(30/12 = 2.5, 1)
    CHECK(*value(parts, "member_development") == Approx(100.0));   // 100 × min(5/4, 1)
    CHECK(*sc::weighted_mean(parts) == Approx(100.0));
    // Against the type's own organizational_life_per_year: 100 × min(6 / 8, 1) = 75.
    const auto eight = base_of("base: {dues_paid_rate: 1, statistics_on_time: true, organizational_life: 6}\n", 8);
    CHECK(*value(eight, "organizational_life") == Approx(75.0));
  }
}

TEST_SUITE("score::compute") {
  TEST_CASE("6.1 base through compute") {
    auto files = perfect();
    // dues 90, statistics late, organizational life 6 of 12, development 3 of 4.
    const std::string plan_text = plan("mly", 2026,
                                       "base: {dues_paid_rate: 0.9, statistics_on_time: false, organizational_life: 6, "
                                       "member_development: {planned: 4, developed: 3}}\n" +
                                           full_items() + kFullReview);
    SUBCASE("every part") {
      files = vtest::with(files, "plans/mly-2026.yaml", plan_text);
      const auto s = score_files(files);
      const auto& b = s->get("mly");
      CHECK(b.base == Approx(57.0));  // 0.3×90 + 0.2×0 + 0.3×50 + 0.2×75
      CHECK(b.total == 82.8);         // 0.4 × 57 + 0.6 × 100 = 22.8 + 60
      CHECK(b.grade == "good");
    }
    SUBCASE("the type's organizational_life_per_year from the District's rules") {
      files = vtest::with(files, "district.yaml",
                          district("rules:\n  types:\n    residential: {organizational_life_per_year: 6}\n"));
      files = vtest::with(files, "plans/mly-2026.yaml", plan_text);
      const auto s = score_files(files);
      const auto& b = s->get("mly");
      CHECK(*value(b.base_parts, "organizational_life") == Approx(100.0));  // 100 × min(6/6, 1)
      CHECK(b.base == Approx(72.0));                                        // 27 + 0 + 0.3×100 + 15
      CHECK(b.total == 88.8);                                               // 0.4 × 72 + 60 = 28.8 + 60
    }
  }
}
