// The layout of the branch report card (SPEC 7): its total, ranks and what to improve first,
// every component with the inputs behind it, the plan items with progress, needs, platforms
// and meetings.
#include <fmt/format.h>

#include <algorithm>

#include "svcorg/l10n/catalogue.hpp"
#include "svcorg/render/report_common.hpp"

namespace svcorg::render::rpt {

using doc::Runs;

namespace {

// Messages joined by the language's clause separator ("; " / "；").
std::string clauses(const std::vector<i18n::Message>& messages, const Labels& l) {
  std::string out;
  for (const auto& m : messages)
    out += (out.empty() ? "" : l.tr("report.clause-separator")) + l10n::render(m, l.lang());
  return out;
}

void components(doc::Document& out, const report::Data& d, const Labels& l) {
  const score::BranchScore& s = *d.card;
  doc::Table t;
  t.header = headings(l, {"report.component", "report.value", "report.type-mean", "report.weight",
                          "report.contribution", "report.inputs"});
  t.right = {1, 2, 3, 4};
  bool excluded = false;
  for (const auto& r : d.card_rows) {
    const bool sum = r.part == "base" || r.part == "autonomous";
    std::string name = r.base ? l.get("component", "base") + " · " + l.get("part", r.part) : l.get("component", r.part);
    std::string weight = r.part == "base"         ? fmt::format("β {}", r.weight)
                         : r.part == "autonomous" ? fmt::format("1 − β {}", r.weight)
                                                  : fmt::format("{}", r.weight);
    excluded = excluded || !r.value;
    t.rows.push_back({sum ? doc::strong(T(name)) : T(name), r.value ? V(num2(*r.value)) : T(l.tr("report.excluded")),
                      V(num2(r.type_mean)), V(weight), V(num2(r.contribution)), T(clauses(r.inputs, l))});
  }
  std::vector<Runs> titles;
  for (const auto* a : d.card_awards) titles.push_back(T(a->title.v));
  t.rows.push_back({T(l.get("component", "bonus")),
                    V(num2(s.bonus)),
                    {},
                    {},
                    V(num2(s.bonus)),
                    titles.empty() ? T(l.tr("report.none")) : doc::join(titles, l)});
  const auto* tm = d.type_mean(s.branch->type.v);
  t.rows.push_back({doc::strong(T(l.get("component", "total"))),
                    doc::strong(V(num2(s.total))),
                    V(num2(tm ? std::optional<double>(tm->total) : std::nullopt)),
                    {},
                    {},
                    {}});
  out << t;
  if (excluded) out << doc::Paragraph{T(l.tr("report.excluded-note"))};
}

void improve(doc::Document& out, const report::Data& d, const Labels& l) {
  out << doc::Heading{2, T(l.tr("report.improve-first"))};
  doc::List list{true, {}};
  for (const auto& imp : d.improve) {
    if (list.items.size() == 5) break;
    const std::string name =
        imp.base ? l.get("component", "base") + " · " + l.get("part", imp.part) : l.get("component", imp.part);
    doc::ListItem item;
    item.runs = {doc::strong(doc::text(name)), doc::verbatim(" " + num2(imp.value) + " — ")};
    const Runs lost = doc::say(l, "report.points-lost", {{"points", V(num2(imp.points_lost))}});
    item.runs.insert(item.runs.end(), lost.begin(), lost.end());
    for (const auto& f : imp.facts) {
      std::vector<Runs> values;
      for (const auto& v : f.values) values.push_back(T(l10n::render(v, l.lang())));
      const Runs what = T(l10n::render(f.what, l.lang()));
      item.sub.push_back(
          values.empty() ? what : doc::say(l, "report.labelled", {{"label", what}, {"items", doc::join(values, l)}}));
    }
    list.items.push_back(std::move(item));
  }
  out << list;
}

void items(doc::Document& out, const report::Data& d, const Labels& l) {
  out << doc::Heading{2, T(l.tr("report.plan-items"))};
  if (!d.plan) {
    out << doc::Paragraph{T(l.tr("report.no-plan"))};
    return;
  }
  if (!d.plan->items || d.plan->items->empty()) {
    out << doc::Paragraph{T(l.tr("report.no-items"))};
    return;
  }
  doc::Table t;
  t.header = headings(l, {"report.item", "report.category", "report.target", "report.weight", "report.progress",
                          "report.linked-needs"});
  t.right = {3, 5};
  t.nowrap = {1, 4};
  for (const auto& it : *d.plan->items) {
    Runs target = V("—");
    if (it.target) target = {doc::text(it.target->metric.v), doc::verbatim(fmt::format(" {}", it.target->value.v))};
    t.rows.push_back({T(it.title.v),
                      T(l.get("category", it.category.v)),
                      target,
                      V(fmt::format("{}", it.weight ? *it.weight : 1.0)),
                      {doc::progress(it.progress ? *it.progress : 0)},
                      V(std::to_string(it.needs ? it.needs->size() : 0))});
  }
  out << t;
}

void needs(doc::Document& out, const report::Data& d, const Labels& l, const ReportOptions& o) {
  out << doc::Heading{2, T(l.tr("report.needs"))};
  if (d.card_needs.empty()) {
    out << doc::Paragraph{T(l.tr("report.no-needs"))};
    return;
  }
  doc::Table t;
  t.header = headings(
      l, {"report.summary-text", "report.status", "report.category", "report.received", "report.due", "report.need"});
  t.nowrap = {1, 2, 3, 4, 5};
  const size_t n = capped(d.card_needs.size(), o) ? kCap : d.card_needs.size();
  for (size_t i = 0; i < n; ++i) {
    const auto& f = d.card_needs[i]->facts;
    const std::string status = l.get("status", ledger::status_name(f.status));
    t.rows.push_back({T(f.need->summary.v),
                      f.overdue ? doc::strong(T(l.tr("report.status-overdue",
                                                     {{"status", status}, {"days", d.result->as_of - f.due}})))
                                : T(status),
                      T(l.get("category", f.need->category.v)), received(f, l), V(f.due.str()), C(f.need->id.v)});
  }
  t.more = more(n, d.card_needs.size(), l);
  out << t;
}

// The meetings of the platforms the branch owns or joins, one line per platform.
void meetings(doc::Document& out, const report::Data& d, const Labels& l) {
  out << doc::Heading{3, T(l.tr("report.meetings"))};
  doc::Table t;
  t.header =
      headings(l, {"report.platform", "report.held-of-expected", "report.last-meeting", "report.needs-discussed"});
  t.right = {1, 3};
  t.nowrap = {2};
  for (const auto& m : d.meetings) {
    if (!m.adherence.value) continue;
    t.rows.push_back({T(m.adherence.platform->name.v), V(fmt::format("{}/{}", m.adherence.held, m.adherence.due)),
                      V(m.last ? m.last->str() : "—"), V(std::to_string(m.needs_discussed))});
  }
  if (t.rows.empty())
    out << doc::Paragraph{T(l.tr("report.no-meetings"))};
  else
    out << t;
}

}  // namespace

void report_card(doc::Document& out, const report::Data& d, const Labels& l, const ReportOptions& o) {
  const model::Branch& b = *d.branch;
  out.title = l.tr("report.heading", {{"title", l.tr("report.branch-report")}, {"name", b.name.v}});
  out << doc::Heading{1, {doc::text(out.title), doc::verbatim(" "), doc::code(b.id.v)}};
  out << doc::Paragraph{T(l.tr("report.card.meta", {{"type", l.get("type", b.type.v)},
                                                    {"street", d.name_of(b.street.v)},
                                                    {"year", d.result->year},
                                                    {"date", i18n::date(d.result->as_of.str())}}))};
  if (!d.card) {
    out << doc::Paragraph{
        doc::say(l, "report.labelled",
                 {{"label", doc::strong(T(l.tr("report.not-scored")))}, {"items", T(l.tr("report.missing-plan"))}})};
  } else {
    const auto& s = *d.card;
    const auto* tm = d.type_mean(b.type.v);
    out << doc::Paragraph{doc::say(l, "report.card.ranks",
                                   {{"plan", C(s.plan->id.v)},
                                    {"status", T(l.get("plan_status", s.plan->status.v))},
                                    {"district", V(fmt::format("{}/{}", s.rank_in_district, d.scored_in_district))},
                                    {"type_rank", V(fmt::format("{}/{}", s.rank_in_type, tm ? tm->scored : 0))},
                                    {"type", T(l.get("type", b.type.v))}})};
    out << doc::Heading{2,
                        T(l.tr("report.card.total", {{"total", num2(s.total)}, {"grade", l.get("grade", s.grade)}}))};
    if (d.previous && d.previous->branch_totals.count(b.id.v)) {
      const double before = d.previous->branch_totals.at(b.id.v);
      out << doc::Paragraph{
          T(l.tr("report.card.change",
                 {{"year", d.previous->year}, {"before", num2(before)}, {"delta", signed2(s.total - before)}}))};
    }
    if (s.provisional) out << doc::Note{T(l.tr("report.card.provisional-note"))};
    improve(out, d, l);
    out << doc::Heading{2, T(l.tr("report.components"))};
    components(out, d, l);
  }
  items(out, d, l);
  needs(out, d, l, o);
  platforms(out, d, l, 2, o);
  meetings(out, d, l);
  secretaries(out, d, l, 2, o);
}

}  // namespace svcorg::render::rpt
