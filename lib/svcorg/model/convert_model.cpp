// Schema checks of the District's model overrides: `rules:` (SPEC 4.3) and
// `scoring:` (SPEC 6.7). The trees are kept as written and merged over the built-in
// model by rules/ and score/.
#include <cstdlib>
#include <map>

#include "svcorg/l10n/labels.hpp"
#include "svcorg/model/convert.hpp"
#include "svcorg/model/reader.hpp"
#include "svcorg/model/vocab.hpp"
#include "svcorg/rules/rules.hpp"
#include "svcorg/util/text.hpp"

namespace svcorg::model {

namespace {

using yaml::Node;

void category_list(MapReader& r, const char* key) {
  F<TextList> ignored;
  r.list(key, ignored, false, 0,
         [](Context& cc, const Node& n, const std::string& p) { return read_category(cc, n, p, false); });
}

void rule_numbers(MapReader& r) {
  F<int64_t> ignored;
  r.integer("min_plan_items", ignored, false, 0);
  F<double> quality;
  r.number("min_plan_quality", quality, false, {0.0, 1.0, false});
  r.integer("response_days", ignored, false, 0);
  r.integer("organizational_life_per_year", ignored, false, 1);
  r.integer("min_survey_respondents", ignored, false, 0);
  if (const Node* days = r.get("resolve_days")) {
    MapReader d(r.context(), *days, r.sub("resolve_days"));
    if (!d.ok()) return;
    for (const auto& layer : vocab::kLayers) d.integer(layer.c_str(), ignored, false, 0);
    d.finish();
  }
}

void type_rules(MapReader& t) {
  rule_numbers(t);
  F<TextList> ignored;
  t.list("required_platforms", ignored, false, 0, [](Context& c, const Node& n, const std::string& p) {
    return read_enum(c, n, p, vocab::kPlatformCategories, "platform_category");
  });
  t.list("required_fields", ignored, false, 0,
         [](Context& c, const Node& n, const std::string& p) { return read_enum(c, n, p, vocab::kTypeFields, ""); });
  category_list(t, "need_categories");
}

// A group of weights: each ≥ 0, and at least one > 0 once merged over the built-in group.
void weights(MapReader& r, const char* group, const std::vector<const char*>& keys) {
  const Node* n = r.get(group);
  if (!n) return;
  MapReader g(r.context(), *n, r.sub(group));
  if (!g.ok()) return;
  Node merged = *rules::builtin_model().find("scoring")->find(group);
  bool all_valid = true;
  for (const char* key : keys) {
    F<double> w;
    g.number(key, w, false, {0.0, std::nullopt, false});
    if (g.node().find(key) && !w) all_valid = false;
  }
  g.finish();
  if (!all_valid) return;
  rules::merge_into(merged, *n);
  bool positive = false;
  for (const char* key : keys)
    if (const Node* w = merged.find(key); w && yaml::number_value(*w).value_or(0) > 0) positive = true;
  if (!positive) r.context().schema(g.pos(), i18n::Message("model.weights-zero", {{"path", g.path()}}));
}

// `rules.category_labels`: the zh-CN labels of the District's own categories, each a
// category name that is not built in, labelled by Chinese text no other category has.
void category_labels(Context& c, const Node& n, const std::string& path) {
  if (!n.is_map()) {
    c.schema(n.pos, i18n::Message("model.category-labels-type", {{"path", path}, {"found", yaml::describe(n)}}));
    return;
  }
  std::map<std::string, std::string> seen;  // label -> category
  for (const auto& [k, v] : n.entries) {
    if (yaml::is_extension(k)) continue;
    if (!k.is_scalar() || !is_category_word(k.value)) {
      c.schema(k.pos, i18n::Message("model.category-labels-key", {{"path", path}, {"found", yaml::describe(k)}}));
      continue;
    }
    const std::string at = join_path(path, k.value);
    if (const std::string* builtin = l10n::labels::label("zh-CN", "category", k.value)) {
      c.schema(k.pos, i18n::Message("model.label-builtin", {{"category", k.value}, {"label", *builtin}}));
      continue;
    }
    const auto label = read_text(c, v, at);
    if (!label) continue;
    if (util::is_ascii(*label))
      c.schema(v.pos, i18n::Message("model.label-ascii", {{"path", at}, {"value", *label}}));
    else if (const std::string* builtin = l10n::labels::value_of("category", *label))
      c.schema(v.pos,
               i18n::Message("model.label-of-builtin", {{"path", at}, {"value", *label}, {"category", *builtin}}));
    else if (const auto [it, fresh] = seen.emplace(*label, k.value); !fresh)
      c.schema(v.pos, i18n::Message("model.label-taken", {{"path", at}, {"value", *label}, {"category", it->second}}));
  }
}

// Each label in the list `key` of `n` replaced by its value (`group` of the label table).
void list_values(Node& n, const char* key, const char* group) {
  for (auto& [k, v] : n.entries)
    if (k.value == key && v.is_seq())
      for (Node& item : v.items)
        if (const std::string* value = l10n::labels::value_of(group, item.value)) item.value = *value;
}

}  // namespace

void rules_override_values(Node& rules) {
  if (!rules.is_map()) return;
  list_values(rules, "negative_list", "category");
  for (auto& [k, types] : rules.entries)
    if (k.value == "types")
      for (auto& [type, t] : types.entries) {
        list_values(t, "need_categories", "category");
        list_values(t, "required_platforms", "platform_category");
      }
}

void check_rules_override(Context& c, const Node& n, const std::string& path) {
  MapReader r(c, n, path);
  if (!r.ok()) return;
  r.mapping("defaults", rule_numbers);
  category_list(r, "negative_list");
  if (const Node* labels = r.get("category_labels")) category_labels(c, *labels, r.sub("category_labels"));
  r.mapping("types", [](MapReader& tr) {
    for (const auto& type : vocab::kBranchTypes) tr.mapping(type.c_str(), type_rules);
  });
  r.finish();
}

void check_scoring_override(Context& c, const Node& n, const std::string& path) {
  MapReader r(c, n, path);
  if (!r.ok()) return;
  if (const Node* bw = r.get("base_weight")) {
    MapReader b(c, *bw, r.sub("base_weight"));
    if (b.ok()) {
      F<double> ignored;
      b.number("default", ignored, false, {0.0, 1.0, false});
      if (const Node* by = b.get("by_year")) {
        MapReader y(c, *by, b.sub("by_year"));
        if (y.ok()) {
          for (const auto& [k, v] : by->entries) {
            if (yaml::is_extension(k)) continue;
            const bool year =
                k.is_scalar() && k.value.size() == 4 && k.value.find_first_not_of("0123456789") == std::string::npos;
            if (!year) {
              c.schema(k.pos, i18n::Message("model.year-keys", {{"path", y.path()}, {"found", yaml::describe(k)}}));
              continue;
            }
            y.number(k.value.c_str(), ignored, false, {0.0, 1.0, false});
          }
        }
      }
      b.finish();
    }
  }
  weights(r, "base", {"dues", "statistics", "organizational_life", "member_development"});
  weights(r, "autonomous", {"plan_level", "execution", "effect", "systems", "satisfaction"});
  weights(r, "plan_level", {"absolute", "relative"});
  weights(r, "quality", {"linked", "measurable", "breadth", "coverage"});
  weights(r, "effect", {"resolution", "on_time_resolution", "response_on_time", "feedback_satisfied"});
  weights(r, "satisfaction", {"members", "public"});
  r.mapping("awards", [](MapReader& ar) {
    F<double> ignored;
    ar.number("points", ignored, false, {0.0, std::nullopt, false});
    ar.number("cap", ignored, false, {0.0, std::nullopt, false});
  });
  r.mapping("grades", [](MapReader& gr) {
    F<double> ignored;
    for (const char* key : {"excellent", "good", "fair"}) gr.number(key, ignored, false, {0.0, 100.0, false});
  });
  r.finish();
}

}  // namespace svcorg::model
