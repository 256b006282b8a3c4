// The layout of the district and street reports: what needs attention first, then the
// rankings and the streets; the detail sections follow (report_detail.cpp).
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "svcorg/l10n/catalogue.hpp"
#include "svcorg/render/markdown.hpp"
#include "svcorg/render/report_common.hpp"
#include "svcorg/score/model.hpp"

namespace svcorg::render::rpt {

using doc::Runs;

std::string pct(const std::optional<double>& r) {
  return r ? fmt::format("{:.1f}%", score::round_to(*r * 100.0, 1)) : std::string("—");
}
std::string num2(double v) {
  return fmt::format("{:.2f}", score::round_to(v, 2));
}
std::string num2(const std::optional<double>& v) {
  return v ? num2(*v) : std::string("—");
}
std::string signed2(double v) {
  const double r = score::round_to(v, 2);
  if (r == 0) return "±0.00";
  return (r > 0 ? "+" : "−") + num2(std::abs(r));
}
std::string days(const std::optional<int32_t>& d) {
  return d ? std::to_string(*d) : std::string("—");
}
Runs received(const ledger::NeedFacts& f, const Labels& l) {
  if (!f.carried_over) return V(f.received.str());
  return T(l.tr("report.received-carried-over", {{"date", f.received.str()}}));
}

Runs name(const report::Data& d, const std::string& id) {
  return T(d.name_of(id));
}

Runs more(size_t shown, size_t total, const Labels& l) {
  if (shown >= total) return {};
  return doc::say(l, "report.and-more", {{"count", V(std::to_string(total - shown))}, {"option", C("--detail")}});
}

bool capped(size_t total, const ReportOptions& o) {
  return !o.detail && total > kCap;
}

std::vector<Runs> headings(const Labels& l, std::initializer_list<const char*> ids) {
  std::vector<Runs> out;
  out.reserve(ids.size());
  for (const char* id : ids) out.push_back(T(l.tr(id)));
  return out;
}

std::string type_short(const std::string& type, const Labels& l) {
  static const std::map<std::string, const char*> ids = {{"residential", "report.type-short.residential"},
                                                         {"social-service", "report.type-short.social-service"},
                                                         {"building", "report.type-short.building"},
                                                         {"enterprise", "report.type-short.enterprise"},
                                                         {"organ", "report.type-short.organ"}};
  auto it = ids.find(type);
  return it == ids.end() ? l.get("type", type) : l.tr(it->second);
}

void header(doc::Document& out, const report::Data& d, const Labels& l, const std::string& title) {
  out.title = d.name.empty() ? title : l.tr("report.heading", {{"title", title}, {"name", d.name}});
  out << doc::Heading{1, T(out.title)};
  out << doc::Paragraph{
      T(l.tr("report.year-as-of", {{"year", d.result->year}, {"date", i18n::date(d.result->as_of.str())}}))};
  if (d.all_provisional)
    out << doc::Note{T(l.tr("report.all-provisional-note"))};
  else if (d.any_provisional)
    out << doc::Note{T(l.tr("report.provisional-note"))};
}

namespace {

Runs grade_cell(const score::BranchScore& s, const Labels& l) {
  return T(l.get("grade", s.grade));
}

// A total, marked `*` when provisional unless every total of the report is (the note says so).
Runs total_cell(const report::Data& d, const score::BranchScore& s) {
  return V(num2(s.total) + (s.provisional && !d.all_provisional ? "*" : ""));
}

// "20/24": a rank of how many.
Runs of(int rank, size_t n) {
  return V(fmt::format("{}/{}", rank, n));
}

// `**label**: items`.
doc::Paragraph labelled(const std::string& label, const std::vector<Runs>& items, const Labels& l) {
  return {doc::say(
      l, "report.labelled",
      {{"label", doc::strong(T(label))}, {"items", items.empty() ? T(l.tr("report.none")) : doc::join(items, l)}})};
}

}  // namespace

void attention(doc::Document& out, const report::Data& d, const Labels& l) {
  const auto& a = d.attention;
  out << doc::CalloutBegin{};
  out << doc::Heading{2, T(l.tr("report.attention"))};
  // Overdue needs: every one, most overdue first (the ledger's oldest-overdue table has the dates).
  out << doc::Paragraph{doc::strong(T(l.tr("report.attention.overdue", {{"count", a.overdue.size()}})))};
  if (a.overdue.empty()) out << doc::Paragraph{T(l.tr("report.none-overdue"))};
  doc::List overdue;
  for (const auto& o : a.overdue) {
    const auto& f = o.row->facts;
    std::vector<std::pair<std::string, Runs>> args = {{"branch", T(o.branch_name)},
                                                      {"summary", T(f.need->summary.v)},
                                                      {"days", doc::strong(V(std::to_string(o.days_overdue)))},
                                                      {"id", C(f.need->id.v)}};
    if (f.carried_over) {
      args.emplace_back("year", V(std::to_string(f.received.year())));
      overdue.items.push_back({doc::say(l, "report.attention.overdue-carried", args), {}});
    } else {
      overdue.items.push_back({doc::say(l, "report.attention.overdue-need", args), {}});
    }
  }
  if (!overdue.items.empty()) out << overdue;
  out << doc::Paragraph{doc::strong(T(l.tr("report.attention.behind")))};
  if (a.behind.empty()) out << doc::Paragraph{T(l.tr("report.attention.none-behind"))};
  doc::List behind;
  for (const auto& p : a.behind)
    behind.items.push_back({doc::say(l, "report.attention.behind-platform",
                                     {{"platform", T(p.platform->name.v)},
                                      {"owner", name(d, p.platform->owner.v)},
                                      {"held", V(std::to_string(p.held))},
                                      {"due", V(std::to_string(p.due))},
                                      {"date", V(l10n::prose_date(p.to.str(), l.lang()))}}),
                            {}});
  if (!behind.items.empty()) out << behind;
  auto names = [&](const std::vector<const model::Branch*>& bs) {
    std::vector<Runs> list;
    for (const auto* b : bs) list.push_back(T(b->name.v));
    return list;
  };
  out << labelled(l.tr("report.attention.uncertified"), names(a.uncertified), l);
  out << labelled(l.tr("report.attention.no-reserve"), names(a.no_reserve), l);
  std::vector<Runs> weak;
  for (const auto* s : a.weak)
    weak.push_back(
        doc::say(l, "report.attention.weak-branch",
                 {{"branch", T(s->branch->name.v)}, {"total", total_cell(d, *s)}, {"grade", grade_cell(*s, l)}}));
  out << labelled(l.tr("report.attention.weak", {{"fair", l.get("grade", "fair")}, {"poor", l.get("grade", "poor")}}),
                  weak, l);
  if (!d.unscored.empty()) {
    std::vector<Runs> items;
    for (const auto* u : d.unscored)
      items.push_back(doc::say(l, "report.attention.unscored",
                               {{"branch", name(d, u->id)}, {"reason", T(unscored_reason(l.lang(), u->reason))}}));
    out << labelled(l.tr("report.not-scored"), items, l);
  }
  std::vector<Runs> grades;
  for (const auto& [grade, n] : a.grades)
    grades.push_back(T(l.tr("report.grade-count", {{"grade", l.get("grade", grade)}, {"count", n}})));
  out << labelled(l.tr("report.attention.grades"), grades, l);
  if (d.previous && d.previous->mean_total && d.mean_total)
    out << labelled(l.tr("report.attention.change", {{"year", d.previous->year}}),
                    {doc::say(l, "report.attention.change-mean",
                              {{"before", V(num2(d.previous->mean_total))},
                               {"now", V(num2(d.mean_total))},
                               {"delta", V(signed2(*d.mean_total - *d.previous->mean_total))},
                               {"provisional", T(d.any_provisional ? l.tr("report.attention.change-provisional",
                                                                          {{"year", d.result->year}})
                                                                   : std::string())}})},
                    l);
  out << doc::CalloutEnd{};
}

void summary(doc::Document& out, const report::Data& d, const Labels& l) {
  out << doc::Heading{2, T(l.tr("report.summary"))};
  std::vector<Runs> types;
  for (const auto& [type, n] : d.own->by_type)
    types.push_back(T(l.tr("report.type-count", {{"type", l.get("type", type)}, {"count", n}})));
  out << doc::Paragraph{doc::say(l, "report.summary.branches",
                                 {{"branches", V(std::to_string(d.branches.size()))},
                                  {"types", doc::join(types, l)},
                                  {"scored", V(std::to_string(d.scores.size()))},
                                  {"mean", V(num2(d.mean_total))}})};
  const auto& m = d.ledger.listing.summary;
  out << doc::Paragraph{doc::say(l, "report.summary.needs",
                                 {{"received", V(std::to_string(m.received))},
                                  {"declined", V(std::to_string(m.declined))},
                                  {"carried", V(std::to_string(m.carried_over))},
                                  {"resolved", V(std::to_string(m.resolved))},
                                  {"open", V(std::to_string(m.open))},
                                  {"overdue", V(std::to_string(m.overdue))},
                                  {"resolution", V(pct(m.resolution_rate))},
                                  {"on_time", V(pct(m.on_time_resolution_rate))},
                                  {"response", V(pct(m.response_on_time_rate))}})};
}

void ranking(doc::Document& out, const report::Data& d, const Labels& l) {
  out << doc::Heading{2, T(l.tr("report.ranking"))};
  const bool change = d.previous.has_value();
  for (const auto& tm : d.type_means) {
    std::vector<const score::BranchScore*> rows;
    for (const auto* s : d.scores)
      if (s->branch->type.v == tm.type) rows.push_back(s);
    if (rows.empty()) continue;
    out << doc::Heading{3, T(l.get("type", tm.type))};
    auto delta = [&](const score::BranchScore& s) -> std::string {
      auto it = d.previous->branch_totals.find(s.branch->id.v);
      return it == d.previous->branch_totals.end() ? "—" : signed2(s.total - it->second);
    };
    if (rows.size() == 1) {
      // One branch of the type: a sentence, not a one-row table.
      const auto& s = *rows.front();
      const Runs branch = d.scope.kind == report::ScopeKind::Street
                              ? T(s.branch->name.v)
                              : doc::say(l, "report.branch-in-street",
                                         {{"branch", T(s.branch->name.v)}, {"street", name(d, s.branch->street.v)}});
      const bool moved = change && d.previous->branch_totals.count(s.branch->id.v);
      std::vector<std::pair<std::string, Runs>> args = {
          {"branch", branch},
          {"total", total_cell(d, s)},
          {"grade", grade_cell(s, l)},
          {"rank_in_type", of(s.rank_in_type, tm.scored)},
          {"rank_in_district", of(s.rank_in_district, d.scored_in_district)}};
      if (moved) {
        args.emplace_back("year", V(std::to_string(d.previous->year)));
        args.emplace_back("delta", V(delta(s)));
      }
      out << doc::Paragraph{doc::say(l, moved ? "report.ranking.single-change" : "report.ranking.single", args)};
      continue;
    }
    // A street's report needs no street column: every branch is the street's.
    const bool street_column = d.scope.kind != report::ScopeKind::Street;
    doc::Table t;
    t.header = {T(l.tr("report.rank-in-type")), T(l.tr("report.branch"))};
    if (street_column) t.header.push_back(T(l.tr("report.street")));
    for (const char* id : {"report.total", "report.grade", "report.rank-in-district"}) t.header.push_back(T(l.tr(id)));
    if (change) t.header.push_back(T(l.tr("report.change-from", {{"year", d.previous->year}})));
    const size_t k = street_column ? 1 : 0;
    t.right = {0, 2 + k, 4 + k};
    if (change) t.right.push_back(5 + k);
    t.nowrap = {3 + k};
    for (const auto* s : rows) {
      std::vector<Runs> row = {of(s->rank_in_type, tm.scored), T(s->branch->name.v)};
      if (street_column) row.push_back(name(d, s->branch->street.v));
      row.push_back(total_cell(d, *s));
      row.push_back(grade_cell(*s, l));
      row.push_back(of(s->rank_in_district, d.scored_in_district));
      if (change) row.push_back(V(delta(*s)));
      t.rows.push_back(std::move(row));
    }
    out << t;
  }
}

namespace {

// A bar chart of means with the value axis every writer draws (from a step below the
// smallest value when that shows the differences, and then a line saying so).
doc::BarChart mean_chart(const std::string& title, std::vector<std::pair<std::string, double>> bars,
                         std::optional<double> reference, const Labels& l) {
  doc::BarChart c;
  c.title = title;
  c.value_label = l.tr("report.mean-total");
  std::vector<double> values;
  for (const auto& b : bars) values.push_back(b.second);
  if (reference) values.push_back(*reference);
  c.axis = value_axis(values, false);
  c.bars = std::move(bars);
  c.reference = reference;
  if (c.axis.lo != 0) c.note = T(l.tr("report.chart.axis-from", {{"value", number(c.axis.lo, c.axis.decimals)}}));
  return c;
}

}  // namespace

void streets(doc::Document& out, const report::Data& d, const Labels& l) {
  out << doc::Heading{2, T(l.tr("report.streets"))};
  const bool district = d.scope.kind == report::ScopeKind::District;
  if (!district && d.own) {
    const auto& r = *d.own;
    out << doc::Paragraph{doc::say(l, "report.streets.one",
                                   {{"branches", V(std::to_string(r.branches))},
                                    {"scored", V(std::to_string(r.scored))},
                                    {"mean", V(num2(r.mean_total))},
                                    {"own", V(std::to_string(r.needs.received))},
                                    {"carried", V(std::to_string(r.needs.carried_over))},
                                    {"resolution", V(pct(r.needs.resolution_rate))},
                                    {"on_time", V(pct(r.needs.on_time_resolution_rate))},
                                    {"adherence", V(pct(r.platform_adherence))}})};
  } else {
    doc::Table t;
    t.header = headings(l, {"report.street", "report.branches", "report.scored", "report.mean-total",
                            "report.own-needs", "report.carried-over", "report.resolution-rate",
                            "report.on-time-resolution-rate", "report.platform-adherence"});
    t.right = {1, 2, 3, 4, 5, 6, 7, 8};
    // The change of the mean total from the previous year, when it was scored.
    const bool change = d.previous.has_value();
    if (change) {
      t.header.insert(t.header.begin() + 4, T(l.tr("report.change-from", {{"year", d.previous->year}})));
      t.right.push_back(9);
    }
    auto row = [&](const score::Rollup& r, const Runs& label, const std::optional<double>& before) {
      t.rows.push_back({label, V(std::to_string(r.branches)), V(std::to_string(r.scored)), V(num2(r.mean_total)),
                        V(std::to_string(r.needs.received)), V(std::to_string(r.needs.carried_over)),
                        V(pct(r.needs.resolution_rate)), V(pct(r.needs.on_time_resolution_rate)),
                        V(pct(r.platform_adherence))});
      if (change)
        t.rows.back().insert(t.rows.back().begin() + 4,
                             V(before && r.mean_total ? signed2(score::round_to(*r.mean_total, 2) - *before) : "—"));
    };
    std::vector<std::pair<std::string, double>> bars;
    for (const auto* st : d.streets) {
      std::optional<double> before;
      if (change && d.previous->street_means.count(st->id)) before = d.previous->street_means.at(st->id);
      row(*st, name(d, st->id), before);
      if (st->mean_total) bars.emplace_back(d.name_of(st->id), score::round_to(*st->mean_total, 2));
    }
    row(*d.own, doc::strong(T(l.tr("report.district-own"))), change ? d.previous->mean_total : std::optional<double>());
    out << t;
    if (!bars.empty()) {
      std::optional<double> mean;
      if (d.own->mean_total) mean = score::round_to(*d.own->mean_total, 2);
      out << mean_chart(l.tr("report.mean-total-by-street"), std::move(bars), mean, l);
    }
  }
  std::vector<std::pair<std::string, double>> by_type;
  for (const auto& [type, mean] : d.mean_by_type) by_type.emplace_back(type_short(type, l), mean);
  if (by_type.size() > 1) out << mean_chart(l.tr("report.mean-total-by-type"), std::move(by_type), std::nullopt, l);
}

doc::Document layout(const report::Data& d, const Labels& l, const ReportOptions& o) {
  using report::ScopeKind;
  doc::Document out;
  if (d.scope.kind == ScopeKind::Branch) {
    report_card(out, d, l, o);
    return out;
  }
  const bool district = d.scope.kind == ScopeKind::District;
  header(out, d, l, district ? l.tr("report.district-report") : l.tr("report.street-report"));
  attention(out, d, l);
  summary(out, d, l);
  ranking(out, d, l);
  streets(out, d, l);
  if (o.brief) return out;  // for a meeting: what needs attention, the rankings, the streets
  ledger(out, d, l, 2, o);
  platforms(out, d, l, 2, o);
  secretaries(out, d, l, 2, o);
  awards(out, d, l, 2);
  appendix(out, d, l);
  return out;
}

}  // namespace svcorg::render::rpt
