#include <doctest/doctest.h>

#include <string>

#include "records_support.hpp"
#include "support.hpp"
#include "svcorg/diag/diagnostic.hpp"
#include "svcorg/l10n/catalogue.hpp"
#include "svcorg/load/loader.hpp"

using svcorg::Pos;
using svcorg::diag::Diagnostic;

namespace {

testing::Loaded load(const std::string& text) {
  return testing::load_text(text);
}

const char* kBranch =
    "apiVersion: svcorg/v1\n"
    "kind: Branch\n"
    "id: meiliyuan\n"
    "name: 美丽园居民区\n"
    "type: residential\n"
    "street: nanjingxi\n"
    "members: 120\n"
    "secretary: {name: 王芳, certified: true}\n";

}  // namespace

TEST_SUITE("model::kind_name") {
  TEST_CASE("every kind has its name, and the name gives the kind back") {
    using svcorg::model::Kind;
    const std::vector<std::pair<Kind, std::string>> kinds = {{Kind::District, "District"},
                                                             {Kind::Branch, "Branch"},
                                                             {Kind::Need, "Need"},
                                                             {Kind::Platform, "Platform"},
                                                             {Kind::Plan, "Plan"}};
    for (const auto& [kind, name] : kinds) {
      CHECK(svcorg::model::kind_name(kind) == name);
      CHECK(svcorg::model::kind_named(name) == kind);
    }
    CHECK_FALSE(svcorg::model::kind_named("Street"));
    CHECK_FALSE(svcorg::model::kind_named("branch"));
  }
}

