// SPEC 6.2, the plan level: quality (linked, measurable, breadth, coverage) and the peer percentile.
// Small districts written as YAML text (score_support.hpp), validated clean first; every
// expected value is computed by hand, the arithmetic in the comment next to it.
#include "score_support.hpp"
#include "svcorg/l10n/catalogue.hpp"

using namespace score_test;  // the helpers of score_support.hpp

TEST_SUITE("score::components") {
  TEST_CASE("6.2 percentile: (L + 0.5 E) / (n − 1), ties within 1e-9") {
    CHECK_FALSE(sc::percentile(0.5, {}).has_value());             // n = 1: no relative half
    CHECK(*sc::percentile(0.5, {0.2, 0.5, 0.9}) == Approx(0.5));  // L = 1, E = 1: (1 + 0.5) / 3
    CHECK(*sc::percentile(0.9, {0.1, 0.2}) == Approx(1.0));       // L = 2: 2 / 2
    CHECK(*sc::percentile(0.1, {0.2, 0.9}) == 0.0);               // L = 0, E = 0
    CHECK(*sc::percentile(0.5, {0.5, 0.5}) == Approx(0.5));       // E = 2: (0 + 1) / 2
    // q − 0.5e-9 is a tie (|Δ| ≤ 1e-9); q − 2e-9 and q − 3e-9 are below q − 1e-9; q + 2e-9
    // is above: L = 2, E = 1 → (2 + 0.5) / 4 = 0.625.
    const double q = 0.6;
    CHECK(*sc::percentile(q, {q - 0.5e-9, q - 2e-9, q - 3e-9, q + 2e-9}) == Approx(0.625));
    // q + 0.5e-9 is a tie too, not a peer below: L = 0, E = 1 → 0.5 / 1.
    CHECK(*sc::percentile(q, {q + 0.5e-9}) == Approx(0.5));
    CHECK(*sc::percentile(q, {q - 0.5e-9}) == Approx(0.5));
  }

  TEST_CASE("6.2 percentiles of a peer group are percentile() of each against the others, exactly") {
    CHECK(sc::percentiles({}).empty());
    REQUIRE(sc::percentiles({0.5}).size() == 1);
    CHECK_FALSE(sc::percentiles({0.5})[0].has_value());
    // Clusters of values around the tie distance (1e-9), repeats, and spread values.
    std::vector<double> qualities;
    for (double base : {0.1, 0.6, 0.600000001, 0.95})
      for (double d : {0.0, 0.0, 0.5e-9, -0.5e-9, 1e-9, -1e-9, 1.5e-9, -1.5e-9, 2e-9, -2e-9, 3e-9, 1e-7})
        qualities.push_back(base + d);
    for (int i = 0; i < 40; ++i) qualities.push_back(std::fmod(i * 0.3819660112501051, 1.0));
    const auto all = sc::percentiles(qualities);
    REQUIRE(all.size() == qualities.size());
    for (size_t i = 0; i < qualities.size(); ++i) {
      std::vector<double> others = qualities;
      others.erase(others.begin() + static_cast<std::ptrdiff_t>(i));
      const auto one = sc::percentile(qualities[i], others);
      CAPTURE(i);
      REQUIRE(one.has_value());
      REQUIRE(all[i].has_value());
      CHECK(*all[i] == *one);  // bit for bit: the same counts, the same division
    }
  }
}

