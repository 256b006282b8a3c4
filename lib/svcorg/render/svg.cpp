#include "svcorg/render/svg.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "svcorg/render/html.hpp"
#include "svcorg/render/table.hpp"

namespace svcorg::render::svg {

namespace {

// The generic family last, so a reader without Noto still gets a sans-serif; Noto Sans CJK
// SC first, for Chinese (Debian's fonts-noto-cjk).
constexpr std::string_view kFonts = "Noto Sans CJK SC, Noto Sans, DejaVu Sans, sans-serif";
constexpr double kWidth = 640;
constexpr double kColumn = 7;  // units per display column at the 12-unit font
constexpr double kRow = 24;    // one bar's row
constexpr double kBarHeight = 16;
constexpr std::string_view kPalette[] = {"#3b6ea8", "#e39b2d", "#c0392b", "#7f8c8d", "#2e8b57", "#8e44ad"};

std::string n1(double v) {
  return number(v, 1);
}

// The layout both charts share: a label column, the plot, room for the values at the
// bars' ends, rows from `top`, the axis under the last row.
struct Frame {
  std::vector<std::string> labels;  // shortened
  double x0 = 0, x1 = 0, top = 8, axis_y = 0;
  Axis axis;
  double x(double v) const {
    v = std::clamp(v, axis.lo, axis.hi);
    return x0 + (v - axis.lo) / (axis.hi - axis.lo) * (x1 - x0);
  }
  double row_y(size_t i) const { return top + static_cast<double>(i) * kRow; }
};

Frame frame(const std::vector<std::string>& labels, const std::vector<std::string>& value_texts, const Axis& axis,
            bool header_line) {
  Frame f;
  f.axis = axis;
  size_t label_cols = 4, value_cols = 1;
  for (const auto& l : labels) {
    f.labels.push_back(truncate(l, kLabelColumns));
    label_cols = std::max(label_cols, display_width(f.labels.back()));
  }
  for (const auto& v : value_texts) value_cols = std::max(value_cols, display_width(v));
  f.x0 = static_cast<double>(label_cols) * kColumn + 12;
  f.x1 = kWidth - static_cast<double>(value_cols) * kColumn - 12;
  if (header_line) f.top += 18;
  f.axis_y = f.row_y(labels.size()) + 2;
  return f;
}

std::string open_svg(const std::string& title, double height) {
  return fmt::format(
      "<svg class=\"chart\" viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\" font-family=\"{}\" "
      "font-size=\"12\" fill=\"#222\">\n<title>{}</title>\n",
      n1(kWidth), n1(height), escape(title), kFonts, escape(title));
}

// Grid lines and tick labels, the axis, a break mark when it does not start at 0, the
// axis label and the note under it; returns the height used.
std::string axis_and_grid(const Frame& f, const std::string& axis_label, const std::string& note, double& height) {
  std::string out;
  const double y_top = f.top - 2;
  const int ticks = static_cast<int>(std::lround((f.axis.hi - f.axis.lo) / f.axis.step));
  for (int i = 0; i <= ticks; ++i) {
    const double v = f.axis.lo + i * f.axis.step;
    const std::string x = n1(f.x(v));
    out += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#e0e0e0\"/>\n", x, n1(y_top),
                       n1(f.axis_y));
    out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"#555\">{}</text>\n", x, n1(f.axis_y + 15),
                       number(v, f.axis.decimals));
  }
  out += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"#666\"/>\n", n1(f.x0), n1(f.axis_y),
                     n1(f.x1));
  if (f.axis.lo != 0)  // two short slashes across the axis: it is cut short of 0
    out += fmt::format("<path d=\"M{} {}l4 -8M{} {}l4 -8\" stroke=\"#666\" fill=\"none\"/>\n", n1(f.x0 + 2),
                       n1(f.axis_y + 4), n1(f.x0 + 6), n1(f.axis_y + 4));
  double y = f.axis_y + 15;
  const double mid = (f.x0 + f.x1) / 2;
  for (const std::string* text : {&axis_label, &note})
    if (!text->empty()) {
      y += 17;
      out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"#555\">{}</text>\n", n1(mid), n1(y),
                         escape(*text));
    }
  height = y + 8;
  return out;
}

// A row's name at the right of the label column, with the full name as its <title> when
// shortened.
std::string row_label(const Frame& f, size_t i, const std::string& full) {
  const std::string tip = f.labels[i] != full ? "<title>" + escape(full) + "</title>" : "";
  return fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}{}</text>\n", n1(f.x0 - 6),
                     n1(f.row_y(i) + kRow / 2 + 4), tip, escape(f.labels[i]));
}

