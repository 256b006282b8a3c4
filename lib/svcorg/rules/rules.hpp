// The per-type rules (SPEC 4.3): built-in defaults (rules/defaults.yaml, embedded)
// merged with the District's `rules:` overrides. Code asks this module; it never
// names a branch type itself.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "svcorg/util/weighted.hpp"
#include "svcorg/yaml/tree.hpp"

namespace svcorg::rules {

struct TypeRules {
  std::vector<std::string> required_platforms;  // platform categories
  std::vector<std::string> need_categories;     // allowed for needs (incl. the common ones)
  std::vector<std::string> item_categories;     // allowed for plan items (needs + common + negative list)
  std::vector<std::string> required_fields;     // Branch fields this type must have
  int64_t min_plan_items = 0;
  double min_plan_quality = 0;  // a submitted plan's quality q (SPEC 6.2) below it: `plan-quality`
  int64_t response_days = 0;
  std::map<std::string, int64_t> resolve_days;  // by need layer
  int64_t organizational_life_per_year = 1;
  int64_t min_survey_respondents = 0;

  bool allows_need(const std::string& category) const;
  bool allows_item(const std::string& category) const;
  int64_t resolve_days_for(const std::string& layer) const;  // 0 when the layer is unknown
};

struct Rules {
  std::map<std::string, TypeRules> types;  // by branch type
  std::vector<std::string> negative_list;
  // The zh-CN labels of the District's own categories (`rules.category_labels`): name →
  // label. A need's or plan item's category may be written as one (SPEC 2.1 rev 2).
  std::map<std::string, std::string> category_labels;

  // The rules of a type; nullptr for a type the model does not know.
  const TypeRules* for_type(const std::string& type) const;
  bool in_negative_list(const std::string& category) const;
  // The District's category whose label is `label`; nullptr when none is.
  const std::string* category_of_label(std::string_view label) const;
};

// The built-in model document (rules and scoring), parsed once.
const yaml::Node& builtin_model();

// Every category of the built-in model, each once: the types' need categories, the
// common need and item categories and the negative list, in the model's order.
std::vector<std::string> builtin_categories();

// Merge `over` into `base`: mappings key by key, anything else replaced.
void merge_into(yaml::Node& base, const yaml::Node& over);

// The effective rules: built-in < rules.defaults < rules.types[T] (SPEC 4.3), with the
// District's `rules:` tree (already schema-checked) merged over the built-in one.
Rules effective_rules(const yaml::Node* district_rules);

// The scoring model's tree (SPEC 6.7): the built-in `scoring:` with the District's
// `scoring:` (already schema-checked, or nullptr) merged over it.
yaml::Node effective_scoring(const yaml::Node* district_scoring);

// A group of named weights of a scoring tree (`base`, `quality`, …), in the tree's order.
util::Weights weight_group(const yaml::Node& scoring, const char* group);

}  // namespace svcorg::rules
