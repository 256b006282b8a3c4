// The value axis of a chart, chosen once by the report layout (doc::BarChart::axis) and
// drawn as it is by every writer: the Mermaid chart of the Markdown report and the SVG of
// the HTML report show the same range.
#pragma once

#include <string>
#include <vector>

namespace svcorg::render {

// `value` with `decimals` decimals, `.` as the decimal point, never `-0`.
std::string number(double value, int decimals);

// From `lo` to `hi` in steps of `step` ("nice" steps: 1, 2 or 5 times a power of ten),
// tick labels with `decimals` decimals.
struct Axis {
  double lo = 0, hi = 1, step = 1;
  int decimals = 0;
};

// The axis for `values`. With `zero_based` (counts), or when the values spread over more
// than half of the largest (differences already show from 0), or any value is 0 or less:
// from 0 to the largest value rounded up to a step. Otherwise it shows the differences:
// from a step below the smallest value to a step above the largest (scores 86-91 get
// 85-92), so `lo` is not 0 and the chart says so.
Axis value_axis(const std::vector<double>& values, bool zero_based);

}  // namespace svcorg::render
