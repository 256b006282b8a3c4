// The HTML writer of the reports: doc::Document → one self-contained HTML file (html::
// blocks, svg:: charts). The content is the layout's (report_common.hpp), the same as the
// Markdown's; this only spells it out.
#include "svcorg/render/report_html.hpp"

#include <fmt/format.h>

#include "svcorg/render/html.hpp"
#include "svcorg/render/report_common.hpp"
#include "svcorg/render/svg.hpp"

namespace svcorg::render {

namespace {

// Markdown's distinction between text and verbatim: HTML escapes both alike.
std::string escaped(const doc::Run& r) {
  return html::escape(r.text);
}

std::string code(const doc::Run& r) {
  return html::code(r.text);
}

std::string progress(const doc::Run& r) {
  return html::progress(r.value);
}

const doc::Spelling kHtml{{escaped, escaped, code, progress}, "<strong>", "</strong>"};

std::string runs(const doc::Runs& rs) {
  return doc::spell(rs, kHtml);
}

// The runs' words without markup, for a text inside an SVG chart (which escapes it).
std::string plain(const doc::Runs& rs) {
  std::string out;
  for (const auto& r : rs) out += r.text;
  return out;
}

struct Writer {
  const Labels& l;
  std::string out;
  std::string outer;  // the text before an open callout
  void operator()(const doc::Heading& h) { out += html::heading(h.level, runs(h.runs), h.page_break); }
  void operator()(const doc::Paragraph& p) { out += html::paragraph(runs(p.runs)); }
  void operator()(const doc::Note& n) { out += "<blockquote>" + runs(n.runs) + "</blockquote>\n"; }
  void operator()(const doc::List& list) {
    const char* tag = list.ordered ? "ol" : "ul";
    out += fmt::format("<{}>\n", tag);
    for (const auto& item : list.items) {
      out += "<li>" + runs(item.runs);
      if (!item.sub.empty()) {
        out += "\n<ul>\n";
        for (const auto& sub : item.sub) out += "<li>" + runs(sub) + "</li>\n";
        out += "</ul>\n";
      }
      out += "</li>\n";
    }
    out += fmt::format("</{}>\n", tag);
  }
  void operator()(const doc::Table& t) {
    html::Table h{{}, {}, t.right, t.nowrap};
    doc::spell_cells(t, kHtml, h);
    out += html::table(h);
    if (!t.more.empty()) out += html::more(runs(t.more));
  }
  // Horizontal bars on the layout's value axis, with the reference line and the note where
  // the layout gives them.
  void operator()(const doc::BarChart& c) {
    svg::BarChart s;
    s.title = c.title;
    s.axis_label = c.value_label;
    for (const auto& [label, value] : c.bars) s.bars.push_back({label, value});
    s.axis = c.axis;
    s.reference = c.reference;
    if (c.reference) s.reference_label = l.tr("render.chart.mean", {{"value", rpt::num2(*c.reference)}});
    s.note = plain(c.note);
    out += html::figure(svg::bar_chart(s), html::escape(c.title));
  }
  // Shares: a stacked bar per slice when the layout splits them into parts, else bars.
  void operator()(const doc::PieChart& c) {
    if (c.parts.empty()) {
      svg::BarChart s;
      s.title = c.title;
      s.axis_label = c.value_label;
      s.decimals = 0;
      s.zero_based = true;
      for (const auto& [label, value] : c.slices) s.bars.push_back({label, value});
      out += html::figure(svg::bar_chart(s), html::escape(c.title));
      return;
    }
    svg::StackedChart s;
    s.title = c.title;
    s.axis_label = c.value_label;
    s.series = c.parts;
    for (size_t i = 0; i < c.slices.size(); ++i)
      s.bars.push_back({c.slices[i].first, i < c.part_values.size() ? c.part_values[i] : std::vector<double>()});
    out += html::figure(svg::stacked_chart(s), html::escape(c.title));
  }
  // The blocks between the begin and the end go into the box.
  void operator()(const doc::CalloutBegin&) { outer = std::move(out), out.clear(); }
  void operator()(const doc::CalloutEnd&) { out = std::move(outer) + html::callout(out); }
};

}  // namespace

std::string report_html(const report::Data& d, const Labels& l, const ReportOptions& o) {
  const doc::Document document = rpt::layout(d, l, o);
  Writer w{l, {}, {}};
  for (const auto& b : document.blocks) std::visit(w, b);
  return html::document(document.title, l.lang(), w.out);
}

}  // namespace svcorg::render
