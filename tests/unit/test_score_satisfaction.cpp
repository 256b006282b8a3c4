// SPEC 6.5, satisfaction: the members' and the public survey.
// Small districts written as YAML text (score_support.hpp), validated clean first; every
// expected value is computed by hand, the arithmetic in the comment next to it.
#include "score_support.hpp"
#include "svcorg/l10n/catalogue.hpp"

using namespace score_test;  // the helpers of score_support.hpp

TEST_SUITE("score::compute") {
  TEST_CASE("6.5 satisfaction: one survey, both, none") {
    auto with_review = [](const std::string& review) {
      return vtest::with(perfect(), "plans/mly-2026.yaml", plan("mly", 2026, kFullBase + full_items() + review));
    };
    SUBCASE("the member survey alone") {
      const auto s = score_files(with_review("review:\n  member_survey: {respondents: 30, mean: 4.2}\n"));
      const auto& b = s->get("mly");
      CHECK(component(b, "satisfaction") == Approx(80.0));  // 100 × (4.2 − 1) / 4
      // autonomous = 20 + 20 + 25 + 15 + 0.2 × 80 = 96; total = 40 + 0.6 × 96 = 97.6
      CHECK(b.total == 97.6);
      CHECK(s->warnings("no-survey").empty());
    }
    SUBCASE("the public survey alone") {
      const auto s = score_files(with_review("review:\n  public_survey: {respondents: 30, mean: 3}\n"));
      CHECK(component(s->get("mly"), "satisfaction") == Approx(50.0));  // 100 × (3 − 1) / 4
    }
    SUBCASE("both: 0.4 members + 0.6 public") {
      const auto s = score_files(with_review(
          "review:\n  member_survey: {respondents: 30, mean: 4.2}\n  public_survey: {respondents: 30, mean: 3}\n"));
      const auto& b = s->get("mly");
      CHECK(component(b, "satisfaction") == Approx(62.0));  // 0.4 × 80 + 0.6 × 50 = 32 + 30
      // autonomous = 20 + 20 + 25 + 15 + 0.2 × 62 = 92.4; total = 40 + 0.6 × 92.4 = 95.44
      CHECK(b.total == 95.44);
    }
    SUBCASE("a review without surveys: 0 and no-survey") {
      const auto s =
          score_files(with_review("review:\n  awards: [{kind: hard-problem, title: 加装电梯, approved: false}]\n"));
      const auto& b = s->get("mly");
      CHECK(component(b, "satisfaction") == 0.0);
      CHECK(s->warnings("no-survey") == std::vector<std::string>{"plans/mly-2026.yaml:1:1 Plan mly-2026"});
      // autonomous = 20 + 20 + 25 + 15 + 0 = 80; total = 40 + 48 = 88
      CHECK(b.total == 88.0);
    }
    SUBCASE("no review at all: 0 and no-survey") {
      const auto s = score_files(with_review(""));
      CHECK(component(s->get("mly"), "satisfaction") == 0.0);
      CHECK(s->warnings("no-survey") == std::vector<std::string>{"plans/mly-2026.yaml:1:1 Plan mly-2026"});
      const auto& w = s->result.warnings;
      const auto it = std::find_if(w.begin(), w.end(), [](const auto& d) { return d.rule == "no-survey"; });
      REQUIRE(it != w.end());
      CHECK(svcorg::l10n::render(it->message) ==
            "the plan's review has no member or public survey; satisfaction counts 0: add `review.member_survey` and "
            "`review.public_survey`");
      CHECK(svcorg::l10n::render(it->message, svcorg::i18n::Lang::ZhCN) ==
            "计划的考评没有党员测评，也没有群众测评；满意度计为0：请添加 `review.member_survey` 和 "
            "`review.public_survey`");
    }
  }
}
