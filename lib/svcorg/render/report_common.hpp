// The report layout (internal to render/): report::Data → doc::Document, every content
// decision of the reports (section order, which rows, caps, labels). report_markdown.cpp and
// report_html.cpp write the document out.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "svcorg/ledger/metrics.hpp"
#include "svcorg/render/doc.hpp"
#include "svcorg/render/labels.hpp"
#include "svcorg/render/report.hpp"
#include "svcorg/report/report.hpp"

namespace svcorg::render::rpt {

// One run as the layout says it: T text, V a figure the layout formatted (a number, a
// date, `20/24`: shown as is), C an id shown as code.
inline doc::Runs T(std::string s) {
  return {doc::text(std::move(s))};
}
inline doc::Runs V(std::string s) {
  return {doc::verbatim(std::move(s))};
}
inline doc::Runs C(std::string s) {
  return {doc::code(std::move(s))};
}

// Rows a long table or list shows before "and N more" (all of them with `--detail`).
inline constexpr size_t kCap = 10;

std::string pct(const std::optional<double>& rate);  // `89.7%` or `—`
std::string num2(double v);                          // `87.35`
std::string num2(const std::optional<double>& v);    // `87.35` or `—`
std::string signed2(double v);                       // `+0.33`, `−1.20`, `±0.00`
std::string days(const std::optional<int32_t>& d);   // `12` or `—`
// A need's received date, marked when it was carried over: `2025-03-02 (carried over)`.
doc::Runs received(const ledger::NeedFacts& f, const Labels& l);

// The name of a branch, street, platform or owner.
doc::Runs name(const report::Data& d, const std::string& id);
// "and 12 more", after a capped table or list; empty when nothing was left off.
doc::Runs more(size_t shown, size_t total, const Labels& l);
// Whether a table of `total` rows is cut at kCap.
bool capped(size_t total, const ReportOptions& o);
// A table's header: the catalogue messages `ids` in the report's language.
std::vector<doc::Runs> headings(const Labels& l, std::initializer_list<const char*> ids);
// A short label of a branch type for chart axes.
std::string type_short(const std::string& type, const Labels& l);

// Sections.
void header(doc::Document& out, const report::Data& d, const Labels& l, const std::string& title);
void attention(doc::Document& out, const report::Data& d, const Labels& l);
void summary(doc::Document& out, const report::Data& d, const Labels& l);
void ranking(doc::Document& out, const report::Data& d, const Labels& l);
void streets(doc::Document& out, const report::Data& d, const Labels& l);
void ledger(doc::Document& out, const report::Data& d, const Labels& l, int level, const ReportOptions& o);
void platforms(doc::Document& out, const report::Data& d, const Labels& l, int level, const ReportOptions& o);
void secretaries(doc::Document& out, const report::Data& d, const Labels& l, int level, const ReportOptions& o);
void awards(doc::Document& out, const report::Data& d, const Labels& l, int level);
void appendix(doc::Document& out, const report::Data& d, const Labels& l);

// Branch scope.
void report_card(doc::Document& out, const report::Data& d, const Labels& l, const ReportOptions& o);

// The whole report of a scope.
doc::Document layout(const report::Data& d, const Labels& l, const ReportOptions& o);

}  // namespace svcorg::render::rpt
