#include "svcorg/score/model.hpp"

#include <cstdlib>

#include "svcorg/rules/rules.hpp"

namespace svcorg::score {

using yaml::Node;

namespace {

double number(const Node* n, double fallback = 0) {
  return n ? yaml::number_value(*n).value_or(fallback) : fallback;
}

}  // namespace

double Model::base_weight(int year) const {
  auto it = base_weight_by_year.find(year);
  return it == base_weight_by_year.end() ? base_weight_default : it->second;
}

double Model::weight(const Weights& g, const std::string& name) const {
  for (const auto& [k, v] : g)
    if (k == name) return v;
  return 0;
}

std::string Model::grade(double total) const {
  if (total >= grade_excellent) return "excellent";
  if (total >= grade_good) return "good";
  if (total >= grade_fair) return "fair";
  return "poor";
}

Model effective_model(const Node* district_scoring) {
  const Node tree = rules::effective_scoring(district_scoring);
  Model m;
  if (const Node* bw = tree.find("base_weight")) {
    m.base_weight_default = number(bw->find("default"));
    if (const Node* by = bw->find("by_year"); by && by->is_map())
      for (const auto& [k, v] : by->entries)
        if (!yaml::is_extension(k)) m.base_weight_by_year[std::atoi(k.value.c_str())] = number(&v);
  }
  m.base = rules::weight_group(tree, "base");
  m.autonomous = rules::weight_group(tree, "autonomous");
  m.plan_level = rules::weight_group(tree, "plan_level");
  m.quality = rules::weight_group(tree, "quality");
  m.effect = rules::weight_group(tree, "effect");
  m.satisfaction = rules::weight_group(tree, "satisfaction");
  if (const Node* a = tree.find("awards")) {
    m.award_points = number(a->find("points"));
    m.award_cap = number(a->find("cap"));
  }
  if (const Node* g = tree.find("grades")) {
    m.grade_excellent = number(g->find("excellent"));
    m.grade_good = number(g->find("good"));
    m.grade_fair = number(g->find("fair"));
  }
  return m;
}

}  // namespace svcorg::score
