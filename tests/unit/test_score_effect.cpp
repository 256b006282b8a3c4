// SPEC 6.5, effect: the ledger's rates, renormalized over the defined ones.
// Small districts written as YAML text (score_support.hpp), validated clean first; every
// expected value is computed by hand, the arithmetic in the comment next to it.
#include "score_support.hpp"

using namespace score_test;  // the helpers of score_support.hpp

TEST_SUITE("score::components") {
  TEST_CASE("6.5 effect: needs but no defined rate → excluded parts, 0") {
    // Unreachable through valid records (a non-declined need defines resolution_rate, a
    // declined one has a response), so the parts are checked directly.
    svcorg::ledger::Metrics m;
    m.received = 2;
    const auto parts = sc::effect_parts(m, sc::effective_model(nullptr));
    REQUIRE(parts.size() == 4);
    for (const auto& p : parts) CHECK_FALSE(p.value.has_value());
    CHECK_FALSE(sc::weighted_mean(parts).has_value());
  }
}

TEST_SUITE("score::compute") {
  TEST_CASE("6.5 effect: a branch with no need received in Y but one carried over (rev 2)") {
    // mly-001 (layer street): received 2025-11-01, assessed the next day, in progress
    // 2025-11-10, resolved 2026-02-01, rated 5. Open on 2026-01-01: carried over into 2026.
    // due = 2025-11-01 + 30 = 2025-12-01 < 2026-02-01: resolved late.
    const auto files = vtest::with(perfect(), "needs/mly-001.yaml",
                                   need("mly-001", "mly", "elderly-care",
                                        {{"2025-11-01", "received"},
                                         {"2025-11-02", "assessed"},
                                         {"2025-11-10", "in-progress"},
                                         {"2026-02-01", "resolved"}},
                                        "feedback: {satisfaction: 5}\n"));
    const auto s = score_files(files);
    const auto& b = s->get("mly");
    CHECK(b.needs.received == 0);
    CHECK(b.needs.carried_over == 1);
    CHECK(b.needs.resolved == 1);
    CHECK(s->warnings("no-needs").empty());
    CHECK(*b.needs.resolution_rate == 1.0);          // 1 / 1
    CHECK(*b.needs.on_time_resolution_rate == 0.0);  // 0 / 1
    CHECK_FALSE(b.needs.response_on_time_rate);      // 2025's response, not 2026's
    CHECK(*b.needs.feedback_satisfied_rate == 1.0);  // 1 / 1
    // C = {elderly-care} from the carried-over need: coverage 1, q = 1.
    CHECK(b.quality_inputs.need_categories == std::vector<std::string>{"elderly-care"});
    CHECK(b.quality == 1.0);
    // effect = 100 × (0.4 × 1 + 0.3 × 0 + 0.1 × 1) / (0.4 + 0.3 + 0.1) = 100 × 0.5 / 0.8 = 62.5
    CHECK(component(b, "effect") == Approx(62.5));
    // autonomous = 0.2 × 100 + 0.2 × 100 + 0.25 × 62.5 + 0.15 × 100 + 0.2 × 100 = 90.625
    CHECK(b.autonomous == Approx(90.625));
    // total = 0.4 × 100 + 0.6 × 90.625 = 94.375, rounded half away from zero
    CHECK(b.total_unrounded == Approx(94.375));
    // The street roll-up counts it too (layer street, branch of nanjingxi).
    CHECK(s->result.streets.front().needs.carried_over == 1);
    CHECK(s->result.streets.front().needs.received == 0);
  }

  TEST_CASE("6.5 effect: undefined rates are excluded and the rest renormalized") {
    auto files =
        vtest::with(perfect(), "needs/mly-001.yaml",
                    // mly-001: resolved 03-20 ≤ due 04-01, response 1 day, no feedback.
                    need("mly-001", "mly", "elderly-care",
                         {{"2026-03-02", "received"}, {"2026-03-03", "assessed"}, {"2026-03-20", "resolved"}}) +
                        "---\n" +
                        // mly-002: response after 10 days (late), still in progress; due 03-10 + 30 = 04-09 < A.
                        need("mly-002", "mly", "elderly-care",
                             {{"2026-03-10", "received"}, {"2026-03-20", "assessed"}, {"2026-03-25", "in-progress"}}) +
                        "---\n" +
                        // mly-003: declined, response 1 day.
                        need("mly-003", "mly", "elderly-care",
                             {{"2026-04-01", "received"}, {"2026-04-02", "assessed"}, {"2026-04-03", "declined"}}));
    const auto s = score_files(files);
    const auto& b = s->get("mly");
    CHECK(b.needs.received == 3);
    CHECK(b.needs.declined == 1);
    CHECK(b.needs.resolved == 1);
    CHECK(b.needs.open == 1);
    CHECK(b.needs.overdue == 1);
    CHECK(*b.needs.resolution_rate == Approx(0.5));              // |R| / |S − D| = 1 / 2
    CHECK(*b.needs.on_time_resolution_rate == Approx(0.5));      // 1 / |R ∪ overdue| = 1 / 2
    CHECK(*b.needs.response_on_time_rate == Approx(2.0 / 3.0));  // 001, 003 of 3
    CHECK_FALSE(b.needs.feedback_satisfied_rate.has_value());    // no feedback
    CHECK_FALSE(value(b.effect_parts, "feedback_satisfied").has_value());
    CHECK(sc::share(b.effect_parts, "resolution") == Approx(0.4 / 0.9));
    // 100 × (0.4×0.5 + 0.3×0.5 + 0.2×2/3) / 0.9 = 100 × 0.48333 / 0.9 = 53.7037
    CHECK(component(b, "effect") == Approx(53.7037037037037));
  }

  TEST_CASE("6.5 effect: only a declined need → only response_on_time is defined") {
    const auto files = vtest::with(
        vtest::with(perfect(), "needs/mly-001.yaml",
                    need("mly-001", "mly", "elderly-care",
                         {{"2026-04-01", "received"}, {"2026-04-02", "assessed"}, {"2026-04-03", "declined"}})),
        "plans/mly-2026.yaml", plan("mly", 2026, kFullBase + full_items() + kFullReview));
    const auto s = score_files(files);
    const auto& b = s->get("mly");
    CHECK_FALSE(b.needs.resolution_rate.has_value());  // S − D is empty
    CHECK_FALSE(b.needs.on_time_resolution_rate.has_value());
    CHECK(*b.needs.response_on_time_rate == 1.0);
    CHECK(component(b, "effect") == Approx(100.0));   // 100 × 0.2×1 / 0.2
    CHECK(b.quality_inputs.need_categories.empty());  // a declined need is not in C
    CHECK(s->warnings("no-needs").empty());           // it was received in Y
  }

  TEST_CASE("6.5 effect: defined rates that all weigh 0 → 0 (District scoring)") {
    auto files =
        vtest::with(perfect(), "needs/mly-001.yaml",
                    need("mly-001", "mly", "elderly-care",
                         {{"2026-03-02", "received"}, {"2026-03-03", "assessed"}, {"2026-03-20", "resolved"}}));
    files = vtest::with(files, "district.yaml",
                        district("scoring:\n  effect: {resolution: 0, on_time_resolution: 0, response_on_time: 0}\n"));
    SUBCASE("no feedback: the defined rates weigh 0") {
      const auto s = score_files(files);
      CHECK(component(s->get("mly"), "effect") == 0.0);
    }
    SUBCASE("feedback 5: feedback_satisfied alone (weight 0.1)") {
      files = vtest::with(files, "needs/mly-001.yaml", good_need());
      const auto s = score_files(files);
      CHECK(component(s->get("mly"), "effect") == Approx(100.0));  // 100 × 0.1×1 / 0.1
    }
  }
}
