// The scoring model (SPEC 6.7): weights and numbers from the built-in model document
// (rules/defaults.yaml, `scoring:`) merged with the District's `scoring:` overrides.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "svcorg/util/weighted.hpp"
#include "svcorg/yaml/tree.hpp"

namespace svcorg::score {

using util::Weights;  // a group of named weights, in the model document's order

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

// The weighted mean and rounding of SPEC 6 (util/weighted.hpp), under the names the
// scoring code has always used.
using util::defined_weight;
using util::Part;
using util::round_to;
using util::share;
using util::weighted_mean;

}  // namespace svcorg::score
