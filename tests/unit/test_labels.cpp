// The label table (model/labels.yaml) as input: every enumerated value may be written as
// its zh-CN label or an alias (SPEC 2.1 rev 2), read as exactly the value; labels are
// unambiguous within their group; unknown labels get "did you mean" on code points.
#include <doctest/doctest.h>

#include <map>
#include <set>
#include <string>

#include "records_support.hpp"
#include "support.hpp"
#include "svcorg/diag/diagnostic.hpp"
#include "svcorg/l10n/catalogue.hpp"
#include "svcorg/l10n/labels.hpp"
#include "svcorg/load/loader.hpp"
#include "svcorg/model/reader.hpp"
#include "svcorg/model/vocab.hpp"
#include "svcorg/rules/rules.hpp"
#include "svcorg/util/text.hpp"

using svcorg::Pos;
using svcorg::diag::Diagnostic;
namespace labels = svcorg::l10n::labels;
namespace v = svcorg::model::vocab;

namespace {

testing::Loaded load(const std::string& text) {
  return testing::load_text(text);
}

// The groups a record's enumerated fields are read with, and their values.
const std::map<std::string, const v::List*> kEnumGroups = {
    {"type", &v::kBranchTypes},     {"lang", &v::kLangs},
    {"function", &v::kFunctions},   {"role", &v::kRepresentativeRoles},
    {"channel", &v::kChannels},     {"scope", &v::kScopes},
    {"impact", &v::kImpacts},       {"layer", &v::kLayers},
    {"disposal", &v::kDisposals},   {"status", &v::kNeedStatuses},
    {"level", &v::kPlatformLevels}, {"platform_category", &v::kPlatformCategories},
    {"cadence", &v::kCadences},     {"plan_status", &v::kPlanStatuses},
    {"approval", &v::kApprovals},   {"award", &v::kAwardKinds},
};

const char* const kLabelledBranch = R"(apiVersion: svcorg/v1
kind: Branch
id: b1
name: 社区卫生服务中心
type: 社会服务类单位
street: s1
members: 12
secretary: {name: 王芳, certified: true}
functions: [医疗卫生, 社会保障]
representatives: [{name: 李, role: 人大代表}]
)";

const char* const kLabelledNeed = R"(apiVersion: svcorg/v1
kind: Need
id: n1
branch: b1
received: 2026-03-02
channel: 党员联系群众
category: 养老服务
summary: 加装电梯
scope: 群体
impact: [全局, 民心]
layer: 街道
disposal: 传递需求信息
relayed_to: 街道房管办
status: 已解决
events:
  - {date: 2026-03-02, status: 已受理}
  - {date: 2026-03-04, status: 已研判}
  - {date: 2026-03-20, status: 处置中}
  - {date: 2026-04-18, status: 已解决}
)";

}  // namespace

