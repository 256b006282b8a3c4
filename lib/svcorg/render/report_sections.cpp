// The layout of the district and street reports: what needs attention first, then the
// rankings, then the detail.
#include <fmt/format.h>

#include <algorithm>
#include <map>

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
                                      {"date", V(i18n::prose_date(p.to.str(), l.lang()))}}),
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
  if (c.axis.lo != 0) c.note = T(l.tr("render.chart.axis-from", {{"value", number(c.axis.lo, c.axis.decimals)}}));
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
    for (const char* id : {"report.street", "report.branches", "report.scored", "report.mean-total", "report.own-needs",
                           "report.carried-over", "report.resolution-rate", "report.on-time-resolution-rate",
                           "report.platform-adherence"})
      t.header.push_back(T(l.tr(id)));
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

namespace {

void group_table(doc::Document& out, const std::vector<report::Group>& groups, const std::string& label_group,
                 const std::string& heading, const Labels& l, const ReportOptions& o) {
  doc::Table t;
  t.header.push_back(T(heading));
  for (const char* id : {"report.received-in-year", "report.carried-over", "report.needs-resolved", "report.needs-open",
                         "report.needs-overdue", "report.resolution-rate", "report.on-time-resolution-rate"})
    t.header.push_back(T(l.tr(id)));
  t.right = {1, 2, 3, 4, 5, 6, 7};
  const size_t n = capped(groups.size(), o) ? kCap : groups.size();
  for (size_t i = 0; i < n; ++i) {
    const auto& g = groups[i];
    t.rows.push_back({T(l.get(label_group, g.key)), V(std::to_string(g.metrics.received)),
                      V(std::to_string(g.metrics.carried_over)), V(std::to_string(g.metrics.resolved)),
                      V(std::to_string(g.metrics.open)), V(std::to_string(g.metrics.overdue)),
                      V(pct(g.metrics.resolution_rate)), V(pct(g.metrics.on_time_resolution_rate))});
  }
  if (n < groups.size()) {
    std::vector<Runs> rest;
    for (size_t i = n; i < groups.size(); ++i)
      rest.push_back(T(l.tr("report.group-count",
                            {{"group", l.get(label_group, groups[i].key)}, {"count", groups[i].metrics.size()}})));
    t.more = doc::say(l, "report.and-more-named",
                      {{"count", V(std::to_string(groups.size() - n))}, {"items", doc::join(rest, l)}});
  }
  out << t;
}

// The carried-over count, with the years they were received in: "3 (1 from 2024, 2 from 2025)".
Runs carried_over(const ledger::Metrics& m, const Labels& l) {
  if (m.carried_over_by_year.empty()) return V(std::to_string(m.carried_over));
  std::string years;
  for (const auto& [year, n] : m.carried_over_by_year)
    years += (years.empty() ? "" : l.tr("report.list-separator")) +
             l.tr("report.carried-over-from", {{"count", n}, {"year", year}});
  return T(l.tr("report.carried-over-years", {{"count", m.carried_over}, {"years", years}}));
}

void ledger_summary(doc::Document& out, const ledger::Metrics& m, const Labels& l) {
  doc::Table t{{T(l.tr("report.summary")), T(l.tr("report.figure"))}, {}, {1}, {1}, {}};
  auto add = [&](const char* id, Runs v) { t.rows.push_back({T(l.tr(id)), std::move(v)}); };
  add("report.needs-received-all", V(std::to_string(m.received)));
  add("report.needs-carried-over", carried_over(m, l));
  add("report.needs-resolved", V(std::to_string(m.resolved)));
  add("report.needs-declined", V(std::to_string(m.declined)));
  add("report.needs-open", V(std::to_string(m.open)));
  add("report.needs-overdue", V(std::to_string(m.overdue)));
  add("report.resolution-rate", V(pct(m.resolution_rate)));
  add("report.on-time-resolution-rate", V(pct(m.on_time_resolution_rate)));
  add("report.response-on-time-rate", V(pct(m.response_on_time_rate)));
  add("report.feedback-satisfied-rate", V(pct(m.feedback_satisfied_rate)));
  add("report.reopen-rate", V(pct(m.reopen_rate)));
  add("report.response-days-median-p90", V(days(m.response_days_median) + " / " + days(m.response_days_p90)));
  add("report.resolution-days-median-p90", V(days(m.resolution_days_median) + " / " + days(m.resolution_days_p90)));
  out << t;
  doc::Table b{{T(l.tr("report.backlog")), T(l.tr("report.count"))}, {}, {1}, {}, {}};
  const char* buckets[] = {"0-7", "8-30", "31-90", "> 90"};
  for (size_t i = 0; i < 4; ++i)
    b.rows.push_back({T(l.tr("report.days-range", {{"range", buckets[i]}})), V(std::to_string(m.backlog[i]))});
  out << b;
}

}  // namespace

