#include <doctest/doctest.h>

#include "svcorg/rules/rules.hpp"
#include "svcorg/yaml/parse.hpp"

using svcorg::rules::effective_rules;

TEST_SUITE("rules::effective_rules") {
  TEST_CASE("built-in defaults (SPEC 4.3)") {
    const auto r = effective_rules(nullptr);
    CHECK(r.types.size() == 5);
    const auto* res = r.for_type("residential");
    REQUIRE(res);
    CHECK(res->required_platforms == std::vector<std::string>{"information", "participation", "coordination"});
    CHECK(res->allows_need("housing"));
    CHECK(res->allows_need("member-service"));
    CHECK(res->allows_need("other"));
    CHECK_FALSE(res->allows_need("organization-building"));
    CHECK(res->allows_item("organization-building"));
    CHECK(res->allows_item("party-dues"));
    CHECK_FALSE(res->allows_item("talent"));
    CHECK(res->min_plan_items == 3);
    CHECK(res->response_days == 3);
    CHECK(res->resolve_days_for("street") == 30);
    CHECK(res->organizational_life_per_year == 12);
    CHECK(res->min_survey_respondents == 30);
    CHECK(r.for_type("building")->required_fields == std::vector<std::string>{"units"});
    CHECK(r.in_negative_list("discipline"));
    CHECK_FALSE(r.for_type("unknown"));
  }

  TEST_CASE("overrides: built-in < rules.defaults < rules.types[T], maps merge, lists replace") {
    std::vector<svcorg::yaml::ParseIssue> issues;
    auto docs = svcorg::yaml::parse_all(
        "defaults: {min_plan_items: 4, resolve_days: {street: 20}}\n"
        "negative_list: [discipline]\n"
        "types:\n"
        "  residential: {min_plan_items: 5, resolve_days: {branch: 10}, need_categories: [housing]}\n",
        issues);
    REQUIRE(docs.size() == 1);
    const auto r = effective_rules(&docs[0]);
    const auto* res = r.for_type("residential");
    CHECK(res->min_plan_items == 5);
    CHECK(r.for_type("organ")->min_plan_items == 4);
    CHECK(res->resolve_days_for("branch") == 10);
    CHECK(res->resolve_days_for("street") == 20);
    CHECK(res->resolve_days_for("district") == 60);
    CHECK(res->need_categories == std::vector<std::string>{"housing", "member-service", "other"});
    CHECK(r.negative_list == std::vector<std::string>{"discipline"});
    CHECK_FALSE(res->allows_item("party-dues"));
    CHECK(res->allows_item("discipline"));
  }
}
