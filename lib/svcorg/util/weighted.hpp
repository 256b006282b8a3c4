// SPEC 6's arithmetic, whatever is weighed: named weights, a weighted mean over the
// parts that are defined (an excluded part's weight is shared out among the rest) and
// C's rounding. score/ and plan/ (a plan's quality) both build on it.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace svcorg::util {

// A group of named weights, in the model document's order.
using Weights = std::vector<std::pair<std::string, double>>;

// A part of a weighted mean: its weight and its value, absent when the part is excluded.
struct Part {
  std::string name;
  double weight = 0;
  std::optional<double> value;
};

// The parts of a group in its weights' order, each value looked up by name in `values`
// (absent when `values` has none of that name).
std::vector<Part> parts_in_order(const Weights& group,
                                 const std::vector<std::pair<std::string, std::optional<double>>>& values);

// SPEC 6: the weighted mean over the defined parts; nullopt when none is defined (the
// group is excluded); 0 when the defined parts all weigh 0.
std::optional<double> weighted_mean(const std::vector<Part>& parts);

// The sum of the defined parts' weights: what each weight is divided by (1 when the
// group's weights sum to 1 and no part is excluded).
double defined_weight(const std::vector<Part>& parts);

// Each defined part's share of the mean (weight / sum of defined weights); 0 for the
// excluded ones and when the defined weights sum to 0.
double share(const std::vector<Part>& parts, const std::string& name);

// C's round(x * 10^d) / 10^d (SPEC 6: half away from zero).
double round_to(double x, int decimals);

}  // namespace svcorg::util