void ledger(doc::Document& out, const report::Data& d, const Labels& l, int level, const ReportOptions& o) {
  const auto& v = d.ledger;
  out << doc::Heading{level, T(l.tr("report.ledger"))};
  if (v.listing.rows.empty()) {
    out << doc::Paragraph{T(l.tr("report.no-needs"))};
    return;
  }
  ledger_summary(out, v.listing.summary, l);
  out << doc::Heading{level + 1, T(l.tr("report.by-channel"))};
  group_table(out, v.by_channel, "channel", l.tr("report.channel"), l, o);
  doc::PieChart pie;
  pie.title = l.tr("report.by-channel");
  pie.value_label = l.tr("report.count");
  pie.parts = {l.tr("report.received-in-year"), l.tr("report.carried-over")};
  for (const auto& g : v.by_channel) {
    pie.slices.emplace_back(l.get("channel", g.key), static_cast<double>(g.metrics.size()));
    pie.part_values.push_back({static_cast<double>(g.metrics.received), static_cast<double>(g.metrics.carried_over)});
  }
  out << pie;
  out << doc::Heading{level + 1, T(l.tr("report.by-category"))};
  group_table(out, v.by_category, "category", l.tr("report.category"), l, o);
  out << doc::Heading{level + 1, T(l.tr("report.by-disposal"))};
  group_table(out, v.by_disposal, "disposal", l.tr("report.disposal"), l, o);
  out << doc::Heading{level + 1, T(l.tr("report.by-layer"))};
  group_table(out, v.by_layer, "layer", l.tr("report.layer"), l, o);
  if (d.scope.kind != report::ScopeKind::Branch) {
    out << doc::Heading{level + 1, T(l.tr("report.own-needs"))};
    if (v.own_layer.empty()) {
      out << doc::Paragraph{T(l.tr("report.no-needs"))};
    } else {
      doc::Table own;
      for (const char* id :
           {"report.branch", "report.summary-text", "report.status", "report.received", "report.due", "report.need"})
        own.header.push_back(T(l.tr(id)));
      own.nowrap = {2, 3, 4, 5};
      const size_t n = capped(v.own_layer.size(), o) ? kCap : v.own_layer.size();
      for (size_t i = 0; i < n; ++i) {
        const auto* r = v.own_layer[i];
        Runs status = T(l.get("status", ledger::status_name(r->facts.status)));
        if (r->facts.overdue) status.push_back(doc::verbatim(" ⚠"));
        own.rows.push_back({name(d, r->facts.need->branch.v), T(r->facts.need->summary.v), status,
                            received(r->facts, l), V(r->facts.due.str()), C(r->facts.need->id.v)});
      }
      own.more = more(n, v.own_layer.size(), l);
      out << own;
    }
  }
  out << doc::Heading{level + 1, T(l.tr("report.oldest-overdue"))};
  if (v.oldest_overdue.empty()) {
    out << doc::Paragraph{T(l.tr("report.none-overdue"))};
    return;
  }
  doc::Table t;
  for (const char* id :
       {"report.branch", "report.summary-text", "report.days-overdue", "report.received", "report.due", "report.need"})
    t.header.push_back(T(l.tr(id)));
  t.right = {2};
  t.nowrap = {3, 4, 5};
  for (const auto* r : v.oldest_overdue)
    t.rows.push_back({name(d, r->facts.need->branch.v), T(r->facts.need->summary.v),
                      V(std::to_string(d.result->as_of - r->facts.due)), received(r->facts, l), V(r->facts.due.str()),
                      C(r->facts.need->id.v)});
  out << t;
}