TEST_SUITE("model::labels") {
  TEST_CASE("labels and aliases are unambiguous within their group") {
    // In either language: a value's label names it alone (headings may share words).
    for (const std::string lang : {"en", "zh-CN"}) {
      const auto* groups = labels::table().find(lang);
      REQUIRE(groups);
      for (const auto& entry : groups->entries) {
        const std::string& group = entry.first.value;
        if (group != "category" && kEnumGroups.count(group) == 0) continue;
        std::map<std::string, std::string> seen;  // label -> value
        for (const auto& pair : entry.second.entries) {
          const std::string &value = pair.first.value, &label = pair.second.value;
          const auto added = seen.emplace(label, value);
          CHECK_MESSAGE(added.second, lang << " " << group << ": `" << label << "` labels both `" << added.first->second
                                           << "` and `" << value << "`");
        }
      }
    }
    // As input: zh-CN labels with the aliases, and the values themselves.
    // (No structured bindings in CHECK_MESSAGE: clang 14 cannot capture them.)
    for (const auto& entry : kEnumGroups) {
      const auto& group = entry.first;
      std::map<std::string, std::string> seen;
      for (const auto& value : *entry.second) seen.emplace(value, value);
      for (const auto& w : labels::written_forms(group)) {
        const auto added = seen.emplace(w.text, w.value);
        CHECK_MESSAGE(added.second, group << ": `" << w.text << "` means both `" << added.first->second << "` and `"
                                          << w.value << "`");
      }
    }
    std::map<std::string, std::string> categories;
    for (const auto& w : labels::written_forms("category")) {
      const auto added = categories.emplace(w.text, w.value);
      CHECK_MESSAGE(added.second,
                    "category: `" << w.text << "` means both `" << added.first->second << "` and `" << w.value << "`");
      CHECK_FALSE(svcorg::model::is_category_word(w.text));  // else it would be read as a name
    }
  }

  TEST_CASE("every enumerated value and built-in category has a zh-CN label, and aliases name real values") {
    for (const auto& entry : kEnumGroups)
      for (const auto& value : *entry.second)
        CHECK_MESSAGE(labels::label("zh-CN", entry.first, value), entry.first << "." << value);
    for (const auto& c : svcorg::rules::builtin_categories()) CHECK_MESSAGE(labels::label("zh-CN", "category", c), c);
    const auto* aliases = labels::table().find("aliases");
    REQUIRE(aliases);
    REQUIRE(aliases->find("zh-CN"));
    CHECK(aliases->entries.size() == 1);
    for (const auto& group : aliases->find("zh-CN")->entries)
      for (const auto& value : group.second.entries) {
        const std::string name = group.first.value + "." + value.first.value;
        CHECK_MESSAGE(labels::label("zh-CN", group.first.value, value.first.value), name);
        CHECK_MESSAGE((value.second.is_seq() && !value.second.items.empty()), name);
      }
  }

  TEST_CASE("lookups: a label or alias gives its value, anything else nothing") {
    CHECK(*labels::value_of("type", "居民区") == "residential");
    CHECK(*labels::value_of("status", "已解决") == "resolved");
    CHECK(*labels::value_of("status", "处理中") == "in-progress");  // an alias
    CHECK(*labels::value_of("lang", "中文") == "zh-CN");
    CHECK(*labels::value_of("category", "公共安全") == "public-safety");
    CHECK_FALSE(labels::value_of("type", "residential"));
    CHECK_FALSE(labels::value_of("type", "已解决"));  // another group's label
    CHECK_FALSE(labels::value_of("", "居民区"));
    CHECK(*labels::label("en", "type", "residential") == "Residential community");
    const auto listed = labels::labelled({"self", "superior", "x"}, "approval");
    CHECK(svcorg::l10n::render(listed, svcorg::i18n::Lang::En) == "`self` (自主决定), `superior` (上级审批), or `x`");
    CHECK(svcorg::l10n::render(listed, svcorg::i18n::Lang::ZhCN) == "`self`（自主决定）、`superior`（上级审批）或 `x`");
  }

  TEST_CASE("did you mean works on code points") {
    CHECK(svcorg::util::edit_distance("居名区", "居民区") == 1);
    CHECK(svcorg::util::edit_distance("居民区", "居民") == 1);
    CHECK(svcorg::util::closest("居名区", {"residential", "居民区", "企业"}) == "居民区");
    CHECK(svcorg::util::closest("居民", {"居民区", "机关"}) == "居民区");
    CHECK_FALSE(svcorg::util::closest("机场", {"居民区", "企业"}));
    CHECK(svcorg::util::closest("residental", {"residential", "居民区"}) == "residential");
  }
}

