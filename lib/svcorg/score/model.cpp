#include "svcorg/score/model.hpp"

#include <cmath>
#include <cstdlib>

#include "svcorg/rules/rules.hpp"

namespace svcorg::score {

using yaml::Node;

namespace {

double number(const Node* n, double fallback = 0) { return n ? yaml::number_value(*n).value_or(fallback) : fallback; }

Weights group(const Node& scoring, const char* name) {
  Weights w;
  if (const Node* g = scoring.find(name); g && g->is_map())
    for (const auto& [k, v] : g->entries)
      if (!yaml::is_extension(k)) w.emplace_back(k.value, number(&v));
  return w;
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
  Node tree = *rules::builtin_model().find("scoring");
  if (district_scoring) rules::merge_into(tree, *district_scoring);
  Model m;
  if (const Node* bw = tree.find("base_weight")) {
    m.base_weight_default = number(bw->find("default"));
    if (const Node* by = bw->find("by_year"); by && by->is_map())
      for (const auto& [k, v] : by->entries)
        if (!yaml::is_extension(k)) m.base_weight_by_year[std::atoi(k.value.c_str())] = number(&v);
  }
  m.base = group(tree, "base");
  m.autonomous = group(tree, "autonomous");
  m.plan_level = group(tree, "plan_level");
  m.quality = group(tree, "quality");
  m.effect = group(tree, "effect");
  m.satisfaction = group(tree, "satisfaction");
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

std::optional<double> weighted_mean(const std::vector<Part>& parts) {
  double sum_w = 0, sum = 0;
  bool any = false;
  for (const auto& p : parts) {
    if (!p.value) continue;
    any = true;
    sum_w += p.weight;
    sum += p.weight * *p.value;
  }
  if (!any) return std::nullopt;
  return sum_w > 0 ? sum / sum_w : 0.0;
}

double share(const std::vector<Part>& parts, const std::string& name) {
  double sum_w = 0, w = 0;
  for (const auto& p : parts) {
    if (!p.value) continue;
    sum_w += p.weight;
    if (p.name == name) w = p.weight;
  }
  return sum_w > 0 ? w / sum_w : 0.0;
}

double round_to(double x, int decimals) {
  const double scale = std::pow(10.0, decimals);
  return std::round(x * scale) / scale;
}

}  // namespace svcorg::score
