#include "svcorg/rules/rules.hpp"

#include <algorithm>
#include <stdexcept>

#include "svcorg/yaml/parse.hpp"

namespace svcorg::embedded {
extern const char default_model[];
}

namespace svcorg::rules {

using yaml::Node;

namespace {

bool contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

std::vector<std::string> strings(const Node* n) {
  std::vector<std::string> out;
  if (n && n->is_seq())
    for (const auto& item : n->items)
      if (item.is_scalar()) out.push_back(item.value);
  return out;
}

void append_unique(std::vector<std::string>& to, const std::vector<std::string>& from) {
  for (const auto& s : from)
    if (!contains(to, s)) to.push_back(s);
}

void read_numbers(const Node& n, TypeRules& t) {
  auto num = [&](const char* key, int64_t& out) {
    if (const Node* v = n.find(key); v && yaml::int_value(*v)) out = *yaml::int_value(*v);
  };
  num("min_plan_items", t.min_plan_items);
  if (const Node* v = n.find("min_plan_quality"); v && yaml::number_value(*v))
    t.min_plan_quality = *yaml::number_value(*v);
  num("response_days", t.response_days);
  num("organizational_life_per_year", t.organizational_life_per_year);
  num("min_survey_respondents", t.min_survey_respondents);
  if (const Node* days = n.find("resolve_days"); days && days->is_map())
    for (const auto& [k, v] : days->entries)
      if (!yaml::is_extension(k) && yaml::int_value(v)) t.resolve_days[k.value] = *yaml::int_value(v);
}

}  // namespace

bool TypeRules::allows_need(const std::string& c) const {
  return contains(need_categories, c);
}
bool TypeRules::allows_item(const std::string& c) const {
  return contains(item_categories, c);
}

int64_t TypeRules::resolve_days_for(const std::string& layer) const {
  auto it = resolve_days.find(layer);
  return it == resolve_days.end() ? 0 : it->second;
}

const TypeRules* Rules::for_type(const std::string& type) const {
  // A scan with the length compared first: a handful of types, asked for each need's
  // branch (the map's ordered compares were 3% of a warm score).
  for (const auto& [name, rules] : types)
    if (name.size() == type.size() && name == type) return &rules;
  return nullptr;
}

bool Rules::in_negative_list(const std::string& c) const {
  return contains(negative_list, c);
}

const std::string* Rules::category_of_label(std::string_view label) const {
  for (const auto& [name, l] : category_labels)
    if (l == label) return &name;
  return nullptr;
}

const Node& builtin_model() {
  static const Node model = [] {
    std::vector<yaml::ParseIssue> issues;
    auto docs = yaml::parse_all(embedded::default_model, issues);
    if (!issues.empty() || docs.size() != 1) throw std::logic_error("the embedded default model does not parse");
    return std::move(docs.front());
  }();
  return model;
}

std::vector<std::string> builtin_categories() {
  std::vector<std::string> out;
  const Node* r = builtin_model().find("rules");
  if (const Node* types = r->find("types"))
    for (const auto& [type, t] : types->entries) append_unique(out, strings(t.find("need_categories")));
  for (const char* key : {"common_need_categories", "common_item_categories", "negative_list"})
    append_unique(out, strings(r->find(key)));
  return out;
}

void merge_into(Node& base, const Node& over) {
  if (!base.is_map() || !over.is_map()) {
    base = over;
    return;
  }
  for (const auto& [k, v] : over.entries) {
    const std::string& key = k.value;  // C++17 lambdas cannot capture structured bindings (clang)
    auto it = std::find_if(base.entries.begin(), base.entries.end(),
                           [&](const auto& entry) { return entry.first.value == key; });
    if (it == base.entries.end())
      base.entries.emplace_back(k, v);
    else
      merge_into(it->second, v);
  }
}

Rules effective_rules(const Node* district_rules) {
  Node tree = *builtin_model().find("rules");
  const std::vector<std::string> common_needs = strings(tree.find("common_need_categories"));
  const std::vector<std::string> common_items = strings(tree.find("common_item_categories"));
  if (district_rules) merge_into(tree, *district_rules);

  Rules rules;
  rules.negative_list = strings(tree.find("negative_list"));
  if (const Node* labels = tree.find("category_labels"); labels && labels->is_map())
    for (const auto& [name, label] : labels->entries)
      if (!yaml::is_extension(name) && label.is_scalar()) rules.category_labels[name.value] = label.value;
  const Node* defaults = tree.find("defaults");
  const Node* types = tree.find("types");
  if (!types) return rules;
  for (const auto& [name, spec] : types->entries) {
    if (yaml::is_extension(name)) continue;
    TypeRules t;
    if (defaults) read_numbers(*defaults, t);
    read_numbers(spec, t);
    t.required_platforms = strings(spec.find("required_platforms"));
    t.required_fields = strings(spec.find("required_fields"));
    t.need_categories = strings(spec.find("need_categories"));
    append_unique(t.need_categories, common_needs);
    t.item_categories = t.need_categories;
    append_unique(t.item_categories, common_items);
    append_unique(t.item_categories, rules.negative_list);
    rules.types.emplace(name.value, std::move(t));
  }
  return rules;
}

Node effective_scoring(const Node* district_scoring) {
  Node tree = *builtin_model().find("scoring");
  if (district_scoring) merge_into(tree, *district_scoring);
  return tree;
}

util::Weights weight_group(const Node& scoring, const char* group) {
  util::Weights w;
  if (const Node* g = scoring.find(group); g && g->is_map())
    for (const auto& [k, v] : g->entries)
      if (!yaml::is_extension(k)) w.emplace_back(k.value, yaml::number_value(v).value_or(0));
  return w;
}

}  // namespace svcorg::rules
