// model/labels.yaml (SPEC 7): every enum has a label in both languages, and the two
// languages have exactly the same keys (the aliases of labels are tested in
// test_labels.cpp; the reports' headings and facts are catalogue messages, test_i18n.cpp).
#include <doctest/doctest.h>

#include <regex>
#include <set>

#include "support.hpp"
#include "svcorg/model/records.hpp"
#include "svcorg/model/vocab.hpp"
#include "svcorg/rules/rules.hpp"
#include "svcorg/score/model.hpp"
#include "svcorg/yaml/parse.hpp"

namespace fs = std::filesystem;

namespace {

// group -> keys, of one language of labels.yaml.
std::map<std::string, std::set<std::string>> keys_of(const svcorg::yaml::Node& lang) {
  std::map<std::string, std::set<std::string>> out;
  // (No structured bindings: doctest's CHECK_MESSAGE captures them in a lambda, which
  // C++17 clang refuses.)
  for (const auto& group_labels : lang.entries) {
    const auto& group = group_labels.first;
    for (const auto& key_value : group_labels.second.entries) {
      const auto& key = key_value.first;
      const auto& value = key_value.second;
      CHECK_MESSAGE(value.is_scalar(), (group.value + "." + key.value));
      CHECK_MESSAGE(!value.value.empty(), (group.value + "." + key.value));
      out[group.value].insert(key.value);
    }
  }
  return out;
}

// Every key `pattern` captures (group 1, or groups 1 and 2 as group/key) in the files.
std::set<std::pair<std::string, std::string>> keys_used(const std::vector<fs::path>& files, const std::regex& pattern,
                                                        const std::string& group) {
  std::set<std::pair<std::string, std::string>> out;
  for (const auto& f : files) {
    const std::string text = testing::read_file(f);
    for (std::sregex_iterator it(text.begin(), text.end(), pattern), end; it != end; ++it)
      out.emplace(group.empty() ? (*it)[1].str() : group, group.empty() ? (*it)[2].str() : (*it)[1].str());
  }
  return out;
}

// The keys of each language of labels.yaml.
const std::map<std::string, std::map<std::string, std::set<std::string>>>& all_keys() {
  static const auto keys = [] {
    std::map<std::string, std::map<std::string, std::set<std::string>>> out;
    std::vector<svcorg::yaml::ParseIssue> issues;
    const auto docs = svcorg::yaml::parse_all(
        testing::read_file(testing::kSource / "lib" / "svcorg" / "model" / "labels.yaml"), issues);
    REQUIRE(issues.empty());
    REQUIRE(docs.size() == 1);
    for (const auto& [lang, groups] : docs[0].entries)
      if (lang.value != "aliases") out[lang.value] = keys_of(groups);
    return out;
  }();
  return keys;
}

void check_labelled(const std::string& group, const std::vector<std::string>& keys) {
  for (const char* lang : {"en", "zh-CN"}) {
    const auto& groups = all_keys().at(lang);
    const auto g = groups.find(group);
    for (const auto& key : keys)
      CHECK_MESSAGE((g != groups.end() && g->second.count(key) == 1),
                    (std::string(lang) + " lacks " + group + "." + key));
  }
}

}  // namespace

TEST_SUITE("report labels") {
  TEST_CASE("both languages have the same groups and keys") {
    const auto& all = all_keys();
    CHECK(all.size() == 2);
    REQUIRE(all.count("en") == 1);
    REQUIRE(all.count("zh-CN") == 1);
    const auto &e = all.at("en"), &z = all.at("zh-CN");
    for (const auto& group_keys : e) {
      const std::string& group = group_keys.first;
      const auto& keys = group_keys.second;
      CAPTURE(group);
      REQUIRE(z.count(group) == 1);
      for (const auto& k : keys) CHECK_MESSAGE(z.at(group).count(k) == 1, ("zh-CN lacks " + group + "." + k));
      for (const auto& k : z.at(group)) CHECK_MESSAGE(keys.count(k) == 1, ("en lacks " + group + "." + k));
    }
    CHECK(e.size() == z.size());
  }

  TEST_CASE("every enum of the format has a label") {
    namespace v = svcorg::model::vocab;
    check_labelled("type", v::kBranchTypes);
    check_labelled("channel", v::kChannels);
    check_labelled("status", v::kNeedStatuses);
    check_labelled("disposal", v::kDisposals);
    check_labelled("layer", v::kLayers);
    check_labelled("scope", v::kScopes);
    check_labelled("level", v::kPlatformLevels);
    check_labelled("platform_category", v::kPlatformCategories);
    check_labelled("cadence", v::kCadences);
    check_labelled("plan_status", v::kPlanStatuses);
    check_labelled("approval", v::kApprovals);
    check_labelled("award", v::kAwardKinds);
    check_labelled("role", v::kRepresentativeRoles);
    check_labelled("impact", v::kImpacts);
    check_labelled("function", v::kFunctions);
    check_labelled("lang", v::kLangs);
    const auto& abilities = svcorg::model::Secretary::kAbilities;
    check_labelled("ability", std::vector<std::string>(abilities.begin(), abilities.end()));
    check_labelled("grade", {"excellent", "good", "fair", "poor"});
  }

  TEST_CASE("every built-in category and score part has a label") {
    const auto rules = svcorg::rules::effective_rules(nullptr);
    for (const auto& type_rules : rules.types) {
      const auto& type = type_rules.first;
      const auto& r = type_rules.second;
      CAPTURE(type);
      check_labelled("category", r.item_categories);
      check_labelled("category", r.need_categories);
    }
    check_labelled("category", rules.negative_list);
    const auto m = svcorg::score::effective_model(nullptr);
    for (const auto* w : {&m.base, &m.plan_level, &m.quality, &m.effect, &m.satisfaction})
      for (const auto& [part, weight] : *w) check_labelled("part", {part});
    for (const auto& [component, weight] : m.autonomous) check_labelled("component", {component});
  }

  TEST_CASE("every label the report renderer names exists") {
    const fs::path render = testing::kSource / "lib" / "svcorg" / "render";
    std::vector<fs::path> files;
    for (const char* f : {"report_sections.cpp", "report_card.cpp", "report_appendix.cpp"}) files.push_back(render / f);
    const auto used = keys_used(files, std::regex(R"re(\.get\("([a-z_]+)", "([^"]+)"\))re"), "");
    CHECK(used.size() > 10);
    for (const auto& [group, key] : used) check_labelled(group, {key});
  }
}
