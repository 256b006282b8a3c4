#include "svcorg/render/axis.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace svcorg::render {

std::string number(double value, int decimals) {
  std::string out = fmt::format("{:.{}f}", value, std::max(decimals, 0));
  if (out[0] == '-' && out.find_first_not_of("-0.") == std::string::npos) out.erase(0, 1);
  return out;
}

Axis value_axis(const std::vector<double>& values, bool zero_based) {
  double lo = 0, hi = 0;
  if (!values.empty()) {
    lo = *std::min_element(values.begin(), values.end());
    hi = *std::max_element(values.begin(), values.end());
  }
  const bool zoom = !zero_based && lo > 0 && hi > lo && hi - lo <= hi / 2;
  const double from = zoom ? lo : std::min(lo, 0.0);
  double span = hi - from;
  if (span <= 0) span = std::max(std::fabs(hi), 1.0);
  // About six steps of 1, 2 or 5 times a power of ten; whole steps for whole numbers
  // (counts).
  const double raw = span / 6;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  const double f = raw / magnitude;
  Axis a;
  a.step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * magnitude;
  if (std::all_of(values.begin(), values.end(), [](double v) { return v == std::floor(v); }))
    a.step = std::max(a.step, 1.0);
  a.decimals = a.step >= 1 ? 0 : static_cast<int>(std::ceil(-std::log10(a.step) - 1e-9));
  // Round to the step's decimals so that 0.1 * 3 is 0.3.
  auto snap = [&](double v) { return std::round(v / a.step) * a.step; };
  a.lo = snap(std::floor(from / a.step + 1e-9) * a.step);
  a.hi = snap(std::ceil(hi / a.step - 1e-9) * a.step);
  if (zoom) {
    if (a.lo >= lo) a.lo = snap(a.lo - a.step);  // the smallest bar keeps a length
    if (a.hi <= hi) a.hi = snap(a.hi + a.step);
    if (a.lo < 0) a.lo = 0;
  }
  if (a.hi <= a.lo) a.hi = snap(a.lo + a.step);
  return a;
}

}  // namespace svcorg::render
