// A format-neutral document: what a report says, in which order and form, without the syntax
// of any one output. The report layout (report_sections.cpp, report_detail.cpp, report_card.cpp,
// report_appendix.cpp) builds one from report::Data; the
// Markdown writer (report_markdown.cpp) and the HTML writer (report_html.cpp) turn it into
// text. Every content decision is the layout's; a writer only spells blocks out.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "svcorg/render/axis.hpp"
#include "svcorg/render/labels.hpp"

namespace svcorg::render::doc {

// A piece of inline text.
struct Run {
  enum class Kind {
    Text,      // the records' or the catalogue's words: escaped by the writer
    Verbatim,  // a figure the layout formatted (a number, a date, `20/24`, `—`): shown as is
    Code,      // an id or option a person types (`mly-2026-014`, `--detail`)
    Progress,  // a progress bar of `value` in [0, 1] with its percentage
  };
  Kind kind = Kind::Text;
  std::string text;
  bool strong = false;
  // A continuation of the text before it (a message's words between its arguments): a
  // writer treats it as the middle of a sentence, never as the start of a line.
  bool inner = false;
  double value = 0;  // Progress
};
using Runs = std::vector<Run>;

Run text(std::string s);
Run verbatim(std::string s);
Run code(std::string s);
Run progress(double fraction);
Run strong(Run r);
Runs strong(Runs rs);

struct Heading {
  int level = 1;
  Runs runs;
  bool page_break = false;  // starts a new printed page
};
struct Paragraph {
  Runs runs;
  bool last = false;  // the document's last line
};
// A note set apart from the text (a quote in Markdown).
struct Note {
  Runs runs;
};
struct ListItem {
  Runs runs;
  std::vector<Runs> sub;  // nested bullets
};
struct List {
  bool ordered = false;
  std::vector<ListItem> items;
};
struct Table {
  std::vector<Runs> header;
  std::vector<std::vector<Runs>> rows;
  std::vector<size_t> right;   // numeric columns
  std::vector<size_t> nowrap;  // short values kept on one line (dates, grades, statuses, ids)
  Runs more;                   // "and N more" under it; empty: nothing was left off
};

// How a writer spells runs out: each kind of run, and the marks around a strong one.
struct Spelling {
  std::string (*kind[4])(const Run&);  // by Run::Kind: text, verbatim, code, progress
  const char* strong_open;
  const char* strong_close;
};
// The runs one after the other in a writer's spelling.
std::string spell(const Runs& rs, const Spelling& s);
// The header's and the rows' cells of `t` spelled into a writer's table (its `header` and
// `rows`).
template <class WriterTable>
void spell_cells(const Table& t, const Spelling& s, WriterTable& out) {
  for (const auto& h : t.header) out.header.push_back(spell(h, s));
  for (const auto& row : t.rows) {
    out.rows.emplace_back();
    for (const auto& cell : row) out.rows.back().push_back(spell(cell, s));
  }
}

// Horizontal (HTML) or vertical (Mermaid) bars of named values on a value axis.
struct BarChart {
  std::string title;
  std::string value_label;  // what the values are, e.g. "Mean total"
  std::vector<std::pair<std::string, double>> bars;
  Axis axis;                        // the value axis, the same in every writer
  std::optional<double> reference;  // a dashed line, e.g. the district's mean
  Runs note;                        // under the chart, e.g. where the axis starts
};
// Shares of a whole (a pie in Markdown); with `parts`, each value is split into named parts
// (a stacked bar in HTML).
struct PieChart {
  std::string title;
  std::vector<std::pair<std::string, double>> slices;
  std::string value_label;
  std::vector<std::string> parts;                // names of the parts
  std::vector<std::vector<double>> part_values;  // per slice, one per part
};
// A box around what needs attention first: its blocks are the ones from `begin` to `end`
// of the document (a flat list keeps the variant simple).
struct CalloutBegin {};
struct CalloutEnd {};

using Block = std::variant<Heading, Paragraph, Note, List, Table, BarChart, PieChart, CalloutBegin, CalloutEnd>;

struct Document {
  std::string title;  // plain text, for the HTML <title>
  std::vector<Block> blocks;
  Document& operator<<(Block b) {
    blocks.push_back(std::move(b));
    return *this;
  }
};

// The catalogue message `id` as runs: its words as text (the first piece as a start, the
// others `inner`), each argument's runs put in where its placeholder is.
Runs say(const Labels& l, const char* id, const std::vector<std::pair<std::string, Runs>>& args);
// The catalogue message `id` as one text run.
Runs tr(const Labels& l, const char* id, std::vector<std::pair<std::string, i18n::Arg>> args = {});
// Items joined with the language's list separator (", " / "、").
Runs join(const std::vector<Runs>& items, const Labels& l);

}  // namespace svcorg::render::doc
