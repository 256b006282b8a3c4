// render/rules.cpp: the merged view of the rules, the District's overrides shown.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "svcorg/render/rules.hpp"
#include "svcorg/yaml/parse.hpp"

using svcorg::i18n::Lang;

namespace {

svcorg::yaml::Node tree(const char* text) {
  std::vector<svcorg::yaml::ParseIssue> issues;
  auto docs = svcorg::yaml::parse_all(text, issues);
  REQUIRE(issues.empty());
  REQUIRE(docs.size() == 1);
  return std::move(docs.front());
}

}  // namespace

TEST_SUITE("render rules") {
  TEST_CASE("a District's override of a number and a category list is what the view shows") {
    const auto rules_over = tree(
        "defaults: {min_survey_respondents: 20}\n"
        "negative_list: [discipline]\n"
        "types: {enterprise: {required_platforms: [liaison], need_categories: [innovation]}}\n");
    const auto scoring_over = tree("quality: {coverage: 2}\ngrades: {fair: 50}\n");
    const auto rules = svcorg::rules::effective_rules(&rules_over);
    const auto model = svcorg::score::effective_model(&scoring_over);
    svcorg::render::RulesView v;
    v.rules = &rules;
    v.model = &model;
    v.types = {"enterprise"};
    v.all_types = false;
    v.district = std::make_pair(std::string("jingan"), std::string("静安区"));
    const std::string text = svcorg::render::rules_text(v, Lang::En);
    CHECK(text.rfind(
              "Rules in effect\n"
              "The built-in rules with the overrides of District `jingan` (静安区).\n"
              "\n"
              "Branch type: Enterprise (enterprise)\n"
              "  Required fields                                    none\n"
              "  Required platform categories                       Liaison (liaison)\n"
              "  Need categories                                    Innovation (innovation)\n"
              "                                                     Serving members (member-service)\n"
              "                                                     Other (other)\n"
              "  Also allowed for plan items                        Organization building (organization-building)\n"
              "                                                     Discipline (discipline)\n",
              0) == 0);
    CHECK(text.find("\n  Fewest survey respondents                          20\n") != std::string::npos);
    CHECK(text.find("\nNegative list\n"
                    "  A plan item in one of these categories needs `approval: superior`.\n"
                    "  Discipline (discipline)\n") != std::string::npos);
    CHECK(text.find("\n  Coverage of needs (coverage)     2\n") != std::string::npos);
    CHECK(text.find("\n  Poor (poor)            a total below 50\n") != std::string::npos);
    CHECK(text.find("Checks of svcorg validate") == std::string::npos);  // one type: no checks

    const std::string md = svcorg::render::rules_markdown(v, Lang::ZhCN);
    CHECK(md.find("\n## 党组织类型：企业（`enterprise`）\n\n| 规则 | 值 |\n") != std::string::npos);
    CHECK(md.find("| 需求类别 | 创新（`innovation`）、服务党员（`member-service`）和其他（`other`） |\n") !=
          std::string::npos);
    CHECK(md.find("| 测评最少答卷数 | 20 |\n") != std::string::npos);

    const std::string json = svcorg::render::rules_json(v);
    CHECK(json.find("\"required_platforms\": [\n        \"liaison\"\n      ],") != std::string::npos);
    CHECK(json.find("\"min_survey_respondents\": 20\n") != std::string::npos);
    CHECK(json.find("\"coverage\": 2.0\n") != std::string::npos);
    CHECK(json.find("\"checks\"") == std::string::npos);
  }
}

TEST_SUITE("render rules") {
  TEST_CASE("the District's own categories are shown with their labels, escaped in Markdown") {
    const auto rules_over = tree(
        "category_labels: {rooftop-garden: 屋顶*花园}\n"
        "types: {residential: {need_categories: [rooftop-garden]}}\n");
    const auto rules = svcorg::rules::effective_rules(&rules_over);
    const auto model = svcorg::score::effective_model(nullptr);
    svcorg::render::RulesView v;
    v.rules = &rules;
    v.model = &model;
    v.types = {"residential"};
    v.all_types = false;
    const std::string md = svcorg::render::rules_markdown(v, Lang::ZhCN);
    CHECK(md.find("| 需求类别 | 屋顶\\*花园（`rooftop-garden`）、服务党员（`member-service`）和其他（`other`） |\n") !=
          std::string::npos);
    CHECK(md.find("\n## 区自定义的类别\n\n- 屋顶\\*花园（`rooftop-garden`）\n") != std::string::npos);
    // In English the category has no label of its own: its name.
    const std::string text = svcorg::render::rules_text(v, Lang::En);
    CHECK(text.find("  Need categories                                    rooftop-garden\n") != std::string::npos);
    CHECK(text.find("\nThe District's own categories\n  屋顶*花园 (rooftop-garden)\n") != std::string::npos);
  }
}
