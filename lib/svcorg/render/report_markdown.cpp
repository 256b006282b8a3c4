// The Markdown writer of the reports: doc::Document → GitHub Markdown (md:: blocks, Mermaid
// charts). The content is the layout's (report_common.hpp); this only spells it out.
#include <fmt/format.h>

#include "svcorg/render/markdown.hpp"
#include "svcorg/render/report_common.hpp"

namespace svcorg::render {

namespace {

// Markdown escapes text (inside a sentence, `inner`, more lightly), and only the `*` of a
// figure the layout formatted.
std::string verbatim(const doc::Run& r) {
  std::string s;
  for (char c : r.text) s += c == '*' ? std::string("\\*") : std::string(1, c);
  return s;
}

std::string text(const doc::Run& r) {
  return r.inner ? md::escape_inner(r.text) : md::escape(r.text);
}

const doc::Spelling kMarkdown{{text, verbatim, [](const doc::Run& r) { return md::code(r.text); },
                               [](const doc::Run& r) { return md::progress_bar(r.value); }},
                              "**",
                              "**"};

std::string runs(const doc::Runs& rs) {
  return doc::spell(rs, kMarkdown);
}

struct Writer {
  std::string out;
  void operator()(const doc::Heading& h) { out += md::heading(h.level, runs(h.runs)); }
  void operator()(const doc::Paragraph& p) { out += runs(p.runs) + (p.last ? "\n" : "\n\n"); }
  void operator()(const doc::Note& n) { out += "> " + runs(n.runs) + "\n\n"; }
  void operator()(const doc::List& list) {
    for (size_t i = 0; i < list.items.size(); ++i) {
      const auto& item = list.items[i];
      out += (list.ordered ? fmt::format("{}. ", i + 1) : std::string("- ")) + runs(item.runs) + "\n";
      for (const auto& sub : item.sub) out += "   - " + runs(sub) + "\n";
    }
    out += "\n";
  }
  void operator()(const doc::Table& t) {
    md::Table m{{}, {}, t.right};
    doc::spell_cells(t, kMarkdown, m);
    out += md::table(m) + "\n";
    if (!t.more.empty()) out += runs(t.more) + "\n\n";
  }
  void operator()(const doc::BarChart& c) {
    out += md::bar_chart(c.title, c.value_label, c.bars, c.axis) + "\n";
    if (!c.note.empty()) out += runs(c.note) + "\n\n";
  }
  void operator()(const doc::PieChart& c) { out += md::pie(c.title, c.slices) + "\n"; }
  void operator()(const doc::CalloutBegin&) {}
  void operator()(const doc::CalloutEnd&) {}
};

}  // namespace

std::string report_markdown(const report::Data& d, const Labels& l, const ReportOptions& o) {
  Writer w;
  for (const auto& b : rpt::layout(d, l, o).blocks) std::visit(w, b);
  return w.out;
}

}  // namespace svcorg::render