TEST_SUITE("model::convert_document with labels") {
  TEST_CASE("a branch written with labels reads as its values, at the same positions") {
    auto l = load(kLabelledBranch);
    CHECK(l.diags.empty());
    REQUIRE(l.set.branches.size() == 1);
    const auto& b = l.set.branches[0];
    CHECK(*b.type == "social-service");
    CHECK(b.type.pos == Pos{5, 7});
    REQUIRE(b.functions->size() == 2);
    CHECK(*(*b.functions)[0] == "medical");
    CHECK(*(*b.functions)[1] == "social-security");
    CHECK(*(*b.representatives)[0].role == "npc-deputy");
  }

  TEST_CASE("a need written with labels reads as its values") {
    auto l = load(kLabelledNeed);
    CHECK(l.diags.empty());
    REQUIRE(l.set.needs.size() == 1);
    const auto& n = l.set.needs[0];
    CHECK(*n.channel == "member-contact");
    CHECK(*n.category == "elderly-care");
    CHECK(n.category.pos == Pos{7, 11});
    CHECK(*n.scope == "group");
    REQUIRE(n.impact->size() == 2);
    CHECK(*(*n.impact)[0] == "overall");
    CHECK(*(*n.impact)[1] == "public-sentiment");
    CHECK(*n.layer == "street");
    CHECK(*n.disposal == "relay");
    CHECK(*n.status == "resolved");
    REQUIRE(n.events->size() == 4);
    CHECK(*(*n.events)[2].status == svcorg::model::NeedStatus::InProgress);
  }

  TEST_CASE("platforms, plans and the District read labels and aliases") {
    auto l = load(R"(apiVersion: svcorg/v1
kind: Platform
id: p1
name: 议事会
owner: b1
level: 基层平台
category: 参与类
cadence: 每季度
---
apiVersion: svcorg/v1
kind: Plan
id: plan1
branch: b1
year: 2026
status: 已评估
base: {dues_paid_rate: 1, statistics_on_time: true, organizational_life: 12}
items:
  - {id: i1, title: 加装电梯, category: 住房, approval: 自主决定}
  - {id: i2, title: 发展党员, category: 发展党员, approval: 上级审批}
review: {awards: [{kind: 破解疑难问题, title: 加装电梯, approved: true}]}
---
apiVersion: svcorg/v1
kind: District
id: d1
name: 静安区
lang: 中文
streets: [{id: s1, name: 静安寺街道}]
rules: {negative_list: [纪律检查], types: {residential: {need_categories: [住房], required_platforms: [信息类]}}}
)");
    CHECK(l.diags.empty());
    REQUIRE(l.set.platforms.size() == 1);
    CHECK(*l.set.platforms[0].level == "grassroots");
    CHECK(*l.set.platforms[0].category == "participation");
    CHECK(*l.set.platforms[0].cadence == "quarterly");
    REQUIRE(l.set.plans.size() == 1);
    const auto& p = l.set.plans[0];
    CHECK(*p.status == "reviewed");
    CHECK(*(*p.items)[0].category == "housing");
    CHECK(*(*p.items)[0].approval == "self");
    CHECK(*(*p.items)[1].category == "member-development");
    CHECK(*(*p.items)[1].approval == "superior");
    CHECK(*(*p.review->awards)[0].kind == "hard-problem");
    REQUIRE(l.set.districts.size() == 1);
    CHECK(*l.set.districts[0].lang == "zh-CN");
    // The District's rules are kept with values for labels, as rules/ reads them.
    const auto rules = svcorg::rules::effective_rules(l.set.districts[0].rules.get());
    CHECK(rules.negative_list == std::vector<std::string>{"discipline"});
    const auto* r = rules.for_type("residential");
    REQUIRE(r);
    CHECK(r->required_platforms == std::vector<std::string>{"information"});
    CHECK(r->allows_need("housing"));
    CHECK_FALSE(r->allows_need("elderly-care"));
  }

  TEST_CASE("an alias reads as its value") {
    std::string need = kLabelledNeed;
    need.replace(need.find("传递需求信息"), std::string("传递需求信息").size(), "传递");
    need.replace(need.find("status: 处置中"), std::string("status: 处置中").size(), "status: 处理中");
    auto l = load(need);
    CHECK(l.diags.empty());
    REQUIRE(l.set.needs.size() == 1);
    CHECK(*l.set.needs[0].disposal == "relay");
    CHECK(*(*l.set.needs[0].events)[2].status == svcorg::model::NeedStatus::InProgress);
  }

  TEST_CASE("an unknown label: did you mean, and the allowed values with their labels") {
    std::string branch = kLabelledBranch;
    const auto at = branch.find("社会服务类单位");
    auto l = load(branch.replace(at, std::string("社会服务类单位").size(), "居名区"));
    REQUIRE(l.diags.size() == 1);
    CHECK(l.diags[0].pos == Pos{5, 7});
    CHECK(l.diags[0].rule == "schema");
    CHECK(svcorg::l10n::render(l.diags[0].message) ==
          "`type` is `居名区`, which is not allowed; did you mean `居民区` (`residential`)? (allowed: `residential` "
          "(居民区), `social-service` (社会服务类单位), `building` (楼宇联合党组织), `enterprise` (企业), or `organ` "
          "(机关))");

    auto far = load(std::string(kLabelledBranch).replace(at, std::string("社会服务类单位").size(), "学校"));
    REQUIRE(far.diags.size() == 1);
    CHECK(svcorg::l10n::render(far.diags[0].message) ==
          "`type` is `学校`, which is not allowed; use one of `residential` (居民区), `social-service` "
          "(社会服务类单位), `building` (楼宇联合党组织), `enterprise` (企业), or `organ` (机关)");

    // An ASCII typo is still matched against the values.
    std::string need = kLabelledNeed;
    need.replace(need.find("scope: 群体"), std::string("scope: 群体").size(), "scope: grop");
    auto typo = load(need);
    REQUIRE(typo.diags.size() == 1);
    CHECK(svcorg::l10n::render(typo.diags[0].message) ==
          "`scope` is `grop`, which is not allowed; did you mean `group`? (allowed: `individual` (个人), `group` "
          "(群体), or `area` (区域))");
  }

  TEST_CASE("Chinese text in a record's category is kept for the District's labels, its own lists take built-in ones") {
    std::string need = kLabelledNeed;
    const auto at = need.find("养老服务");
    auto kept = load(std::string(need).replace(at, std::string("养老服务").size(), "屋顶花园"));
    CHECK(kept.diags.empty());
    REQUIRE(kept.set.needs.size() == 1);
    CHECK(*kept.set.needs[0].category == "屋顶花园");
    // ASCII that is no category name: the name it most likely means, and the built-in
    // categories with their labels.
    auto ascii = load(std::string(need).replace(at, std::string("养老服务").size(), "Elderly"));
    REQUIRE(ascii.diags.size() == 1);
    const std::string builtin =
        "`elderly-care` (养老服务), `housing` (住房), `environment` (环境), `public-safety` (公共安全), `dispute` "
        "(矛盾纠纷), `employment` (就业), `health` (健康), `culture` (文化), `community-affairs` (社区事务), "
        "`service-quality` (服务质量), `service-access` (服务可及), `complaint` (投诉), `staff-welfare` (职工福利), "
        "`outreach` (延伸服务), `workspace-environment` (楼宇环境), `policy-consultation` (政策咨询), `talent` (人才), "
        "`employee-welfare` (员工福利), `business-networking` (企业交流), `business-development` (企业发展), "
        "`competitiveness` (竞争力), `workplace-safety` (安全生产), `innovation` (创新), `duty-performance` "
        "(履职尽责), "
        "`public-service` (公共服务), `cadre-development` (干部培养), `work-style` (作风建设), `member-service` "
        "(服务党员), `other` (其他), `organization-building` (组织建设), `member-development` (发展党员), "
        "`discipline` (纪律检查), `party-dues` (党费收缴), or `organization-change` (组织调整)";
    CHECK(svcorg::l10n::render(ascii.diags[0].message) ==
          "`category` is `Elderly`, not a category name (lowercase ASCII letters, digits and `-`); did you mean "
          "`elderly-care`? (built-in categories: " +
              builtin + ")");
    auto spaced = load(std::string(need).replace(at, std::string("养老服务").size(), "Public Safety"));
    REQUIRE(spaced.diags.size() == 1);
    CHECK(svcorg::l10n::render(spaced.diags[0].message) ==
          "`category` is `Public Safety`, not a category name (lowercase ASCII letters, digits and `-`); did you "
          "mean `public-safety`? (built-in categories: " +
              builtin + ")");
    CHECK(svcorg::l10n::render(spaced.diags[0].message, svcorg::i18n::Lang::ZhCN)
              .rfind("`category` 的值 `Public Safety` 不是有效的类别名（小写 ASCII 字母、数字和 `-`）；是不是要写 "
                     "`public-safety`？（内置类别：`elderly-care`（养老服务）、`housing`（住房）、",
                     0) == 0);
    auto unlike = load(std::string(need).replace(at, std::string("养老服务").size(), "Zzz Qqq Xxx"));
    REQUIRE(unlike.diags.size() == 1);
    CHECK(svcorg::l10n::render(unlike.diags[0].message) ==
          "`category` is `Zzz Qqq Xxx`, not a category name (lowercase ASCII letters, digits and `-`); write a "
          "built-in category (" +
              builtin + ") or one of the District's own");

    std::string listed;
    for (const auto& c : svcorg::rules::builtin_categories()) {
      if (!listed.empty()) listed += ", ";
      if (c == svcorg::rules::builtin_categories().back()) listed += "or ";
      listed += "`" + c + "` (" + *labels::label("zh-CN", "category", c) + ")";
    }
    CHECK(listed.find("`public-safety` (公共安全), ") != std::string::npos);
    const std::string district =
        "apiVersion: svcorg/v1\nkind: District\nid: d1\nname: 静安区\nstreets: [{id: s1, name: 一}]\n";
    auto near = load(district + "rules: {negative_list: [公共安]}\n");
    REQUIRE(near.diags.size() == 1);
    CHECK(near.diags[0].pos == Pos{6, 25});
    CHECK(
        svcorg::l10n::render(near.diags[0].message) ==
        "`rules.negative_list[0]` is `公共安`, which is not the label of a built-in category; did you mean `公共安全` "
        "(`public-safety`)? (built-in categories: " +
            listed + ")");
    auto far = load(district + "rules: {types: {residential: {need_categories: [屋顶花园]}}}\n");
    REQUIRE(far.diags.size() == 1);
    CHECK(svcorg::l10n::render(far.diags[0].message) ==
          "`rules.types.residential.need_categories[0]` is `屋顶花园`, which is not the label of a built-in category; "
          "write a category name or the label of a built-in category: " +
              listed);
  }

  TEST_CASE("the District's category labels are checked") {
    const std::string district =
        "apiVersion: svcorg/v1\nkind: District\nid: d1\nname: 静安区\nstreets: [{id: s1, name: 一}]\n";
    auto ok = load(district + "rules: {category_labels: {rooftop-garden: 屋顶花园, x-note: 备注}}\n");
    CHECK(ok.diags.empty());
    REQUIRE(ok.set.districts.size() == 1);
    const auto rules = svcorg::rules::effective_rules(ok.set.districts[0].rules.get());
    CHECK(rules.category_labels == std::map<std::string, std::string>{{"rooftop-garden", "屋顶花园"}});
    CHECK(*rules.category_of_label("屋顶花园") == "rooftop-garden");
    CHECK_FALSE(rules.category_of_label("rooftop-garden"));

    auto bad = load(district +
                    "rules:\n  category_labels:\n    Rooftop: 屋顶\n    housing: 房屋\n    garden: Garden\n"
                    "    yard: 住房\n    rooftop-garden: 屋顶花园\n    roof-garden: 屋顶花园\n");
    std::vector<std::string> got;
    for (const auto& d : bad.diags)
      got.push_back(std::to_string(d.pos.line) + ":" + std::to_string(d.pos.col) + " " +
                    svcorg::l10n::render(d.message));
    CHECK(got == std::vector<std::string>{
                     "8:5 a key of `rules.category_labels` must be a category name (lowercase ASCII letters, digits "
                     "and `-`), not the text `Rooftop`",
                     "9:5 `housing` is a built-in category, labelled `住房`; label only the District's own categories",
                     "10:13 `rules.category_labels.garden` is `Garden`; a label is Chinese text, such as `屋顶花园`",
                     "11:11 `rules.category_labels.yard` is `住房`, the label of the built-in category `housing`; "
                     "choose another label",
                     "13:18 `rules.category_labels.roof-garden` is `屋顶花园`, already the label of `rooftop-garden`; "
                     "a label names one category"});
    CHECK_FALSE(bad.set.districts[0].rules);
  }
}

