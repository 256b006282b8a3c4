// The scoring model (SPEC 6.7): weights and numbers from the built-in model document
// (rules/defaults.yaml, `scoring:`) merged with the District's `scoring:` overrides.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "svcorg/yaml/tree.hpp"

namespace svcorg::score {

// A group of named weights, in the model document's order.
using Weights = std::vector<std::pair<std::string, double>>;

struct Model {
  double base_weight_default = 0;
  std::map<int, double> base_weight_by_year;
  Weights base, autonomous, plan_level, quality, effect, satisfaction;
  double award_points = 0, award_cap = 0;
  double grade_excellent = 0, grade_good = 0, grade_fair = 0;

  double base_weight(int year) const;
  double weight(const Weights& group, const std::string& name) const;
  std::string grade(double rounded_total) const;  // excellent | good | fair | poor
};

// `district_scoring` is the District's `scoring:` tree (already checked), or nullptr.
Model effective_model(const yaml::Node* district_scoring);

// A part of a weighted mean: its weight and its value, absent when the part is excluded.
struct Part {
  std::string name;
  double weight = 0;
  std::optional<double> value;
};

// SPEC 6: the weighted mean over the defined parts; nullopt when none is defined (the
// group is excluded); 0 when the defined parts all weigh 0.
std::optional<double> weighted_mean(const std::vector<Part>& parts);

// Each defined part's share of the mean (weight / sum of defined weights); 0 for the
// excluded ones and when the defined weights sum to 0.
double share(const std::vector<Part>& parts, const std::string& name);

// C's round(x * 10^d) / 10^d (SPEC 6: half away from zero).
double round_to(double x, int decimals);

}  // namespace svcorg::score