TEST_SUITE("score::compute") {
  TEST_CASE("6.2 quality: linked, measurable, breadth, coverage") {
    auto files = perfect();
    files = vtest::with(files, "needs/more.yaml",
                        // dispute: open; health: declined (not in C); environment: open, listed by no item.
                        need("mly-002", "mly", "dispute", {{"2026-04-01", "received"}, {"2026-04-02", "assessed"}}) +
                            "---\n" +
                            need("mly-003", "mly", "health",
                                 {{"2026-04-05", "received"}, {"2026-04-06", "assessed"}, {"2026-04-07", "declined"}}) +
                            "---\n" + need("mly-004", "mly", "environment", {{"2026-05-01", "received"}}));
    files = vtest::with(files, "plans/mly-2026.yaml",
                        plan("mly", 2026,
                             kFullBase + "items:\n" +
                                 item("i1", "elderly-care", "needs: [mly-001], target: {metric: 户数, value: 10}") +
                                 item("i2", "organization-building") + item("i3", "housing", "needs: [mly-002]") +
                                 item("i4", "culture") + kFullReview));
    const auto s = score_files(files);
    const auto& b = s->get("mly");
    const auto& in = b.quality_inputs;
    CHECK(in.items == 4);
    CHECK(in.linked == 2);      // i1, i3
    CHECK(in.measurable == 1);  // i1
    CHECK(in.min_plan_items == 3);
    // C = {elderly-care, dispute, environment} (health was declined);
    // A = {elderly-care, organization-building, housing, culture} ∪ {elderly-care, dispute}
    // (the categories of the listed needs count): C ∩ A = {dispute, elderly-care}.
    CHECK(in.need_categories == std::vector<std::string>{"dispute", "elderly-care", "environment"});
    CHECK(in.covered_categories == std::vector<std::string>{"dispute", "elderly-care"});
    CHECK(*value(b.quality_parts, "linked") == Approx(0.5));       // 2 / 4
    CHECK(*value(b.quality_parts, "measurable") == Approx(0.25));  // 1 / 4
    CHECK(*value(b.quality_parts, "breadth") == Approx(1.0));      // min(4 / 3, 1)
    CHECK(*value(b.quality_parts, "coverage") == Approx(2.0 / 3.0));
    // q = (0.5 + 0.25 + 1 + 2/3) / 4 = 2.41667 / 4 = 0.604167
    CHECK(b.quality == Approx(0.6041666666666666));
    // n = 1: plan_level = 100 × q
    CHECK(component(b, "plan_level") == Approx(60.41666666666666));
  }

  TEST_CASE("6.2 quality: breadth below 1, and min_plan_items from the District's rules") {
    auto files = vtest::with(
        perfect(), "plans/mly-2026.yaml",
        plan("mly", 2026,
             kFullBase + "items:\n" +
                 item("i1", "elderly-care", "needs: [mly-001], target: {metric: 户数, value: 10}, progress: 1") +
                 item("i2", "organization-building", "progress: 1") + kFullReview));
    SUBCASE("default min_plan_items 3") {
      const auto s = score_files(files);
      const auto& b = s->get("mly");
      CHECK(*value(b.quality_parts, "breadth") == Approx(2.0 / 3.0));  // min(2 / 3, 1)
      // (1/2 + 1/2 + 2/3 + 1) / 4 = 2.6667 / 4 = 0.6667
      CHECK(b.quality == Approx(2.0 / 3.0));
    }
    SUBCASE("min_plan_items 4") {
      files = vtest::with(files, "district.yaml", district("rules:\n  defaults: {min_plan_items: 4}\n"));
      const auto s = score_files(files);
      const auto& b = s->get("mly");
      CHECK(*value(b.quality_parts, "breadth") == Approx(0.5));  // 2 / 4
      CHECK(b.quality == Approx(0.625));                         // (0.5 + 0.5 + 0.5 + 1) / 4
    }
  }

  TEST_CASE("6.2 quality: coverage excluded when C is empty, no needs → effect 0 and no-needs") {
    auto files =
        vtest::with(perfect(), "needs/mly-001.yaml",
                    // A need of 2025: listed by an item, but not in Y.
                    need("old-001", "mly", "elderly-care",
                         {{"2025-11-01", "received"}, {"2025-11-02", "assessed"}, {"2025-11-10", "resolved"}}));
    files = vtest::with(
        files, "plans/mly-2026.yaml",
        plan("mly", 2026,
             kFullBase + "items:\n" +
                 item("i1", "elderly-care", "needs: [old-001], target: {metric: 户数, value: 10}, progress: 1") +
                 item("i2", "culture", "progress: 1") + item("i3", "housing", "progress: 1") + kFullReview));
    const auto s = score_files(files);
    const auto& b = s->get("mly");
    CHECK(b.quality_inputs.need_categories.empty());
    CHECK_FALSE(value(b.quality_parts, "coverage").has_value());
    // (1/3 + 1/3 + 1) / 3 = (5/3) / 3 = 5/9 = 0.5556
    CHECK(b.quality == Approx(5.0 / 9.0));
    CHECK(b.needs.received == 0);
    CHECK(component(b, "effect") == 0.0);
    CHECK(s->warnings("no-needs") == std::vector<std::string>{"branches/mly.yaml:1:1 Branch mly"});
    const auto no_needs = std::find_if(s->result.warnings.begin(), s->result.warnings.end(),
                                       [](const auto& d) { return d.rule == "no-needs"; });
    REQUIRE(no_needs != s->result.warnings.end());
    CHECK(svcorg::l10n::render(no_needs->message) ==
          "no needs received in 2026 (as of 2026-12-31) and none carried over from earlier years; effect counts 0: "
          "record the needs the branch learned of in the ledger");
    CHECK(svcorg::l10n::render(no_needs->message, svcorg::i18n::Lang::ZhCN) ==
          "2026年度（截至2026年12月31日）没有受理需求，也没有往年结转的需求；效果得分计为0：请把党组织了解到的需求记入"
          "需求台账");
    // autonomous = 0.2 × 55.556 + 0.2 × 100 + 0.25 × 0 + 0.15 × 100 + 0.2 × 100
    //            = 11.111 + 20 + 0 + 15 + 20 = 66.111
    CHECK(b.autonomous == Approx(66.11111111111111));
    CHECK(b.total == 79.67);  // 40 + 0.6 × 66.111 = 40 + 39.6667 = 79.6667
  }

  TEST_CASE("6.2 quality: no items → q = 0, execution 0") {
    const auto files =
        vtest::with(perfect(), "plans/mly-2026.yaml", plan("mly", 2026, kFullBase + "items: []\n" + kFullReview));
    const auto s = score_files(files);
    const auto& b = s->get("mly");
    CHECK(b.quality == 0.0);
    for (const auto& p : b.quality_parts) CHECK_FALSE(p.value.has_value());
    CHECK(component(b, "plan_level") == 0.0);  // n = 1: 100 × 0
    CHECK(component(b, "execution") == 0.0);
    // autonomous = 0 + 0 + 0.25 × 100 + 0.15 × 100 + 0.2 × 100 = 60; total = 40 + 36 = 76
    CHECK(b.total == 76.0);
  }

  TEST_CASE("6.2 plan_level: peers of one type, percentile, n = 1") {
    auto files = perfect();
    // r2: 3 items, none linked, all measurable, no needs → q = (0 + 1 + 1) / 3 = 2/3.
    // r3, r4: none linked, none measurable → q = (0 + 0 + 1) / 3 = 1/3.
    // og (organ, alone of its type): like r2 → q = 2/3.
    const std::string target = "target: {metric: 场次, value: 4}";
    const std::string measured = "items:\n" + item("i1", "culture", target) + item("i2", "housing", target) +
                                 item("i3", "organization-building", target);
    const std::string unmeasured =
        "items:\n" + item("i1", "culture") + item("i2", "housing") + item("i3", "organization-building");
    files.emplace_back("branches/others.yaml", branch("r2") + "---\n" + branch("r3", "residential", "caojiadu") +
                                                   "---\n" + branch("r4") + "---\n" +
                                                   branch("og", "organ", "caojiadu"));
    files.emplace_back("plans/others.yaml",
                       plan("r2", 2026, kFullBase + measured) + "---\n" + plan("r3", 2026, kFullBase + unmeasured) +
                           "---\n" + plan("r4", 2026, kFullBase + unmeasured) + "---\n" +
                           plan("og", 2026,
                                kFullBase + "items:\n" + item("i1", "duty-performance", target) +
                                    item("i2", "public-service", target) + item("i3", "cadre-development", target)));
    const auto s = score_files(files);
    const auto& mly = s->get("mly");
    const auto& r2 = s->get("r2");
    const auto& r3 = s->get("r3");
    const auto& r4 = s->get("r4");
    const auto& og = s->get("og");
    CHECK(mly.quality == Approx(1.0));
    CHECK(r2.quality == Approx(2.0 / 3.0));
    CHECK(r3.quality == Approx(1.0 / 3.0));
    CHECK(r4.quality == Approx(1.0 / 3.0));
    for (const auto* b : {&mly, &r2, &r3, &r4}) CHECK(b->peers == 4);
    // mly: others {2/3, 1/3, 1/3}: L = 3, E = 0 → pr = 3/3 = 1; plan_level = 100 × (0.5 + 0.5) = 100
    CHECK(*mly.percentile == Approx(1.0));
    CHECK(component(mly, "plan_level") == Approx(100.0));
    // r2: others {1, 1/3, 1/3}: L = 2 → pr = 2/3; plan_level = 100 × (0.5×2/3 + 0.5×2/3) = 66.667
    CHECK(*r2.percentile == Approx(2.0 / 3.0));
    CHECK(component(r2, "plan_level") == Approx(200.0 / 3.0));
    // r3: others {1, 2/3, 1/3}: L = 0, E = 1 → pr = 0.5/3 = 1/6;
    // plan_level = 100 × (0.5×1/3 + 0.5×1/6) = 100 × (1/6 + 1/12) = 25
    CHECK(*r3.percentile == Approx(1.0 / 6.0));
    CHECK(component(r3, "plan_level") == Approx(25.0));
    CHECK(*r4.percentile == Approx(1.0 / 6.0));
    CHECK(component(r4, "plan_level") == Approx(25.0));
    CHECK(sc::peer_ids(s->result, r3) == std::vector<std::string>{"mly", "r2", "r4"});  // sorted
    CHECK(sc::peer_ids(s->result, og).empty());
    // og: the only organ plan: n = 1, percentile null, plan_level = 100 × q = 66.667
    CHECK(og.peers == 1);
    CHECK_FALSE(og.percentile.has_value());
    CHECK(component(og, "plan_level") == Approx(200.0 / 3.0));
  }
}