std::string value_label(const Frame& f, size_t i, double end_x, const std::string& text) {
  return fmt::format("<text x=\"{}\" y=\"{}\">{}</text>\n", n1(end_x + 4), n1(f.row_y(i) + kRow / 2 + 4), text);
}

std::string rect(double x, double y, double w, std::string_view color) {
  return fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>\n", n1(x), n1(y),
                     n1(std::max(w, 0.0)), n1(kBarHeight), color);
}

}  // namespace

std::string escape(std::string_view text) {
  return html::escape(text);
}

std::string bar_chart(const BarChart& c) {
  std::vector<double> values;
  std::vector<std::string> labels, texts;
  for (const auto& b : c.bars) {
    values.push_back(b.value);
    labels.push_back(b.label);
    texts.push_back(number(b.value, c.decimals));
  }
  if (c.reference) values.push_back(*c.reference);
  const Frame f = frame(labels, texts, c.axis ? *c.axis : value_axis(values, c.zero_based), c.reference.has_value());
  double height = 0;
  std::string body = axis_and_grid(f, c.axis_label, c.note, height);
  for (size_t i = 0; i < c.bars.size(); ++i) {
    const double end = f.x(c.bars[i].value);
    body += "<g>" + row_label(f, i, c.bars[i].label);
    body += rect(f.x0, f.row_y(i) + (kRow - kBarHeight) / 2, end - f.x0, kPalette[0]);
    body += value_label(f, i, end, texts[i]) + "</g>\n";
  }
  if (c.reference) {
    const std::string x = n1(f.x(*c.reference));
    body += fmt::format(
        "<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#c0392b\" stroke-width=\"1.5\" "
        "stroke-dasharray=\"4 3\"/>\n",
        x, n1(f.top - 4), n1(f.axis_y));
    // The label centred on the line, moved in so that it is not cut at either edge.
    const double half = static_cast<double>(display_width(c.reference_label)) * kColumn / 2;
    const double label_x = std::clamp(f.x(*c.reference), half, std::max(half, kWidth - half));
    body += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"#c0392b\">{}</text>\n", n1(label_x),
                        n1(f.top - 8), escape(c.reference_label));
  }
  return open_svg(c.title, height) + body + "</svg>\n";
}

std::string stacked_chart(const StackedChart& c) {
  std::vector<double> totals;
  std::vector<std::string> labels, texts;
  for (const auto& b : c.bars) {
    double total = 0;
    for (double v : b.values) total += std::max(v, 0.0);
    totals.push_back(total);
    labels.push_back(b.label);
    texts.push_back(number(total, c.decimals));
  }
  const Frame f = frame(labels, texts, value_axis(totals, true), true);
  double height = 0;
  std::string body = axis_and_grid(f, c.axis_label, "", height);
  // The legend: a swatch and the series' name each, left to right above the bars.
  double lx = f.x0;
  for (size_t s = 0; s < c.series.size(); ++s) {
    body += fmt::format("<rect x=\"{}\" y=\"4\" width=\"10\" height=\"10\" fill=\"{}\"/>", n1(lx),
                        kPalette[s % std::size(kPalette)]);
    body += fmt::format("<text x=\"{}\" y=\"13\">{}</text>\n", n1(lx + 14), escape(c.series[s]));
    lx += 14 + static_cast<double>(display_width(c.series[s])) * kColumn + 14;
  }
  for (size_t i = 0; i < c.bars.size(); ++i) {
    body += "<g>" + row_label(f, i, c.bars[i].label);
    double at = 0;
    const double y = f.row_y(i) + (kRow - kBarHeight) / 2;
    for (size_t s = 0; s < c.bars[i].values.size() && s < c.series.size(); ++s) {
      const double v = std::max(c.bars[i].values[s], 0.0);
      if (v <= 0) continue;
      const double x = f.x(at), w = f.x(at + v) - x;
      body += rect(x, y, w, kPalette[s % std::size(kPalette)]);
      const std::string text = number(v, c.decimals);
      if (static_cast<double>(text.size()) * kColumn + 4 <= w)  // the part's count when it fits inside
        body += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"#fff\">{}</text>\n", n1(x + w / 2),
                            n1(y + kBarHeight / 2 + 4), text);
      at += v;
    }
    body += value_label(f, i, f.x(at), texts[i]) + "</g>\n";
  }
  return open_svg(c.title, height) + body + "</svg>\n";
}

}  // namespace svcorg::render::svg