void platforms(doc::Document& out, const report::Data& d, const Labels& l, int level, const ReportOptions& o) {
  out << doc::Heading{level, T(l.tr("report.platforms"))};
  if (d.platforms.empty()) {
    out << doc::Paragraph{T(l.tr("report.no-platforms"))};
    return;
  }
  // Lowest adherence first: those behind schedule head the table.
  const auto& list = d.platforms_by_adherence;
  doc::Table t;
  for (const char* id : {"report.platform", "report.owner", "report.level", "report.category", "report.cadence",
                         "report.held", "report.expected", "report.adherence"})
    t.header.push_back(T(l.tr(id)));
  t.right = {5, 6, 7};
  t.nowrap = {2, 3, 4};
  const size_t n = capped(list.size(), o) ? kCap : list.size();
  for (size_t i = 0; i < n; ++i) {
    const auto& a = *list[i];
    const auto& p = *a.platform;
    t.rows.push_back({T(p.name.v), name(d, p.owner.v), T(l.get("level", p.level.v)),
                      T(l.get("platform_category", p.category.v)), T(l.get("cadence", p.cadence.v)),
                      V(a.value ? std::to_string(a.held) : "—"), V(a.value ? fmt::format("{:.1f}", a.expected) : "—"),
                      a.value ? V(pct(a.value)) : T(l.tr("report.window-empty"))});
  }
  if (n < list.size()) {
    const bool all_full = std::all_of(list.begin() + static_cast<std::ptrdiff_t>(n), list.end(),
                                      [](const score::Adherence* a) { return a->value && *a->value >= 1.0; });
    t.more = all_full ? doc::say(l, "report.and-more-on-schedule",
                                 {{"count", V(std::to_string(list.size() - n))}, {"option", C("--detail")}})
                      : more(n, list.size(), l);
  }
  out << t;
}

void secretaries(doc::Document& out, const report::Data& d, const Labels& l, int level, const ReportOptions& o) {
  out << doc::Heading{level, T(l.tr("report.secretaries"))};
  doc::Table t;
  for (const char* id :
       {"report.branch", "report.secretary", "report.certified", "report.competency-gaps", "report.reserve-cadres"})
    t.header.push_back(T(l.tr(id)));
  t.right = {4};
  t.nowrap = {2};
  size_t fine = 0;
  for (const auto& row : d.secretaries) {
    const auto& b = *row.branch;
    std::vector<Runs> gaps;
    for (const auto& [ability, rating] : row.gaps)
      gaps.push_back(T(l.tr("report.ability-rating", {{"ability", l.get("ability", ability)}, {"rating", rating}})));
    // Without --detail, a district or street shows only the secretaries with something
    // to act on; the others are counted in a sentence.
    if (!o.detail && d.scope.kind != report::ScopeKind::Branch && !row.needs_action()) {
      ++fine;
      continue;
    }
    t.rows.push_back({T(b.name.v), T(b.secretary ? b.secretary->name.v : ""),
                      T(row.certified ? l.tr("report.yes") : l.tr("report.no")),
                      gaps.empty() ? T(row.rated ? l.tr("report.none") : l.tr("report.not-rated")) : doc::join(gaps, l),
                      V(std::to_string(row.reserve_cadres))});
  }
  if (t.rows.size() == 1 && d.scope.kind == report::ScopeKind::Branch) {
    const auto& r = t.rows.front();
    out << doc::Paragraph{doc::say(l, "report.secretary.one",
                                   {{"secretary", r[1]}, {"certified", r[2]}, {"gaps", r[3]}, {"reserve", r[4]}})};
  } else if (!t.rows.empty()) {
    out << t;
  }
  if (fine > 0)
    out << doc::Paragraph{
        doc::say(l, "report.secretaries.fine", {{"count", V(std::to_string(fine))}, {"option", C("--detail")}})};
}

void awards(doc::Document& out, const report::Data& d, const Labels& l, int level) {
  out << doc::Heading{level, T(l.tr("report.awards"))};
  if (d.awards.empty()) {
    out << doc::Paragraph{T(l.tr("report.no-awards"))};
    return;
  }
  doc::Table t;
  for (const char* id : {"report.branch", "report.award-kind", "report.title", "report.approved"})
    t.header.push_back(T(l.tr(id)));
  t.nowrap = {1, 3};
  for (const auto& a : d.awards)
    t.rows.push_back({T(a.branch->name.v), T(l.get("award", a.award->kind.v)), T(a.award->title.v),
                      T(a.award->approved && *a.award->approved ? l.tr("report.yes") : l.tr("report.no"))});
  out << t;
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