TEST_SUITE("model::convert_document") {
  TEST_CASE("a valid branch converts with positions") {
    auto l = load(kBranch);
    CHECK(l.diags.empty());
    REQUIRE(l.set.branches.size() == 1);
    const auto& b = l.set.branches[0];
    CHECK(b.pos == Pos{1, 1});
    CHECK(*b.id == "meiliyuan");
    CHECK(b.id.pos == Pos{3, 5});
    CHECK(*b.members == 120);
    CHECK(b.secretary->certified.v);
    CHECK(b.secretary->name.pos == Pos{8, 19});
  }

  TEST_CASE("header errors drop the record") {
    SUBCASE("not a mapping") {
      auto l = load("- a\n- b\n");
      REQUIRE(l.diags.size() == 1);
      CHECK(l.diags[0].rule == "header");
      CHECK(l.diags[0].pos == Pos{1, 1});
    }
    SUBCASE("missing apiVersion") {
      auto l = load("kind: Branch\nid: x\n");
      REQUIRE(l.diags.size() == 1);
      CHECK(l.diags[0].rule == "header");
      CHECK(svcorg::l10n::render(l.diags[0].message) == "the record lacks `apiVersion`; add `apiVersion: svcorg/v1`");
    }
    SUBCASE("unsupported apiVersion") {
      auto l = load("apiVersion: svcorg/v2\nkind: Branch\n");
      REQUIRE(l.diags.size() == 1);
      CHECK(l.diags[0].pos == Pos{1, 13});
    }
    SUBCASE("unknown kind, with a suggestion") {
      auto l = load("apiVersion: svcorg/v1\nkind: Brnach\n");
      REQUIRE(l.diags.size() == 1);
      CHECK(l.diags[0].pos == Pos{2, 7});
      CHECK(svcorg::l10n::render(l.diags[0].message) == "unknown `kind: Brnach`; did you mean `Branch`?");
    }
    CHECK(load("kind: Branch\n").set.branches.empty());
  }

  TEST_CASE("missing fields point at the mapping's first key") {
    auto l = load("apiVersion: svcorg/v1\nkind: Branch\nid: b1\nname: x\ntype: organ\nstreet: s\nmembers: 1\n");
    REQUIRE(l.diags.size() == 1);
    CHECK(l.diags[0].rule == "schema");
    CHECK(l.diags[0].pos == Pos{1, 1});
    CHECK(svcorg::l10n::render(l.diags[0].message) ==
          "the record lacks the required field `secretary`; add `secretary:` with its fields");
    CHECK(l.diags[0].kind == "Branch");
    CHECK(l.diags[0].id == "b1");
    REQUIRE(l.set.branches.size() == 1);  // kept, without the field
    CHECK_FALSE(l.set.branches[0].secretary);
  }

  TEST_CASE("unknown keys are errors, x- keys are extensions") {
    auto l = load(std::string(kBranch) + "x-note: fine\nnmae: typo\n");
    REQUIRE(l.diags.size() == 1);
    CHECK(l.diags[0].pos == Pos{10, 1});
    CHECK(svcorg::l10n::render(l.diags[0].message) ==
          "unknown field `nmae` in a Branch; did you mean `name`? (extensions start with `x-`)");
  }

  TEST_CASE("types are strict: quoted numbers, numbers for text, booleans") {
    SUBCASE("quoted number") {
      auto l = load(std::string(kBranch).replace(std::string(kBranch).find("120"), 3, "\"120\""));
      REQUIRE(l.diags.size() == 1);
      CHECK(l.diags[0].pos == Pos{7, 10});
      CHECK(svcorg::l10n::render(l.diags[0].message) ==
            "`members` must be an integer ≥ 0, not the quoted text \"120\"; remove the quotes");
    }
    SUBCASE("a number where an id is expected") {
      auto l = load(std::string(kBranch).replace(std::string(kBranch).find("nanjingxi"), 9, "001"));
      REQUIRE(l.diags.size() == 1);
      CHECK(svcorg::l10n::render(l.diags[0].message) ==
            "`street` must be an identifier, not the integer `001`; quote it: \"001\"");
    }
    SUBCASE("yes is not a boolean") {
      auto l = load(std::string(kBranch).replace(std::string(kBranch).find("true"), 4, "yes"));
      REQUIRE(l.diags.size() == 1);
      CHECK(svcorg::l10n::render(l.diags[0].message) ==
            "`secretary.certified` must be `true` or `false`, not the text `yes`");
    }
  }

  TEST_CASE("enums suggest the closest allowed value") {
    auto l = load(std::string(kBranch).replace(std::string(kBranch).find("residential"), 11, "residental"));
    REQUIRE(l.diags.size() == 1);
    CHECK(l.diags[0].pos == Pos{5, 7});
    CHECK(svcorg::l10n::render(l.diags[0].message).find("did you mean `residential`?") != std::string::npos);
  }

  TEST_CASE("dates must be real calendar dates") {
    const std::string need =
        "apiVersion: svcorg/v1\nkind: Need\nid: n1\nbranch: b\nreceived: 2026-02-30\nchannel: visit\n"
        "category: housing\nsummary: s\nlayer: branch\ndisposal: solve\nstatus: received\n"
        "events:\n  - {date: 2026-02-28, status: received}\n";
    auto l = load(need);
    REQUIRE(l.diags.size() == 1);
    CHECK(l.diags[0].pos == Pos{5, 11});
    CHECK(svcorg::l10n::render(l.diags[0].message) ==
          "`received` is `2026-02-30`, which is not a calendar date; check the month and day");
  }

  TEST_CASE("nested paths name the field, ranges are checked") {
    auto l = load(std::string(kBranch).replace(std::string(kBranch).find("certified: true}"), 16,
                                               "certified: true, competencies: {orientation: 6, planning: 3, "
                                               "organizing: 3, coordination: 3, adaptability: 3, communication: 3}}"));
    REQUIRE(l.diags.size() == 1);
    CHECK(svcorg::l10n::render(l.diags[0].message) ==
          "`secretary.competencies.orientation` is 6, out of range; write an integer from 1 to 5");
  }

  TEST_CASE("a key without a value is an error") {
    auto l = load(std::string(kBranch) + "established:\n");
    REQUIRE(l.diags.size() == 1);
    CHECK(svcorg::l10n::render(l.diags[0].message) == "`established` is empty; give it a value or remove it");
  }

  TEST_CASE("tags are refused where plain values are expected") {
    auto l = load(std::string(kBranch).replace(std::string(kBranch).find("120"), 3, "!!int 120"));
    REQUIRE(l.diags.size() == 1);
    CHECK(l.diags[0].rule == "schema");
    CHECK(svcorg::l10n::render(l.diags[0].message).find("tag") != std::string::npos);
  }

  TEST_CASE("integer and boolean fields say what to write, in every finding") {
    struct Case {
      const char* from;
      const char* to;
      const char* message;
    };
    const Case cases[] = {
        {"members: 120", "members: !!int 120",
         "`members` has the YAML tag `tag:yaml.org,2002:int`; remove the tag and write an integer ≥ 0"},
        {"members: 120", "members: 99999999999999999999",
         "`members` is `99999999999999999999`, too large; write an integer ≥ 0"},
        {"members: 120", "members: -1", "`members` is -1, out of range; write an integer ≥ 0"},
        {"members: 120", "members: many", "`members` must be an integer ≥ 0, not the text `many`"},
        {"members: 120\n", "", "the record lacks the required field `members`; add `members:` with an integer ≥ 0"},
        {"certified: true", "certified: !!bool true",
         "`secretary.certified` has the YAML tag `tag:yaml.org,2002:bool`; remove the tag and write true or false"},
    };
    const std::string b = kBranch;
    for (const Case& c : cases) {
      CAPTURE(c.to);
      auto l = load(std::string(b).replace(b.find(c.from), std::string(c.from).size(), c.to));
      REQUIRE(l.diags.size() == 1);
      CHECK(svcorg::l10n::render(l.diags[0].message) == std::string(c.message));
    }
  }

  TEST_CASE("header and schema findings read in Chinese, naming fields and values as in English") {
    using svcorg::i18n::Lang;
    struct Case {
      const char* from;
      const char* to;
      const char* zh;
    };
    const Case cases[] = {
        {"members: 120", "members: \"120\"", "`members` 应为不小于0的整数，不能是带引号的文本 \"120\"；请去掉引号"},
        {"members: 120\n", "", "记录缺少必填字段 `members`；请添加 `members:`，填写不小于0的整数"},
        {"certified: true", "certified: yes", "`secretary.certified` 应为`true` 或 `false`，不能是文本 `yes`"},
        {"type: residential", "type: residental",
         "`type` 的值 `residental` 不在允许的范围内；是不是要写 `residential`？（允许的值：`residential`（居民区）、"
         "`social-service`（社会服务类单位）、`building`（楼宇联合党组织）、`enterprise`（企业）或 `organ`（机关））"},
        {"type: residential", "type: 居名区",
         "`type` 的值 `居名区` 不在允许的范围内；是不是要写 "
         "`居民区`（`residential`）？（允许的值：`residential`（居民区）、"
         "`social-service`（社会服务类单位）、`building`（楼宇联合党组织）、`enterprise`（企业）或 `organ`（机关））"},
        {"members: 120", "members: 120\nnmae: 美丽园",
         "Branch 记录里有未知字段 `nmae`；是不是要写 `name`？（扩展字段以 `x-` 开头）"},
        {"secretary: {name: 王芳, certified: true}", "secretary: {name: 王芳, certified: true, age: 50}",
         "`secretary` 里有未知字段 `age`；允许的字段：`certified`、`competencies` 或 `name`（扩展字段以 `x-` 开头）"},
        {"street: nanjingxi", "street: nanjing xi",
         "`street` 的值 `nanjing xi` 不是有效的编号：编号由1到64个 ASCII 字母、数字、`.`、`_` 或 `-` "
         "组成，以字母或数字开头"},
        {"kind: Branch", "kind: Brnach", "未知的 `kind: Brnach`；是不是要写 `Branch`？"},
        {"kind: Branch", "kind: Office",
         "未知的 `kind: Office`；请使用`District`、`Branch`、`Need`、`Platform` 或 `Plan`之一"},
        {"apiVersion: svcorg/v1", "apiVersion: svcorg/v2",
         "不支持 `apiVersion: svcorg/v2`；svcorg 只能读取 `apiVersion: svcorg/v1` 的记录"},
        {"apiVersion: svcorg/v1\n", "", "记录缺少 `apiVersion`；请添加 `apiVersion: svcorg/v1`"},
    };
    const std::string b = kBranch;
    for (const Case& c : cases) {
      CAPTURE(c.to);
      auto l = load(std::string(b).replace(b.find(c.from), std::string(c.from).size(), c.to));
      REQUIRE(l.diags.size() == 1);
      CHECK(svcorg::l10n::render(l.diags[0].message, Lang::ZhCN) == std::string(c.zh));
    }
    // A `kind` that is no text says what it is instead (English reworded: it read
    // "unknown a list; use one of …").
    auto l = load(std::string(b).replace(b.find("kind: Branch"), 12, "kind: [Branch]"));
    REQUIRE(l.diags.size() == 1);
    CHECK(svcorg::l10n::render(l.diags[0].message) ==
          "`kind` must be one of `District`, `Branch`, `Need`, `Platform`, or `Plan`, not a list");
    CHECK(svcorg::l10n::render(l.diags[0].message, Lang::ZhCN) ==
          "`kind` 应为`District`、`Branch`、`Need`、`Platform` 或 `Plan`之一，不能是列表");
  }

  TEST_CASE("District overrides are checked and kept only when valid") {
    const std::string d =
        "apiVersion: svcorg/v1\nkind: District\nid: jingan\nname: 静安区\nstreets: [{id: s1, name: 一}]\n";
    auto ok = load(d + "rules: {defaults: {min_plan_items: 4}}\nscoring: {base_weight: {by_year: {2026: 0.3}}}\n");
    CHECK(ok.diags.empty());
    REQUIRE(ok.set.districts.size() == 1);
    CHECK(ok.set.districts[0].rules);
    CHECK(ok.set.districts[0].scoring);

    auto bad = load(d + "rules: {defaults: {min_plan_item: 4}}\nscoring: {satisfaction: {members: 0, public: 0}}\n");
    REQUIRE(bad.diags.size() == 2);
    CHECK(svcorg::l10n::render(bad.diags[0].message).find("did you mean `min_plan_items`?") != std::string::npos);
    CHECK(svcorg::l10n::render(bad.diags[1].message) ==
          "every weight of `scoring.satisfaction` is 0; at least one must be greater than 0");
    CHECK(svcorg::l10n::render(bad.diags[0].message, svcorg::i18n::Lang::ZhCN) ==
          "`rules.defaults` 里有未知字段 `min_plan_item`；是不是要写 `min_plan_items`？（扩展字段以 `x-` 开头）");
    CHECK(svcorg::l10n::render(bad.diags[1].message, svcorg::i18n::Lang::ZhCN) ==
          "`scoring.satisfaction` 的权重全都是0；至少要有一个大于0");
    CHECK_FALSE(bad.set.districts[0].rules);
    CHECK_FALSE(bad.set.districts[0].scoring);
  }
}
