// Charts svcorg draws itself as inline SVG for the HTML report: no script, no external
// reference, no web font (a font-family list ending in the generic sans-serif). Sizes are
// viewBox units (about CSS pixels at the 12-unit font), so a chart scales to its box on
// screen and in print. Every text is XML-escaped; numbers are formatted with a fixed
// number of decimals, independently of the locale: the same data gives the same bytes.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "svcorg/render/axis.hpp"

namespace svcorg::render::svg {

// `text` with `&`, `<`, `>`, `"` and `'` as character references and every ASCII control
// character folded to one space (XML 1.0 allows none but line breaks and tabs): html::escape.
std::string escape(std::string_view text);

using render::Axis;
using render::number;

struct Bar {
  std::string label;  // a name; shortened with `…` when wider than the label column
  double value = 0;
};

struct BarChart {
  std::string title;        // the chart's <title> (read by screen readers, shown on hover)
  std::string axis_label;   // under the value axis, e.g. "Mean total"
  std::vector<Bar> bars;    // one horizontal bar each, top to bottom
  int decimals = 2;         // of the value labels at the bars' ends
  bool zero_based = false;  // see render::value_axis
  // The value axis the layout chose; none: render::value_axis of the values.
  std::optional<Axis> axis;
  // A vertical dashed reference line (e.g. a mean) with its label above the bars.
  std::optional<double> reference;
  std::string reference_label;
  // Under the axis label, e.g. where the axis does not start at 0; empty: none.
  std::string note;
};

// Widest label in display columns (a CJK character counts 2) before it is shortened.
constexpr size_t kLabelColumns = 24;

// A horizontal bar chart: names on the left (full name in a <title> when shortened), the
// bar from the axis start, its value at its end, grid lines at the ticks.
std::string bar_chart(const BarChart& chart);

// Bars made of parts (e.g. needs per status), zero-based, with a legend above.
struct StackedBar {
  std::string label;
  std::vector<double> values;  // one per series; negative counts as 0
};
struct StackedChart {
  std::string title;
  std::string axis_label;
  std::vector<std::string> series;  // names in the legend, one color each (up to 6)
  std::vector<StackedBar> bars;
  int decimals = 0;  // of the totals at the bars' ends and the parts' labels
};
std::string stacked_chart(const StackedChart& chart);

}  // namespace svcorg::render::svg
