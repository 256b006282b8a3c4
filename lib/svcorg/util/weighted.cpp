#include "svcorg/util/weighted.hpp"

#include <cmath>

namespace svcorg::util {

std::vector<Part> parts_in_order(const Weights& group,
                                 const std::vector<std::pair<std::string, std::optional<double>>>& values) {
  std::vector<Part> parts;
  for (const auto& [name, w] : group) {
    std::optional<double> value;
    for (const auto& [n, x] : values)
      if (n == name) value = x;
    parts.push_back({name, w, value});
  }
  return parts;
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

double defined_weight(const std::vector<Part>& parts) {
  double sum_w = 0;
  for (const auto& p : parts)
    if (p.value) sum_w += p.weight;
  return sum_w;
}

double share(const std::vector<Part>& parts, const std::string& name) {
  const double sum_w = defined_weight(parts);
  for (const auto& p : parts)
    if (p.value && p.name == name) return sum_w > 0 ? p.weight / sum_w : 0.0;
  return 0.0;
}

double round_to(double x, int decimals) {
  const double scale = std::pow(10.0, decimals);
  return std::round(x * scale) / scale;
}

}  // namespace svcorg::util
