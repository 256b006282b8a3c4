// SPEC 6.3, execution: the items' progress, weighted.
// Small districts written as YAML text (score_support.hpp), validated clean first; every
// expected value is computed by hand, the arithmetic in the comment next to it.
#include "score_support.hpp"

using namespace score_test;  // the helpers of score_support.hpp

TEST_SUITE("score::components") {
  TEST_CASE("6.3 execution: weights default 1, progress default 0") {
    const auto set =
        load({{"p.yaml", plan("mly", 2026,
                              kFullBase + "items:\n" + item("i1", "culture", "weight: 2, progress: 0.5") +
                                  item("i2", "culture", "progress: 1") + item("i3", "culture", "weight: 0.5"))}});
    double weight_sum = -1;
    // 100 × (2×0.5 + 1×1 + 0.5×0) / (2 + 1 + 0.5) = 100 × 2 / 3.5 = 57.142857…
    CHECK(sc::execution(set.plans.front(), weight_sum) == Approx(400.0 / 7.0));
    CHECK(weight_sum == Approx(3.5));
  }

  TEST_CASE("6.3 execution: no items → 0") {
    const auto set = load({{"p.yaml", plan("mly", 2026, kFullBase + "items: []\n")}});
    double weight_sum = -1;
    CHECK(sc::execution(set.plans.front(), weight_sum) == 0.0);
    CHECK(weight_sum == 0.0);
  }
}

TEST_SUITE("score::compute") {
  TEST_CASE("6.3 execution through compute") {
    const auto files =
        vtest::with(perfect(), "plans/mly-2026.yaml",
                    plan("mly", 2026,
                         kFullBase + "items:\n" +
                             item("i1", "elderly-care",
                                  "needs: [mly-001], target: {metric: 户数, value: 10}, weight: 2, progress: 0.5") +
                             item("i2", "organization-building",
                                  "needs: [mly-001], target: {metric: 户数, value: 10}, progress: 1") +
                             item("i3", "culture", "needs: [mly-001], target: {metric: 户数, value: 10}, weight: 0.5") +
                             kFullReview));
    const auto s = score_files(files);
    const auto& b = s->get("mly");
    CHECK(component(b, "execution") == Approx(400.0 / 7.0));  // 100 × (1 + 1 + 0) / 3.5 = 57.142857
    CHECK(b.execution_weight_sum == Approx(3.5));
    // autonomous = 20 + 0.2 × 57.142857 + 25 + 15 + 20 = 91.428571
    CHECK(b.autonomous == Approx(91.42857142857143));
    CHECK(b.total == 94.86);  // 40 + 0.6 × 91.428571 = 40 + 54.857143 = 94.857143
  }
}
