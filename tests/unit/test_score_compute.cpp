// score::compute as a whole: everything at 100, the District's scoring, provisional and unscored
// branches, the as-of date, reopened needs, the example district and invalid records.
// Small districts written as YAML text (score_support.hpp), validated clean first; every
// expected value is computed by hand, the arithmetic in the comment next to it.
#include "records_support.hpp"
#include "score_support.hpp"
#include "svcorg/l10n/catalogue.hpp"

using namespace score_test;  // the helpers of score_support.hpp

TEST_SUITE("score::compute") {
  TEST_CASE("everything at 100: total 100, excellent, rank 1") {
    const auto s = score_files(perfect());
    REQUIRE(s->result.branches.size() == 1);
    const auto& b = s->get("mly");
    CHECK(b.base == Approx(100.0));
    CHECK(component(b, "plan_level") == Approx(100.0));
    CHECK(component(b, "execution") == Approx(100.0));
    CHECK(component(b, "effect") == Approx(100.0));
    CHECK(component(b, "systems") == Approx(100.0));
    CHECK(component(b, "satisfaction") == Approx(100.0));
    CHECK(b.autonomous == Approx(100.0));
    CHECK(b.bonus == 0.0);
    CHECK(b.total == 100.0);  // 0.4 × 100 + 0.6 × 100 + 0
    CHECK(b.grade == "excellent");
    CHECK(b.rank_in_district == 1);
    CHECK(b.rank_in_type == 1);
    CHECK_FALSE(b.provisional);
    CHECK(b.beta == 0.4);
    CHECK(s->result.base_weight == 0.4);
    CHECK(b.quality == Approx(1.0));
    CHECK_FALSE(b.percentile.has_value());
    CHECK(b.peers == 1);
    CHECK(s->result.warnings.empty());
    CHECK(s->result.unscored.empty());
  }

  TEST_CASE("6.7 District scoring: partial groups merge over the defaults") {
    // No platforms (systems 0), every item half done (execution 50).
    auto files = vtest::without(perfect(), "platforms/mly.yaml");
    files = vtest::with(files, "plans/mly-2026.yaml",
                        plan("mly", 2026,
                             kFullBase + full_items("mly-001", "progress: 0.5") +
                                 "review:\n  member_survey: {respondents: 30, mean: 4.2}\n"
                                 "  public_survey: {respondents: 30, mean: 3}\n"));
    SUBCASE("defaults") {
      const auto s = score_files(files);
      const auto& b = s->get("mly");
      CHECK(component(b, "systems") == 0.0);
      CHECK(component(b, "satisfaction") == Approx(62.0));  // 0.4 × 80 + 0.6 × 50
      // 0.2×100 + 0.2×50 + 0.25×100 + 0.15×0 + 0.2×62 = 20 + 10 + 25 + 0 + 12.4 = 67.4
      CHECK(b.autonomous == Approx(67.4));
      CHECK(b.total == 80.44);  // 40 + 0.6 × 67.4 = 40 + 40.44
    }
    SUBCASE("autonomous: {systems: 0} and satisfaction: {public: 0}") {
      files = vtest::with(files, "district.yaml",
                          district("scoring:\n  autonomous: {systems: 0}\n  satisfaction: {public: 0}\n"));
      const auto s = score_files(files);
      const auto& b = s->get("mly");
      // satisfaction: (0.4 × 80 + 0 × 50) / 0.4 = 80
      CHECK(component(b, "satisfaction") == Approx(80.0));
      // (20 + 10 + 25 + 0 × 0 + 0.2 × 80) / (0.2 + 0.2 + 0.25 + 0 + 0.2) = 71 / 0.85 = 83.5294
      CHECK(b.autonomous == Approx(71.0 / 0.85));
      CHECK(b.total == 90.12);  // 40 + 0.6 × 83.5294 = 40 + 50.1176 = 90.1176
    }
  }

  TEST_CASE("provisional unless the plan is reviewed") {
    for (const char* status : {"draft", "submitted", "approved", "reviewed"}) {
      CAPTURE(status);
      const auto s = score_files(vtest::with(perfect(), "plans/mly-2026.yaml",
                                             plan("mly", 2026, kFullBase + full_items() + kFullReview, status)));
      CHECK(s->get("mly").provisional == (std::string(status) != "reviewed"));
      CHECK(s->get("mly").total == 100.0);  // scored all the same
    }
  }

  TEST_CASE("missing-plan: unscored, with a reason and a warning") {
    auto files = perfect();
    files.emplace_back("branches/nopl.yaml", branch("nopl"));
    files.emplace_back("branches/old.yaml", branch("old", "residential", "caojiadu"));
    files.emplace_back("plans/old-2025.yaml", plan("old", 2025, kFullBase + "items: []\n"));  // not Y
    const auto s = score_files(files);
    CHECK(branch_ids(s->result) == std::vector<std::string>{"mly"});
    REQUIRE(s->result.unscored.size() == 2);
    CHECK(s->result.unscored[0].id == "nopl");
    CHECK(s->result.unscored[0].reason == "missing-plan");
    CHECK(s->result.unscored[1].id == "old");
    CHECK(s->result.unscored[1].reason == "missing-plan");
    CHECK(s->warnings("missing-plan") ==
          std::vector<std::string>{"branches/nopl.yaml:1:1 Branch nopl", "branches/old.yaml:1:1 Branch old"});
    const auto& missing = s->result.warnings.front();
    REQUIRE(missing.id == "nopl");
    CHECK(svcorg::l10n::render(missing.message) ==
          "the branch has no plan for 2026, so it is not scored; add a Plan with `branch: nopl` and `year: 2026`");
    CHECK(svcorg::l10n::render(missing.message, svcorg::i18n::Lang::ZhCN) ==
          "党组织没有2026年度计划，因此不参与评分；请添加一份 `branch: nopl`、`year: 2026` 的计划（Plan）");
    for (const auto& w : s->result.warnings) CHECK(w.severity == svcorg::diag::Severity::Warning);
    REQUIRE(s->result.streets.size() == 2);
    CHECK(s->result.streets[0].branches == 2);  // nanjingxi: mly, nopl
    CHECK(s->result.streets[0].scored == 1);
    CHECK(s->result.streets[1].branches == 1);  // caojiadu: old
    CHECK(s->result.streets[1].scored == 0);
    CHECK_FALSE(s->result.streets[1].mean_total.has_value());
    CHECK(s->result.district.branches == 3);
    CHECK(s->result.district.scored == 1);
  }

  TEST_CASE("as-of: later events, later needs and later feedback are cut") {
    auto files =
        vtest::with(perfect(), "needs/mly-001.yaml",
                    // n1: resolved 07-10, after due 04-01; feedback 5 dated 07-12.
                    need("mly-n1", "mly", "elderly-care",
                         {{"2026-03-02", "received"}, {"2026-03-03", "assessed"}, {"2026-07-10", "resolved"}},
                         "feedback: {satisfaction: 5, date: 2026-07-12}\n") +
                        "---\n" +
                        // n2: received 07-05, resolved 07-20 ≤ due 08-04, no feedback.
                        need("mly-n2", "mly", "elderly-care",
                             {{"2026-07-05", "received"}, {"2026-07-06", "assessed"}, {"2026-07-20", "resolved"}}) +
                        "---\n" +
                        // n3: resolved 02-20 ≤ due 03-03, undated feedback 4.
                        need("mly-n3", "mly", "elderly-care",
                             {{"2026-02-01", "received"}, {"2026-02-02", "assessed"}, {"2026-02-20", "resolved"}},
                             "feedback: {satisfaction: 4}\n"));
    files =
        vtest::with(files, "plans/mly-2026.yaml", plan("mly", 2026, kFullBase + full_items("mly-n3") + kFullReview));
    SUBCASE("as of 2026-06-30") {
      const auto s = score_files(files, "2026-06-30");
      const auto& b = s->get("mly");
      // S = {n1, n3} (n2 received after A); n1 is `assessed` as of A, open and overdue.
      CHECK(b.needs.received == 2);
      CHECK(b.needs.resolved == 1);
      CHECK(b.needs.open == 1);
      CHECK(b.needs.overdue == 1);
      CHECK(*b.needs.resolution_rate == Approx(0.5));          // 1 / 2
      CHECK(*b.needs.on_time_resolution_rate == Approx(0.5));  // n3 of {n3} ∪ {n1}
      CHECK(*b.needs.response_on_time_rate == 1.0);            // 2 / 2
      CHECK(*b.needs.feedback_satisfied_rate == 1.0);          // n3 only: n1's is dated after A
      // 100 × (0.4×0.5 + 0.3×0.5 + 0.2×1 + 0.1×1) = 100 × 0.65
      CHECK(component(b, "effect") == Approx(65.0));
    }
    SUBCASE("as of 2026-12-31") {
      const auto s = score_files(files, "2026-12-31");
      const auto& b = s->get("mly");
      CHECK(b.needs.received == 3);
      CHECK(b.needs.resolved == 3);
      CHECK(b.needs.overdue == 0);
      CHECK(*b.needs.on_time_resolution_rate == Approx(2.0 / 3.0));  // n2, n3; n1 late
      CHECK(*b.needs.feedback_satisfied_rate == 1.0);                // 5 and 4 of 2
      // 100 × (0.4×1 + 0.3×2/3 + 0.2×1 + 0.1×1) = 100 × 0.9
      CHECK(component(b, "effect") == Approx(90.0));
    }
  }

  TEST_CASE("a reopened need: the final resolution counts") {
    auto files = vtest::with(perfect(), "needs/mly-001.yaml",
                             // due 03-02 + 30 = 04-01; resolved 03-10, reopened 03-15, resolved again 04-20.
                             need("mly-001", "mly", "elderly-care",
                                  {{"2026-03-02", "received"},
                                   {"2026-03-03", "assessed"},
                                   {"2026-03-10", "resolved"},
                                   {"2026-03-15", "in-progress"},
                                   {"2026-04-20", "resolved"}}));
    SUBCASE("as of 2026-12-31: s(n) = 04-20 > due: late") {
      const auto s = score_files(files, "2026-12-31");
      const auto& b = s->get("mly");
      CHECK(*b.needs.on_time_resolution_rate == 0.0);
      // 100 × (0.4×1 + 0.3×0 + 0.2×1) / 0.9 = 100 × 0.6 / 0.9 = 66.667
      CHECK(component(b, "effect") == Approx(200.0 / 3.0));
    }
    SUBCASE("as of 2026-03-12: resolved 03-10 ≤ due: on time") {
      const auto s = score_files(files, "2026-03-12");
      CHECK(component(s->get("mly"), "effect") == Approx(100.0));  // 100 × 0.9 / 0.9
    }
    SUBCASE("as of 2026-03-20: reopened, open, not yet due") {
      const auto s = score_files(files, "2026-03-20");
      const auto& b = s->get("mly");
      CHECK(b.needs.open == 1);
      CHECK(*b.needs.resolution_rate == 0.0);                    // 0 / 1
      CHECK_FALSE(b.needs.on_time_resolution_rate.has_value());  // R ∪ overdue is empty
      // 100 × (0.4×0 + 0.2×1) / (0.4 + 0.2) = 33.333
      CHECK(component(b, "effect") == Approx(100.0 / 3.0));
    }
  }

  TEST_CASE("invariants on the example district") {
    struct Case {
      int year;
      const char* as_of;
      double beta;
    };
    for (const Case& c : {Case{2025, "2025-12-31", 0.4}, Case{2026, "2026-11-26", 0.35}}) {
      CAPTURE(c.year);
      testing::Chdir here(testing::kSource);
      svcorg::diag::Sink sink;
      std::istringstream no_stdin;
      auto loaded = svcorg::load::load_paths({"examples"}, sink, no_stdin);
      REQUIRE(loaded.fatal.empty());
      const auto& set = loaded.records;
      REQUIRE(set.districts.size() == 1);
      const auto rules = svcorg::rules::effective_rules(set.districts.front().rules.get());
      const svcorg::ledger::Window options{c.year, day(c.as_of), day(c.as_of)};
      svcorg::validate::run(set, rules, options, sink);
      REQUIRE(sink.errors() == 0);
      const auto model = sc::effective_model(set.districts.front().scoring.get());
      const auto r = sc::compute(set, rules, model, {c.year, day(c.as_of)});
      const std::string json = svcorg::render::score_json(r, svcorg::render::select_all(r));
      {
        // Two threads give the same result, also when a branch's needs are split
        // between the two halves of the ledger (cut in the middle of a run of needs).
        const auto two = sc::compute(set, rules, model, {c.year, day(c.as_of)}, 2);
        CHECK((svcorg::render::score_json(two, svcorg::render::select_all(two)) == json));
        svcorg::model::RecordSet cut;
        cut.files = set.files;
        cut.districts = set.districts;
        cut.branches = set.branches;
        cut.platforms = set.platforms;
        cut.plans = set.plans;
        std::vector<svcorg::model::NeedCore> all(set.need_cores.begin(), set.need_cores.end()), first, second;
        size_t k = all.size() / 2;
        while (k + 1 < all.size() && *all[k - 1].branch != *all[k].branch) ++k;
        REQUIRE(*all[k - 1].branch == *all[k].branch);  // the cut is inside a branch's needs
        first.assign(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(k));
        second.assign(all.begin() + static_cast<std::ptrdiff_t>(k), all.end());
        cut.pools = set.pools;  // the cores' texts and histories
        cut.need_cores.append(std::move(first));
        cut.need_cores.append(std::move(second));
        for (unsigned threads : {1u, 2u}) {
          const auto split = sc::compute(cut, rules, model, {c.year, day(c.as_of)}, threads);
          CHECK((svcorg::render::score_json(split, svcorg::render::select_all(split)) == json));
        }
      }
      CHECK(r.base_weight == c.beta);
      CHECK(r.branches.size() + r.unscored.size() == set.branches.size());
      REQUIRE_FALSE(r.branches.empty());

      for (size_t i = 0; i < r.branches.size(); ++i) {
        const auto& s = r.branches[i];
        CAPTURE(*s.branch->id);
        CHECK(s.beta == c.beta);
        // Parts recomputed from the result's own parts and shares.
        double base = 0, autonomous = 0;
        for (const auto& p : s.base_parts)
          if (p.value) base += sc::share(s.base_parts, p.name) * *p.value;
        for (const auto& p : s.components)
          if (p.value) autonomous += sc::share(s.components, p.name) * *p.value;
        CHECK(s.base == Approx(base));
        CHECK(s.autonomous == Approx(autonomous));
        const double unrounded = std::min(100.0, c.beta * base + (1 - c.beta) * autonomous + s.bonus);
        CHECK(s.total_unrounded == Approx(unrounded));
        CHECK(s.total == sc::round_to(s.total_unrounded, 2));
        // Σ share × value may differ from Σ w·v / Σ w in the last bit, which only shows when the
        // total sits on a half cent (qu-jiaoyuju 2025: exactly 0.4 × 75 + 0.6 × 79.625 = 77.775,
        // scored 77.78, half away from zero); elsewhere the recomputed total rounds the same.
        const double cents = unrounded * 100.0;
        const bool on_half_cent = std::abs(cents - std::floor(cents) - 0.5) < 1e-6;
        if (on_half_cent)
          CHECK(s.total == (std::floor(cents) + 1.0) / 100.0);  // away from zero
        else
          CHECK(s.total == sc::round_to(unrounded, 2));
        CHECK(s.grade == model.grade(s.total));
        // Bonus, execution, effect, satisfaction, plan_level from their inputs.
        size_t approved = 0;
        if (s.plan->review && s.plan->review->awards)
          for (const auto& a : *s.plan->review->awards) approved += (a.approved && *a.approved) ? 1 : 0;
        CHECK(s.bonus == std::min(5.0, 2.0 * static_cast<double>(approved)));
        double ws = 0;
        CHECK(component(s, "execution") == Approx(sc::execution(*s.plan, ws)));
        const auto effect = s.needs.received == 0 ? 0.0 : 100.0 * sc::weighted_mean(s.effect_parts).value_or(0.0);
        CHECK(component(s, "effect") == Approx(effect));
        CHECK(component(s, "satisfaction") == Approx(sc::weighted_mean(s.satisfaction_parts).value_or(0.0)));
        const double q = s.quality, pl = s.percentile ? 100.0 * (0.5 * q + 0.5 * *s.percentile) : 100.0 * q;
        CHECK(component(s, "plan_level") == Approx(pl));
        CHECK(s.percentile.has_value() == (s.peers > 1));
        CHECK(s.provisional == (*s.plan->status != "reviewed"));
        // Ranks agree with the totals.
        int in_district = 1, in_type = 1;
        for (const auto& o : r.branches)
          if (o.total > s.total) {
            ++in_district;
            if (*o.branch->type == *s.branch->type) ++in_type;
          }
        CHECK(s.rank_in_district == in_district);
        CHECK(s.rank_in_type == in_type);
        if (i > 0) {
          const auto& prev = r.branches[i - 1];
          const bool ordered = prev.total > s.total || (prev.total == s.total && *prev.branch->id < *s.branch->id);
          CHECK(ordered);
        }
      }
    }
  }

  TEST_CASE("records that fail validation are scored without harm, alike on any number of threads") {
    // score::compute promises any records are scored without harm, records that break
    // any rule included: every rule fixture, alone and added to the example district,
    // each year, on one, two and five threads.
    size_t scored = 0;
    testing::for_each_rule_fixture([&](const svcorg::model::RecordSet& set, const svcorg::rules::Rules& rules) {
      const auto model = sc::effective_model(set.districts.empty() ? nullptr : set.districts.front().scoring.get());
      for (int year : {2025, 2026}) {
        const svcorg::ledger::Window w{year, day("2026-11-26")};
        const auto one = sc::compute(set, rules, model, w, 1);
        const std::string json = svcorg::render::score_json(one, svcorg::render::select_all(one));
        for (unsigned threads : {2u, 5u}) {
          const auto many = sc::compute(set, rules, model, w, threads);
          CHECK((json == svcorg::render::score_json(many, svcorg::render::select_all(many))));
        }
        scored += one.branches.size();
      }
    });
    CHECK(scored > 1000);
  }
}