TEST_SUITE("labels of the District's categories") {
  // A district with its own category, labelled, and records that write it as its label.
  const char* const kDistrictFiles[][2] = {
      {"district.yaml", R"(apiVersion: svcorg/v1
kind: District
id: d1
name: 静安区
streets: [{id: s1, name: 静安寺街道}]
rules:
  category_labels: {rooftop-garden: 屋顶花园}
  types: {residential: {need_categories: [housing, rooftop-garden]}}
)"},
      {"branch.yaml", R"(apiVersion: svcorg/v1
kind: Branch
id: b1
name: 美丽园居民区
type: 居民区
street: s1
members: 120
secretary: {name: 王芳, certified: true}
reserve_cadres: 1
)"},
      {"need.yaml", R"(apiVersion: svcorg/v1
kind: Need
id: n1
branch: b1
received: 2026-03-02
channel: 热线
category: 屋顶花园
summary: 屋顶绿化
layer: 基层党组织
disposal: 策划解决
status: 已受理
events: [{date: 2026-03-02, status: 已受理}]
)"},
  };

  void write_district(const std::filesystem::path& dir, const std::string& need_category) {
    for (const auto& f : kDistrictFiles) {
      std::string text = f[1];
      if (std::string(f[0]) == "need.yaml")
        text.replace(text.find("屋顶花园"), std::string("屋顶花园").size(), need_category);
      testing::write_file(dir / f[0], text);
    }
  }

  TEST_CASE("a need's category written as the District's label is its name everywhere") {
    testing::TempDir tmp;
    write_district(tmp.path(), "屋顶花园");
    const auto listed =
        testing::run_svcorg("needs . --year 2026 --as-of 2026-03-03 --format csv --no-cache", tmp.path());
    CHECK(listed.exit_code == 0);
    CHECK(listed.err == "");
    CHECK(listed.out.find(",rooftop-garden,") != std::string::npos);
    CHECK(listed.out.find("屋顶花园") == std::string::npos);
    // The same records written with the name give the same listing.
    testing::TempDir named;
    write_district(named.path(), "rooftop-garden");
    const auto by_name =
        testing::run_svcorg("needs . --year 2026 --as-of 2026-03-03 --format csv --no-cache", named.path());
    CHECK(by_name.out == listed.out);
    const auto checked = testing::run_svcorg("validate . --as-of 2026-03-03 --no-cache --format json", tmp.path());
    CHECK(checked.out.find("need-category") == std::string::npos);
  }

  TEST_CASE("Chinese text that is no category's label is a need-category error naming the labels") {
    testing::TempDir tmp;
    write_district(tmp.path(), "屋顶花");
    const auto r = testing::run_svcorg("validate need.yaml district.yaml branch.yaml --as-of 2026-03-03 --no-cache -q",
                                       tmp.path());
    CHECK(r.exit_code == 1);
    CHECK(
        r.out ==
        "need.yaml:7:11: error: the category `屋顶花` is not allowed for a residential branch; did you mean `屋顶花园` "
        "(`rooftop-garden`)? (allowed: `housing` (住房), `rooftop-garden` (屋顶花园), `member-service` (服务党员), or "
        "`other` (其他)) [need-category]\n");
  }
}
